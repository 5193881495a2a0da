package dev.periksa.lab;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The e-HAC search cluster: one real OpenSearch node holding the synthetic travellers, answering
 * anyone on the legacy address; the hardened twin reaches the same node only through an
 * authenticating HTTPS front, the node itself listening on the internal address.
 */
final class SearchLab implements LabService {
  private SearchNode node;
  private AuthenticatingFront front;
  private URI legacy;
  private URI hardened;

  @Override
  public String name() {
    return "Elasticsearch-compatible search (OpenSearch 2.19.6)";
  }

  @Override
  public Map<String, String> start(LabContext ctx) throws Exception {
    long t0 = System.nanoTime();
    node =
        SearchNode.start(
            ctx.dir().resolve("opensearch"),
            "ehac-legacy",
            List.of(ctx.legacyHost(), ctx.internalHost()),
            ctx.internalHost());
    ctx.progress(String.format("  OpenSearch up in %.1f s", (System.nanoTime() - t0) / 1e9));
    long t1 = System.nanoTime();
    ctx.progress(
        String.format(
            "  loading %,d synthetic e-HAC travellers and %d hospitals ...",
            ctx.records(), EhacData.HOSPITALS));
    EhacLoader.load(node.client(), ctx.records(), ctx::progress);
    ctx.progress(String.format("  loaded in %.1f s", (System.nanoTime() - t1) / 1e9));
    URI internal =
        URI.create("http://" + ctx.internalHost() + ":" + node.httpPort(ctx.internalHost()));
    front =
        new AuthenticatingFront(
            ctx.hardenedHost(),
            ctx.serverTls("hardened.ehac.lab", ctx.hardenedHost()),
            internal,
            LabContext.HARDENED_USER,
            ctx.secret("hardened"));
    legacy = URI.create("http://" + ctx.legacyHost() + ":" + node.httpPort(ctx.legacyHost()));
    hardened = URI.create("https://" + ctx.hardenedHost() + ":" + front.port());
    Map<String, String> v = new LinkedHashMap<>();
    v.put(Lab.LEGACY_SEARCH, legacy.toString());
    v.put(Lab.HARDENED_SEARCH, hardened.toString());
    return v;
  }

  @Override
  public List<String> describe() {
    return List.of(
        "legacy   search   " + legacy + "  (open OpenSearch cluster)",
        "hardened search   " + hardened + "  (HTTPS + Basic authentication)");
  }

  @Override
  public void close() throws Exception {
    try {
      if (front != null) {
        front.close();
      }
    } finally {
      if (node != null) {
        node.close();
      }
    }
  }
}

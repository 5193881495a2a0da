package dev.periksa.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.opensearch.client.Client;
import org.opensearch.common.settings.Settings;
import org.opensearch.core.common.transport.TransportAddress;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.node.NodeValidationException;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A real OpenSearch 2.19 node in this JVM, with its Netty HTTP layer and no security plugin: it
 * answers anyone who reaches it, exactly like the e-HAC cluster did.
 */
final class SearchNode implements AutoCloseable {

  /** The public constructor of {@link Node} loads no plugins; this one brings Netty. */
  private static final class LabNode extends Node {
    LabNode(Environment env, Collection<Class<? extends Plugin>> plugins) {
      super(env, plugins, true);
    }
  }

  private final Node node;
  private final Map<String, Integer> httpPorts;

  private SearchNode(Node node, Map<String, Integer> httpPorts) {
    this.node = node;
    this.httpPorts = httpPorts;
  }

  /**
   * Starts a single-node cluster.
   *
   * @param home folder for data and logs
   * @param httpHosts loopback addresses the HTTP layer binds, each on a port chosen at bind time
   * @param transportHost loopback address of the (unused) node-to-node transport
   */
  static SearchNode start(
      Path home, String clusterName, List<String> httpHosts, String transportHost)
      throws NodeValidationException {
    // Netty must not fix the processor count JVM-wide: other Netty users may share this JVM.
    System.setProperty("opensearch.set.netty.runtime.available.processors", "false");
    Settings settings =
        Settings.builder()
            .put("cluster.name", clusterName)
            .put("node.name", clusterName + "-1")
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("network.host", transportHost)
            .putList("http.bind_host", httpHosts)
            .put("http.publish_host", httpHosts.get(0))
            .put("http.port", "0")
            .put("transport.port", "0")
            .put("transport.type", Netty4Plugin.NETTY_TRANSPORT_NAME)
            .put("http.type", Netty4Plugin.NETTY_HTTP_TRANSPORT_NAME)
            .put("discovery.type", "single-node")
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();
    Environment env =
        InternalSettingsPreparer.prepareEnvironment(
            settings, Map.of(), home.resolve("config"), () -> clusterName + "-1");
    Node node = new LabNode(env, List.of(Netty4Plugin.class));
    node.start();
    HttpServerTransport http = node.injector().getInstance(HttpServerTransport.class);
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (TransportAddress a : http.boundAddress().boundAddresses()) {
      ports.put(a.getAddress(), a.getPort());
    }
    return new SearchNode(node, ports);
  }

  /** The HTTP port bound on a given address. */
  int httpPort(String host) {
    Integer p = httpPorts.get(host);
    if (p == null) {
      throw new IllegalStateException(
          "OpenSearch did not bind " + host + " (bound: " + httpPorts + ")");
    }
    return p;
  }

  Client client() {
    return node.client();
  }

  @Override
  public void close() throws IOException {
    node.close();
    try {
      node.awaitClose(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

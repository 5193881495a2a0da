package dev.periksa.lab;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.opensearch.action.bulk.BulkRequest;
import org.opensearch.action.bulk.BulkResponse;
import org.opensearch.action.index.IndexRequest;
import org.opensearch.client.Client;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.xcontent.XContentType;

/** Loads the synthetic e-HAC data into the lab's OpenSearch node with bulk requests. */
final class EhacLoader {
  private static final int BATCH = 5_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MAPPING =
      "{\"dynamic_templates\":[{\"strings\":{\"match_mapping_type\":\"string\","
          + "\"mapping\":{\"type\":\"keyword\"}}}]}";

  private EhacLoader() {}

  static void load(Client client, int travellers, Consumer<String> progress) {
    create(client, EhacData.HOSPITALS_INDEX);
    create(client, EhacData.TRAVELLERS_INDEX);
    bulk(client, EhacData.HOSPITALS_INDEX, EhacData.HOSPITALS, EhacData::hospital, "rs_id", null);
    bulk(client, EhacData.TRAVELLERS_INDEX, travellers, EhacData::traveller, "id_ehac", progress);
    client
        .admin()
        .indices()
        .prepareUpdateSettings(EhacData.TRAVELLERS_INDEX, EhacData.HOSPITALS_INDEX)
        .setSettings(Settings.builder().put("index.refresh_interval", "1s"))
        .get();
    client
        .admin()
        .indices()
        .prepareRefresh(EhacData.TRAVELLERS_INDEX, EhacData.HOSPITALS_INDEX)
        .get();
  }

  private static void create(Client client, String index) {
    client
        .admin()
        .indices()
        .prepareCreate(index)
        .setSettings(
            Settings.builder()
                .put("index.number_of_shards", 1)
                .put("index.number_of_replicas", 0)
                .put("index.refresh_interval", "-1"))
        .setMapping(MAPPING)
        .get();
  }

  private static void bulk(
      Client client,
      String index,
      int count,
      IntFunction<Map<String, Object>> doc,
      String idField,
      Consumer<String> progress) {
    long started = System.nanoTime();
    long lastReport = started;
    for (int from = 0; from < count; from += BATCH) {
      BulkRequest req = new BulkRequest();
      int to = Math.min(count, from + BATCH);
      for (int i = from; i < to; i++) {
        Map<String, Object> d = doc.apply(i);
        try {
          req.add(
              new IndexRequest(index)
                  .id(d.get(idField).toString())
                  .source(JSON.writeValueAsBytes(d), XContentType.JSON));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalStateException("cannot serialise a lab record", e);
        }
      }
      BulkResponse res = client.bulk(req).actionGet();
      if (res.hasFailures()) {
        throw new IllegalStateException(
            "loading " + index + " failed: " + res.buildFailureMessage());
      }
      long now = System.nanoTime();
      if (progress != null && (now - lastReport > 3_000_000_000L || to == count)) {
        lastReport = now;
        progress.accept(
            String.format(
                "  %s: %,d of %,d records (%d%%)", index, to, count, (int) (100L * to / count)));
      }
    }
  }
}

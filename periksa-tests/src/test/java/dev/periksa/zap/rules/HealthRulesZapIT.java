package dev.periksa.zap.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.lab.Lab;
import dev.periksa.testing.RawValueScanner;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import dev.periksa.zap.ManagedZap;
import dev.periksa.zap.ZapDistribution;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.zaproxy.clientapi.core.ApiResponse;
import org.zaproxy.clientapi.core.ApiResponseElement;
import org.zaproxy.clientapi.core.ApiResponseList;
import org.zaproxy.clientapi.core.ApiResponseSet;
import org.zaproxy.clientapi.core.ClientApi;

/**
 * Periksa's add-on in a real ZAP 2.17.0 (the managed daemon, with the add-on written into its
 * plugin folder before the start) against the real lab: the rules are loaded; spidering and
 * actively scanning the legacy e-HAC twin's API, web front, search cluster, object store and Solr
 * raises each rule's alert; the hardened twin's same endpoints raise none; and no alert text holds
 * a raw lab NIK, phone or passport number.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HealthRulesZapIT {
  private static final long SCAN_TIMEOUT_MS = 180_000;

  private static ManagedZap zap;
  private static ClientApi api;
  private static Map<String, String> lab;

  /** Alerts of Periksa's rules by twin, as ZAP's API gives them. */
  private static final Map<String, List<Map<String, String>>> ALERTS = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    lab = SharedLab.get().variables();
    ZapDistribution dist = ZapDistribution.ensure(System.out::println);
    zap = ManagedZap.start(dist, List.of(HealthRulesAddOn::writeTo), System.out::println);
    api = zap.client();
  }

  @AfterAll
  static void stop() {
    if (zap != null) {
      zap.close();
    }
  }

  @Test
  @Order(1)
  void zapLoadsTheAddOnAndItsRules() throws Exception {
    Set<String> addOns = new LinkedHashSet<>();
    for (ApiResponse item : ((ApiResponseList) api.autoupdate.installedAddons()).getItems()) {
      addOns.add(((ApiResponseSet) item).getStringValue("id"));
    }
    assertTrue(addOns.contains(HealthRulesAddOn.ID), addOns.toString());
    Map<Integer, ApiResponseSet> scanners = new TreeMap<>();
    for (ApiResponse item : ((ApiResponseList) api.ascan.scanners(null, null)).getItems()) {
      ApiResponseSet s = (ApiResponseSet) item;
      scanners.put(Integer.parseInt(s.getStringValue("id")), s);
    }
    // ZAP said nothing bad about the add-on while loading it.
    List<String> complaints = new ArrayList<>();
    for (String log : List.of("zap-console.log", "zap.log")) {
      java.nio.file.Path file = zap.home().resolve(log);
      if (java.nio.file.Files.exists(file)) {
        for (String line : java.nio.file.Files.readAllLines(file)) {
          if ((line.contains("ERROR") || line.contains("WARN"))
              && (line.contains("dev.periksa") || line.contains(HealthRulesAddOn.ID))) {
            complaints.add(line);
          }
        }
      }
    }
    assertEquals(List.of(), complaints);
    for (HealthRule r : HealthRulesAddOn.rules()) {
      ApiResponseSet s = scanners.get(r.id());
      assertTrue(s != null, r.id() + " not among ZAP's active scan rules: " + scanners.keySet());
      assertEquals(r.name(), s.getStringValue("name"));
      assertEquals("true", s.getStringValue("enabled"), r.name());
    }
  }

  @Test
  @Order(2)
  void eachRuleAlertsOnTheLegacyTwin() throws Exception {
    List<Map<String, String>> alerts = scan("legacy");
    Map<String, List<Map<String, String>>> byRule = byRule(alerts);
    System.out.println("legacy alerts of Periksa's rules:");
    alerts.forEach(a -> System.out.println("  " + describe(a)));
    for (HealthRule r : HealthRulesAddOn.rules()) {
      assertTrue(byRule.containsKey(String.valueOf(r.id())), r.id() + " " + r.name() + " silent");
    }
    String api = host(lab.get("PERIKSA_LAB_LEGACY_API"));
    String search = host(lab.get(Lab.LEGACY_SEARCH));
    String s3 = host(lab.get(Lab.LEGACY_S3));
    assertTrue(anyAt(byRule.get("120100"), api, "High"), "personal data in the API's card");
    assertTrue(anyAt(byRule.get("120103"), api, "High"), "the API's card over plain HTTP");
    assertTrue(anyAt(byRule.get("120102"), api, "High"), "the NIK in the card's QR link");
    assertTrue(
        byRule.get("120101").stream()
            .anyMatch(a -> a.get("alertRef").equals("120101-1") && a.get("url").startsWith(search)),
        "the open search cluster");
    assertTrue(
        byRule.get("120101").stream()
            .anyMatch(a -> a.get("alertRef").equals("120101-2") && a.get("url").startsWith(s3)),
        "the open object store");
    String solr = lab.get("PERIKSA_LAB_LEGACY_SOLR");
    if (solr != null) {
      assertTrue(
          byRule.get("120101").stream()
              .anyMatch(
                  a -> a.get("alertRef").equals("120101-3") && a.get("url").startsWith(host(solr))),
          "the open Solr node");
    }
  }

  @Test
  @Order(3)
  void noRuleAlertsOnTheHardenedTwin() throws Exception {
    List<Map<String, String>> alerts = scan("hardened");
    alerts.forEach(a -> System.out.println("  hardened: " + describe(a)));
    assertEquals(List.of(), alerts.stream().map(HealthRulesZapIT::describe).toList());
  }

  @Test
  @Order(4)
  void lookAlikesRaiseNothing() throws Exception {
    // A catch-all that answers an OpenSearch banner on every path (so _cat/indices is no listing),
    // and a page of masked values, an order number and links that carry it.
    try (TestServers.Running banner =
            TestServers.catchAll("127.0.0.5", 200, TestServers.OPENSEARCH_BANNER);
        TestServers.Running page =
            TestServers.catchAll(
                "127.0.0.5",
                200,
                "{\"nik\":\"3174••••••••0001\",\"no_hp\":\"0812••••••90\","
                    + "\"order\":\"9912011399990001\","
                    + "\"next\":\"/orders?order=9912011399990001&page=2\","
                    + "\"verify\":\"/api/v1/verify/Zx81mQ0aP3kT7uVw9yBc2d\"}")) {
      List<Map<String, String>> alerts =
          scan(
              "look-alikes",
              List.of(banner.url() + "/", page.url() + "/orders?order=9912011399990001"),
              List.of(page.url().toString()));
      assertEquals(List.of(), alerts.stream().map(HealthRulesZapIT::describe).toList());
    }
  }

  @Test
  @Order(5)
  void noAlertTextHoldsARawLabValue() {
    RawValueScanner raw = new RawValueScanner(Lab.Options.DEFAULT_RECORDS);
    List<String> leaks = new ArrayList<>();
    ALERTS.forEach(
        (twin, alerts) -> {
          for (Map<String, String> a : alerts) {
            a.forEach((k, v) -> leaks.addAll(raw.findIn(twin + " alert " + k, v)));
          }
        });
    assertFalse(ALERTS.getOrDefault("legacy", List.of()).isEmpty(), "legacy scanned first");
    assertEquals(List.of(), leaks);
  }

  /** The twin's endpoints ZAP is pointed at: API, search, object store, web front, Solr. */
  private static List<String> seeds(String twin) {
    String prefix = "PERIKSA_LAB_" + twin.toUpperCase(java.util.Locale.ROOT) + "_";
    List<String> seeds = new ArrayList<>();
    String apiBase = lab.get(prefix + "API");
    seeds.add(apiBase + "/api/v1/health");
    seeds.add(apiBase + "/api/v1/hac/EHAC-00000101");
    seeds.add(lab.get(prefix + "SEARCH") + "/");
    String s3 = lab.get(prefix + "S3");
    seeds.add(s3 + "/");
    seeds.add(s3 + "/ehac-exports");
    String web = lab.get(prefix + "WEB");
    seeds.add(web + "/");
    seeds.add(web + "/exports/ehac-travellers-2021-08-01.csv");
    String solr = lab.get(prefix + "SOLR");
    if (solr != null) {
      seeds.add(solr + "/");
    }
    return seeds;
  }

  private static List<Map<String, String>> scan(String twin) throws Exception {
    String prefix = "PERIKSA_LAB_" + twin.toUpperCase(java.util.Locale.ROOT) + "_";
    return scan(
        twin, seeds(twin), List.of(host(lab.get(prefix + "API")), host(lab.get(prefix + "WEB"))));
  }

  /**
   * Opens the seeds through ZAP, spiders the given hosts, actively scans every seeded host with
   * Periksa's rules only, and returns their alerts there.
   */
  private static List<Map<String, String>> scan(
      String name, List<String> seeds, List<String> spidered) throws Exception {
    long t0 = System.nanoTime();
    Set<String> hosts = new LinkedHashSet<>();
    for (String seed : seeds) {
      api.core.accessUrl(seed, "false");
      hosts.add(host(seed));
    }
    for (String h : spidered) {
      String id =
          ((ApiResponseElement) api.spider.scan(h + "/", "20", "true", null, null)).getValue();
      await(() -> Integer.parseInt(((ApiResponseElement) api.spider.status(id)).getValue()));
    }
    api.ascan.disableAllScanners(null);
    StringBuilder ids = new StringBuilder();
    for (HealthRule r : HealthRulesAddOn.rules()) {
      ids.append(ids.length() == 0 ? "" : ",").append(r.id());
    }
    api.ascan.enableScanners(ids.toString(), null);
    for (String h : hosts) {
      String id =
          ((ApiResponseElement) api.ascan.scan(h + "/", "true", "false", null, null, null))
              .getValue();
      await(() -> Integer.parseInt(((ApiResponseElement) api.ascan.status(id)).getValue()));
    }
    System.out.printf(
        "%s: %d hosts seeded, spidered and scanned in %.1f s%n",
        name, hosts.size(), (System.nanoTime() - t0) / 1e9);
    // The scan reached the twin: ZAP holds answered messages (a status line) for each host.
    for (String h : hosts) {
      List<String> statuses = new ArrayList<>();
      for (ApiResponse m : ((ApiResponseList) api.core.messages(h, "0", "50")).getItems()) {
        String header = ((ApiResponseSet) m).getStringValue("responseHeader");
        java.util.regex.Matcher status =
            java.util.regex.Pattern.compile("^HTTP/\\S+ (\\d{3})")
                .matcher(header == null ? "" : header);
        if (status.find()) {
          statuses.add(status.group(1));
        }
      }
      System.out.println("  " + h + " answered ZAP with " + statuses);
      assertFalse(statuses.isEmpty(), "ZAP got no reply from " + h);
    }
    List<Map<String, String>> out = new ArrayList<>();
    for (String h : hosts) {
      for (ApiResponse item :
          ((ApiResponseList) api.alert.alerts(h, null, null, null)).getItems()) {
        Map<String, String> a = new LinkedHashMap<>();
        ((ApiResponseSet) item).getValuesMap().forEach((k, v) -> a.put(k, String.valueOf(v)));
        if (HealthRule.byId(Integer.parseInt(a.getOrDefault("pluginId", "0"))).isPresent()) {
          out.add(a);
        }
      }
    }
    ALERTS.put(name, out);
    return out;
  }

  private interface Progress {
    int percent() throws Exception;
  }

  private static void await(Progress p) throws Exception {
    long deadline = System.currentTimeMillis() + SCAN_TIMEOUT_MS;
    while (p.percent() < 100) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("ZAP did not finish within " + SCAN_TIMEOUT_MS + " ms");
      }
      Thread.sleep(250);
    }
  }

  private static Map<String, List<Map<String, String>>> byRule(List<Map<String, String>> alerts) {
    Map<String, List<Map<String, String>>> out = new TreeMap<>();
    for (Map<String, String> a : alerts) {
      out.computeIfAbsent(a.get("pluginId"), k -> new ArrayList<>()).add(a);
    }
    return out;
  }

  private static boolean anyAt(List<Map<String, String>> alerts, String host, String risk) {
    return alerts != null
        && alerts.stream()
            .anyMatch(a -> a.get("url").startsWith(host) && risk.equals(a.get("risk")));
  }

  private static String describe(Map<String, String> a) {
    return a.get("pluginId")
        + " "
        + a.get("alertRef")
        + " "
        + a.get("risk")
        + "/"
        + a.get("confidence")
        + " "
        + a.get("url")
        + " param="
        + a.get("param")
        + " evidence="
        + a.get("evidence")
        + " | "
        + a.get("other").replace('\n', ' ');
  }

  /** scheme://host:port of a URL. */
  private static String host(String url) {
    URI u = URI.create(url);
    return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
  }
}

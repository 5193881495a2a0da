package dev.periksa.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.periksa.check.registry.Checks;
import dev.periksa.cli.Main;
import dev.periksa.evidence.Severity;
import dev.periksa.regulation.Catalogue;
import dev.periksa.result.ExitCodes;
import dev.periksa.result.TargetOutcome;
import dev.periksa.run.FeatureSet;
import dev.periksa.run.ScanRunner;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.Profiles;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The CI outputs on real scans of the lab with small selections: thresholds, baseline, gate on new,
 * junit.xml against a JUnit schema, results.sarif against the SARIF 2.1.0 schema, selection by
 * regulation and tags, and bad inputs stopped before any probe.
 */
class CiIT {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path runs;

  /** Legacy, hardened and an unreachable target; STO-1 and TLS-2; --fail-on HIGH. */
  static Scan mixed;

  /** Legacy only; --regulation hipaa with --tags "@TLS-2 or @TLS-3": only TLS-3 (MEDIUM) runs. */
  static Scan medium;

  /** As {@link #medium}, against an edited copy of its results as the baseline, --fail-on-new. */
  static Scan compared;

  static String removedFingerprint;

  record Scan(ScanRunner.Result result, String console, JsonNode results) {}

  @BeforeAll
  static void scans() throws Exception {
    TargetProfile legacy = SharedLab.profile("ehac-legacy.yaml");
    TargetProfile hardened = SharedLab.profile("ehac-hardened.yaml");
    TargetProfile unreachable =
        Profiles.search("unreachable search", TestServers.nothingListening("127.0.0.1"));
    Catalogue catalogue = Catalogue.standard();

    mixed =
        scan(
            "mixed",
            List.of(legacy, hardened, unreachable),
            new CiOptions(
                Severity.HIGH, false, null, Selection.of(null, "@STO-1 or @TLS-2", catalogue)));

    Selection hipaaTransport = Selection.of(List.of("hipaa"), "@TLS-2 or @TLS-3", catalogue);
    medium =
        scan("medium", List.of(legacy), new CiOptions(Severity.HIGH, false, null, hipaaTransport));

    // The baseline: the medium run's results, less one finding (so it is new now) and plus one
    // that is not there any more (so it is fixed now).
    ObjectNode edited = (ObjectNode) JSON.readTree(medium.result().results().toFile());
    ObjectNode check = (ObjectNode) edited.at("/targets/0/requirements/0/checks/0");
    ArrayNode findings = (ArrayNode) check.get("findings");
    assertTrue(findings.size() >= 2, "TLS-3 has several findings on the legacy twin");
    removedFingerprint = findings.get(0).path("fingerprint").asText();
    findings.remove(0);
    ObjectNode gone = findings.addObject();
    gone.put("title", "an HTTP port that redirected nowhere (fixed since)");
    gone.put("severity", "MEDIUM");
    gone.put("location", "http://127.0.0.2:1/");
    gone.put("fingerprint", "00000000deadbeef");
    Path baselineFile = runs.resolve("baseline-results.json");
    Files.writeString(baselineFile, JSON.writeValueAsString(edited));
    compared =
        scan(
            "compared",
            List.of(legacy),
            new CiOptions(null, true, Baseline.load(baselineFile), hipaaTransport));
  }

  static Scan scan(String name, List<TargetProfile> profiles, CiOptions ci) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ScanRunner.Result r;
    try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      r =
          new ScanRunner(ps)
              .run(
                  profiles,
                  new ScanRunner.Options(
                      runs.resolve(name), FeatureSet.builtin(), false, Duration.ofSeconds(60), ci));
    }
    String console = out.toString(StandardCharsets.UTF_8) + summary(r);
    System.out.println(console);
    return new Scan(r, console, JSON.readTree(r.results().toFile()));
  }

  /** The end-of-run summary exactly as {@code periksa scan} prints it. */
  static String summary(ScanRunner.Result r) throws Exception {
    var m =
        Class.forName("dev.periksa.cli.Console")
            .getDeclaredMethod("summary", PrintStream.class, ScanRunner.Result.class);
    m.setAccessible(true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      m.invoke(null, ps, r);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  // --- --fail-on ---

  @Test
  void aFailAtOrAboveTheThresholdFailsTheRun() {
    assertEquals(ExitCodes.FAILED, mixed.result().exitCode(), mixed.console());
    assertTrue(
        mixed.result().ci().notes().stream().anyMatch(l -> l.contains("TLS-2.certificates MEDIUM")),
        "the MEDIUM TLS-2 FAIL is named as below the threshold: " + mixed.result().ci().notes());
  }

  @Test
  void failsAllBelowTheThresholdExitZeroAndSayWhich() {
    assertEquals("FAIL", medium.results().at("/targets/0/requirements/0/outcome").asText());
    assertEquals(ExitCodes.CERTIFIED, medium.result().exitCode(), medium.console());
    assertTrue(medium.console().contains("below --fail-on HIGH and did not fail the run"));
    assertTrue(medium.console().contains("TLS-3.https-enforced MEDIUM"), medium.console());
    assertEquals("HIGH", medium.results().at("/run/gate/failOn").asText());
  }

  @Test
  void theSameFailsFailTheRunAtALowerThresholdOrWithoutOne() {
    List<TargetOutcome> t = medium.result().targets();
    Comparison none = Comparison.of(t, null);
    CiOptions medium = new CiOptions(Severity.MEDIUM, false, null, Selection.ALL);
    assertEquals(ExitCodes.FAILED, Gate.decide(t, medium, none).exitCode());
    assertEquals(ExitCodes.FAILED, Gate.decide(t, CiOptions.NONE, none).exitCode());
    CiOptions critical = new CiOptions(Severity.CRITICAL, false, null, Selection.ALL);
    assertEquals(ExitCodes.CERTIFIED, Gate.decide(t, critical, none).exitCode());
  }

  @Test
  void inconclusiveKeepsExitTwoUnlessACountedFailGivesOne() {
    List<TargetOutcome> all = mixed.result().targets();
    TargetOutcome legacy = all.get(0);
    TargetOutcome unreachable = all.get(2);
    assertEquals("INCOMPLETE", unreachable.verdict().name());
    Comparison none = Comparison.of(all, null);
    CiOptions critical = new CiOptions(Severity.CRITICAL, false, null, Selection.ALL);
    // STO-1 is CRITICAL on the legacy twin: it fails the run whatever else could not be verified.
    assertEquals(
        ExitCodes.FAILED, Gate.decide(List.of(unreachable, legacy), critical, none).exitCode());
    // Only MEDIUM FAILs beside an unverifiable target: below HIGH, so the doubt decides.
    List<TargetOutcome> mediumAndDoubt = List.of(medium.result().targets().get(0), unreachable);
    CiOptions high = new CiOptions(Severity.HIGH, false, null, Selection.ALL);
    assertEquals(ExitCodes.INCONCLUSIVE, Gate.decide(mediumAndDoubt, high, none).exitCode());
  }

  // --- --baseline and --fail-on-new ---

  @Test
  void findingsAreMarkedNewUnchangedAndFixedInResultsJson() {
    JsonNode check = compared.results().at("/targets/0/requirements/0/checks/0");
    assertEquals("TLS-3.https-enforced", check.path("id").asText());
    int added = 0;
    int unchanged = 0;
    for (JsonNode f : check.path("findings")) {
      String state = f.path("baseline").asText();
      if (f.path("fingerprint").asText().equals(removedFingerprint)) {
        assertEquals("new", state);
        added++;
      } else {
        assertEquals("unchanged", state, f.toString());
        unchanged++;
      }
    }
    assertEquals(1, added);
    assertTrue(unchanged >= 1);
    JsonNode fixed = check.path("fixedFindings");
    assertEquals(1, fixed.size(), check.toString());
    assertEquals("00000000deadbeef", fixed.get(0).path("fingerprint").asText());
    assertEquals("fixed", fixed.get(0).path("baseline").asText());
    JsonNode counts = compared.results().at("/targets/0/baseline");
    assertEquals(1, counts.path("new").asInt());
    assertEquals(unchanged, counts.path("unchanged").asInt());
    assertEquals(1, counts.path("fixed").asInt());
    assertTrue(compared.results().at("/run/baseline/file").asText().endsWith(".json"));
  }

  @Test
  void theConsoleMarksFindingsAndListsWhatWasFixed() {
    String c = compared.console();
    assertTrue(c.contains("[new] "), c);
    assertTrue(c.contains("[unchanged] "), c);
    assertTrue(c.contains("1 new, "), c);
    assertTrue(c.contains("1 fixed"), c);
    assertTrue(c.contains("fixed: TLS-3.https-enforced MEDIUM an HTTP port that redirected"), c);
  }

  @Test
  void gatingOnNewFailsOnlyOnANewFail() throws Exception {
    assertEquals(ExitCodes.FAILED, compared.result().exitCode(), compared.console());
    // Against the unedited results, nothing is new: the same FAILs do not fail the run.
    Baseline same = Baseline.load(medium.result().results());
    List<TargetOutcome> t = compared.result().targets();
    Comparison cmp = Comparison.of(t, same);
    CiOptions gateNew = new CiOptions(null, true, same, Selection.ALL);
    Gate.Decision d = Gate.decide(t, gateNew, cmp);
    assertEquals(ExitCodes.CERTIFIED, d.exitCode(), d.notes().toString());
    assertTrue(d.notes().stream().anyMatch(l -> l.contains("already in the baseline")));
    // ... and with a threshold above the new one's severity, the new FAIL does not count either.
    CiOptions newAndHigh = new CiOptions(Severity.HIGH, true, same, Selection.ALL);
    assertEquals(
        ExitCodes.CERTIFIED,
        Gate.decide(t, newAndHigh, Comparison.of(t, compared.result().ci().comparison().baseline()))
            .exitCode());
  }

  // --- junit.xml ---

  @Test
  void junitXmlValidatesAgainstTheJUnitSchemaAndHasOneSuitePerTarget() throws Exception {
    Path junit = mixed.result().dir().resolve("junit.xml");
    var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    try (InputStream xsd = CiIT.class.getResourceAsStream("/ci/junit-10.xsd")) {
      factory
          .newSchema(new StreamSource(xsd))
          .newValidator()
          .validate(new StreamSource(junit.toFile()));
    }
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
    NodeList suites = doc.getElementsByTagName("testsuite");
    assertEquals(3, suites.getLength());
    Element legacy = (Element) suites.item(0);
    Element hardened = (Element) suites.item(1);
    Element unreachable = (Element) suites.item(2);
    assertEquals("e-HAC legacy twin (lab)", legacy.getAttribute("name"));
    Element sto1 = testcase(legacy, "storage.STO-1", "STO-1.search-cluster");
    Element failure = (Element) sto1.getElementsByTagName("failure").item(0);
    assertNotNull(failure, "STO-1 fails on the legacy twin");
    assertEquals("CRITICAL", failure.getAttribute("type"));
    assertTrue(failure.getAttribute("message").startsWith("CRITICAL: "));
    assertFalse(failure.getTextContent().isBlank());
    Element tls2 = testcase(legacy, "transport.TLS-2", "TLS-2.certificates");
    assertEquals(1, tls2.getElementsByTagName("failure").getLength());
    // The hardened twin passes: no child element but the time.
    Element passed = testcase(hardened, "storage.STO-1", "STO-1.search-cluster");
    assertEquals(0, passed.getChildNodes().getLength() - countText(passed));
    assertEquals("0", hardened.getAttribute("failures"));
    // Kibana is not declared: skipped as NOT_APPLICABLE.
    Element kibana = testcase(hardened, "storage.STO-1", "STO-1.kibana");
    Element skipped = (Element) kibana.getElementsByTagName("skipped").item(0);
    assertTrue(skipped.getAttribute("message").startsWith("NOT_APPLICABLE"));
    // The unreachable target: INCONCLUSIVE is an error.
    Element doubt = testcase(unreachable, "storage.STO-1", "STO-1.search-cluster");
    Element error = (Element) doubt.getElementsByTagName("error").item(0);
    assertEquals("INCONCLUSIVE", error.getAttribute("type"));
    assertEquals("1", unreachable.getAttribute("errors"));
  }

  @Test
  void junitXmlOfTheComparedRunCarriesBaselineStates() throws Exception {
    String xml = Files.readString(compared.result().dir().resolve("junit.xml"));
    assertTrue(xml.contains("[new]"), xml);
    assertTrue(xml.contains("[unchanged]"), xml);
    assertTrue(xml.contains("fixed since the baseline: MEDIUM an HTTP port"), xml);
    assertTrue(xml.contains("1 new, "), xml);
  }

  /** The testcase of a check, found by the check's title (from results.json). */
  private static Element testcase(Element suite, String classname, String checkId) {
    String title = checkTitle(checkId);
    NodeList cases = suite.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element e = (Element) cases.item(i);
      if (e.getAttribute("classname").equals(classname)
          && e.getAttribute("name").startsWith(title)) {
        return e;
      }
    }
    throw new AssertionError("no testcase " + classname + " / " + title);
  }

  private static String checkTitle(String checkId) {
    for (var c : Checks.all()) {
      if (c.metadata().id().equals(checkId)) {
        return c.metadata().title();
      }
    }
    throw new AssertionError("no check " + checkId);
  }

  private static int countText(Element e) {
    int n = 0;
    for (int i = 0; i < e.getChildNodes().getLength(); i++) {
      if (e.getChildNodes().item(i).getNodeType() == org.w3c.dom.Node.TEXT_NODE) {
        n++;
      }
    }
    return n;
  }

  // --- results.sarif ---

  @Test
  void sarifValidatesAgainstTheSarif210Schema() throws Exception {
    for (Scan s : List.of(mixed, medium, compared)) {
      List<Error> errors = validateSarif(s.result().dir().resolve("results.sarif"));
      assertTrue(errors.isEmpty(), s.result().dir() + ": " + errors);
    }
  }

  @Test
  void sarifCarriesRulesResultsSuppressionsAndBaselineStates() throws Exception {
    JsonNode run =
        JSON.readTree(mixed.result().dir().resolve("results.sarif").toFile()).at("/runs/0");
    JsonNode driver = run.at("/tool/driver");
    assertEquals("Periksa", driver.path("name").asText());
    assertFalse(driver.path("version").asText().isBlank());
    assertEquals(Checks.all().size(), driver.path("rules").size());
    JsonNode rule = null;
    for (JsonNode r : driver.path("rules")) {
      if (r.path("id").asText().equals("STO-1.search-cluster")) {
        rule = r;
      }
    }
    assertNotNull(rule);
    assertTrue(
        rule.at("/properties/tags").toString().contains("external/cwe/cwe-306"), rule.toString());
    assertTrue(rule.at("/properties/security-severity").isNumber());
    assertEquals("STO-1", rule.at("/properties/requirements/0").asText());
    assertTrue(rule.at("/properties/clauses").toString().contains("hipaa:164.312(a)(1)"));
    assertFalse(rule.at("/help/text").asText().isBlank());
    boolean critical = false;
    boolean review = false;
    for (JsonNode res : run.path("results")) {
      if (res.path("ruleId").asText().equals("STO-1.search-cluster")
          && res.path("kind").asText().equals("fail")) {
        critical = true;
        assertEquals("error", res.path("level").asText());
        assertTrue(
            res.at("/locations/0/physicalLocation/artifactLocation/uri")
                .asText()
                .startsWith("http://127.0.0.2:"));
        assertEquals(16, res.at("/partialFingerprints/periksaFinding~1v1").asText().length());
      }
      if (res.path("kind").asText().equals("review")) {
        review = true;
        assertEquals("none", res.path("level").asText());
        assertEquals("unreachable search", res.at("/properties/target").asText());
      }
    }
    assertTrue(critical && review, run.path("results").toString());

    JsonNode cmp =
        JSON.readTree(compared.result().dir().resolve("results.sarif").toFile()).at("/runs/0");
    List<String> states = new ArrayList<>();
    cmp.path("results").forEach(r -> states.add(r.path("baselineState").asText()));
    assertTrue(
        states.contains("new") && states.contains("unchanged") && states.contains("absent"),
        states.toString());
  }

  static List<Error> validateSarif(Path file) throws Exception {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
    Schema schema;
    try (InputStream in = CiIT.class.getResourceAsStream("/ci/sarif-schema-2.1.0.json")) {
      schema = registry.getSchema(in);
    }
    return schema.validate(JSON.readTree(file.toFile()));
  }

  // --- --regulation and --tags ---

  @Test
  void theSelectionRunsOnlyWhatItSelectsAndIsRecorded() {
    JsonNode reqs = medium.results().at("/targets/0/requirements");
    assertEquals(1, reqs.size(), reqs.toString());
    assertEquals("TLS-3", reqs.get(0).path("id").asText(), "TLS-2 serves no HIPAA clause");
    assertEquals("hipaa", medium.results().at("/run/selection/regulations/0").asText());
    assertEquals("@TLS-2 or @TLS-3", medium.results().at("/run/selection/tags").asText());
    assertTrue(
        medium
            .results()
            .at("/run/selection/expression")
            .asText()
            .contains("@hipaa:164.312\\(d\\)"));
    List<String> mixedIds = new ArrayList<>();
    mixed.results().at("/targets/0/requirements").forEach(r -> mixedIds.add(r.path("id").asText()));
    assertEquals(List.of("STO-1", "TLS-2"), mixedIds);
  }

  @Test
  void theSelectionIsInTheReportEnvironment() throws Exception {
    String env =
        Files.readString(medium.result().dir().resolve("allure-results/environment.properties"));
    assertTrue(env.contains("Selection"), env);
    assertTrue(env.contains("hipaa"), env);
  }

  // --- bad inputs: exit 64, nothing probed ---

  @Test
  void badInputsStopWithUsageBeforeAnyProbe() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      AtomicInteger connections = new AtomicInteger();
      Thread accept =
          new Thread(
              () -> {
                while (!listener.isClosed()) {
                  try (Socket s = listener.accept()) {
                    connections.incrementAndGet();
                  } catch (java.io.IOException e) {
                    return;
                  }
                }
              });
      accept.setDaemon(true);
      accept.start();
      Path profile = runs.resolve("counted.yaml");
      Files.writeString(
          profile,
          "name: counted\n"
              + "scope:\n  hosts: [\"127.0.0.1\"]\n"
              + "endpoints:\n"
              + "  - name: search\n    kind: search\n    url: \"http://127.0.0.1:"
              + listener.getLocalPort()
              + "\"\n");
      Path garbage = Files.writeString(runs.resolve("garbage.json"), "{not json");
      Path notResults = Files.writeString(runs.resolve("other.json"), "{\"a\": 1}");
      List<List<String>> bad =
          List.of(
              List.of("--baseline", runs.resolve("missing/results.json").toString()),
              List.of("--baseline", garbage.toString()),
              List.of("--baseline", notResults.toString()),
              List.of("--fail-on-new"),
              List.of("--fail-on", "SEVERE"),
              List.of("--regulation", "sox"),
              List.of("--tags", "@STO-1 or"),
              List.of("--tags", "@NO-SUCH-REQUIREMENT"));
      int i = 0;
      for (List<String> extra : bad) {
        Path out = runs.resolve("bad-" + i++);
        List<String> args =
            new ArrayList<>(
                List.of(
                    "scan",
                    "--target",
                    profile.toString(),
                    "--out",
                    out.toString(),
                    "--no-report"));
        args.addAll(extra);
        assertEquals(ExitCodes.USAGE, Main.execute(args.toArray(String[]::new)), extra.toString());
        assertFalse(Files.exists(out.resolve("results.json")), extra.toString());
      }
      Thread.sleep(200);
      assertEquals(0, connections.get(), "nothing may be probed when an input is bad");
    }
  }
}

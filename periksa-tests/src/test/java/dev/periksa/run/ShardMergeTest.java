package dev.periksa.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.periksa.certificate.CertificateVerifier;
import dev.periksa.certificate.Certificates;
import dev.periksa.certificate.SigningKey;
import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.registry.Checks;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Severity;
import dev.periksa.json.Json;
import dev.periksa.regulation.Catalogue;
import dev.periksa.report.CertificationSummary;
import dev.periksa.report.Texts;
import dev.periksa.result.TargetOutcome;
import dev.periksa.target.FleetInventory;
import dev.periksa.target.Scope;
import dev.periksa.target.TargetProfile;
import dev.periksa.waiver.Exemptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merging shard folders without scanning: shard folders are written by the standard outputs from
 * outcomes made here (failing, passing and stopped checks, evidence, a registry check and the
 * "scenario" pseudo-check), then merged. The merge reads every target back as it was written and
 * verifies; a missing shard, a target in two shards, a tampered shard, other features or a run that
 * is not complete are refused.
 */
class ShardMergeTest {
  static final Catalogue CATALOGUE = Catalogue.standard();
  static final PrintStream QUIET = new PrintStream(ByteArrayOutputStream.nullOutputStream());

  @TempDir Path dir;
  List<TargetOutcome> all;

  @BeforeEach
  void outcomes() throws Exception {
    CheckMetadata storage = metadata("STO-1");
    CheckMetadata auth = metadata("AUT-1");
    all = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      String name = String.format("clinic-%02d", i);
      Path yaml = dir.resolve("profiles").resolve(name + ".yaml");
      Files.createDirectories(yaml.getParent());
      Files.writeString(yaml, "name: " + name + "\n");
      TargetProfile p =
          new TargetProfile(
              name,
              "",
              new Scope(List.of("127.0.0." + (10 + i))),
              5,
              3,
              List.of(),
              List.of(),
              List.of(),
              null,
              yaml);
      Map<String, List<CheckResult>> byReq = new LinkedHashMap<>();
      Instant at = Instant.parse("2026-03-01T08:00:00Z").plusSeconds(i);
      Evidence e =
          new Evidence(
              "index listing",
              "GET http://127.0.0." + (10 + i) + ":9200/_cat/indices",
              200,
              Map.of("indices", 3, "name", "patients"),
              Map.of("NIK", 2),
              List.of("{\"nik\":\"3171••••••••0001\"}"),
              "ab".repeat(32),
              1234);
      CheckResult storageResult =
          i % 2 == 0
              ? new CheckResult(
                  storage,
                  Outcome.FAIL,
                  "the cluster answers without credentials",
                  List.of(
                      new Finding(
                          "search cluster readable without credentials",
                          "http://127.0.0." + (10 + i) + ":9200/",
                          Severity.CRITICAL,
                          List.of(e),
                          "Require authentication.")),
                  List.of(e),
                  at,
                  Duration.ofMillis(120 + i))
              : new CheckResult(
                  storage,
                  Outcome.PASS,
                  "asks for credentials",
                  List.of(),
                  List.of(e),
                  at,
                  Duration.ofMillis(80));
      byReq.put("STO-1", List.of(storageResult));
      List<CheckResult> authResults = new ArrayList<>();
      authResults.add(
          new CheckResult(
              auth, Outcome.PASS, "401 without a token", List.of(), List.of(), at, Duration.ZERO));
      if (i == 3) {
        authResults.add(
            CheckResult.of(
                new CheckMetadata(
                    "scenario",
                    "a scenario that stopped",
                    "-",
                    List.of("AUT-1"),
                    List.of(),
                    List.of(),
                    "Fix the feature."),
                Outcome.INCONCLUSIVE,
                "the scenario stopped before a verdict (FAILED)"));
      }
      byReq.put("AUT-1", authResults);
      all.add(TargetOutcome.of(p, byReq, CATALOGUE, List.of()));
    }
  }

  static CheckMetadata metadata(String requirement) {
    return Checks.all().stream()
        .map(Check::metadata)
        .filter(m -> m.requirementIds().contains(requirement))
        .findFirst()
        .orElseThrow();
  }

  /** A run folder as a scan of these outcomes writes it. */
  static void write(Path out, List<TargetOutcome> outcomes, String shard, FeatureSet features)
      throws Exception {
    Files.createDirectories(out);
    Path allure = Files.createDirectories(out.resolve("allure-results"));
    Files.writeString(allure.resolve("0a1b-" + out.getFileName() + "-result.json"), "{}");
    SigningKey key = SigningKey.throwaway();
    ScanRunner.Options options =
        new ScanRunner.Options(out, features, false, Duration.ofSeconds(30))
            .withFleet(Fleet.DEFAULT.withShard(shard));
    Instant started = Instant.parse("2026-03-01T08:00:00Z");
    Instant finished = started.plusSeconds(60);
    String runId = ScanRunner.newRunId();
    Map<String, Object> summary =
        CertificationSummary.of(
            new CertificationSummary.Run(
                runId, started, finished, features.hash(), out.toString(), key.fingerprint()),
            outcomes,
            CATALOGUE,
            List.of(),
            Exemptions.NONE,
            Texts.of("en"));
    Outputs.writeAll(
        new RunRecord(
            out,
            allure,
            runId,
            started,
            finished,
            outcomes.stream().map(TargetOutcome::profile).toList(),
            outcomes,
            options,
            Exemptions.NONE,
            CATALOGUE,
            key,
            Texts.of("en"),
            summary,
            QUIET,
            null));
  }

  /** The N shards of every target, as scan --shard K/N would split them. */
  List<Path> shards(int n) throws Exception {
    List<Path> out = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      List<String> names =
          FleetInventory.shard(all.stream().map(TargetOutcome::profile).toList(), k + "/" + n)
              .stream()
              .map(TargetProfile::name)
              .toList();
      Path d = dir.resolve("shard-" + k);
      write(
          d,
          all.stream().filter(t -> names.contains(t.profile().name())).toList(),
          k + "/" + n,
          FeatureSet.builtin());
      out.add(d);
    }
    return out;
  }

  ScanRunner.Result merge(List<Path> shards) throws Exception {
    return new ShardMerge(QUIET)
        .merge(shards, new ShardMerge.Options(dir.resolve("merged"), null, null, false, null));
  }

  @Test
  void theMergedRunSaysWhatOneRunOfEveryTargetSays() throws Exception {
    List<Path> shards = shards(3);
    ScanRunner.Result merged = merge(List.of(shards.get(2), shards.get(0), shards.get(1)));
    Path whole = dir.resolve("whole");
    write(whole, all, null, FeatureSet.builtin());

    JsonNode m = Json.MAPPER.readTree(merged.results().toFile());
    JsonNode w = Json.MAPPER.readTree(whole.resolve("results.json").toFile());
    assertEquals(w.path("targets"), m.path("targets"), "every target, as written, in name order");
    assertEquals(w.path("coverage"), m.path("coverage"));
    assertEquals("COMPLETE", m.path("run").path("status").asText());
    assertTrue(m.path("run").path("shard").isMissingNode(), "the merge is the whole run");
    assertEquals(1, merged.exitCode(), "a target failed, as in the whole run");

    JsonNode listed = m.path("run").path(Certificates.SHARDS);
    assertEquals(3, listed.size());
    for (int k = 1; k <= 3; k++) {
      JsonNode s = listed.get(k - 1);
      Path d = shards.get(k - 1);
      assertEquals(k + "/3", s.path("shard").asText());
      assertEquals(d.getFileName().toString(), s.path("folder").asText());
      assertEquals(
          Certificates.sha256(d.resolve(Certificates.FILE)), s.path("certificateSha256").asText());
      JsonNode shardRun = Json.MAPPER.readTree(d.resolve("results.json").toFile()).path("run");
      assertEquals(shardRun.path("id").asText(), s.path("runId").asText());
      assertEquals(
          CertificateVerifier.verify(d, null).fingerprint(), s.path("keyFingerprint").asText());
    }
    CertificateVerifier.Report r = CertificateVerifier.verify(merged.dir(), null);
    assertTrue(r.intact(), "" + r.problems());
    JsonNode cert = Json.MAPPER.readTree(merged.dir().resolve(Certificates.FILE).toFile());
    assertEquals(listed, cert.path("payload").path("run").path(Certificates.SHARDS));
    JsonNode shardCert =
        Json.MAPPER.readTree(shards.get(0).resolve(Certificates.FILE).toFile()).path("payload");
    String first = shardCert.path("targets").get(0).path("name").asText();
    for (JsonNode t : cert.path("payload").path("targets")) {
      if (t.path("name").asText().equals(first)) {
        assertEquals(
            shardCert.path("targets").get(0).path("profileSha256"),
            t.path("profileSha256"),
            "the profile hash its shard recorded");
      }
    }
    for (Path d : shards) {
      assertTrue(
          Files.exists(
              merged.dir().resolve("allure-results/0a1b-" + d.getFileName() + "-result.json")),
          "each shard's Allure results are carried");
    }
    assertTrue(Files.exists(merged.dir().resolve("junit.xml")));
    assertTrue(Files.exists(merged.dir().resolve("results.sarif")));
  }

  @Test
  void aChangedShardListInTheMergedRunDoesNotVerify() throws Exception {
    ScanRunner.Result merged = merge(shards(2));
    ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(merged.results().toFile());
    ((ObjectNode) doc.path("run").path(Certificates.SHARDS).get(0)).put("runId", "forged");
    Files.writeString(merged.results(), Json.MAPPER.writeValueAsString(doc));
    List<String> problems = CertificateVerifier.verify(merged.dir(), null).problems();
    assertTrue(problems.stream().anyMatch(p -> p.contains("run.shards")), "" + problems);
  }

  @Test
  void aMissingShardIsNamed() throws Exception {
    List<Path> shards = shards(4);
    ShardMerge.RefusedException e =
        assertThrows(
            ShardMerge.RefusedException.class, () -> merge(List.of(shards.get(0), shards.get(2))));
    assertTrue(e.getMessage().contains("shards 2/4, 4/4 missing"), e.getMessage());
    assertTrue(!Files.exists(dir.resolve("merged")), "nothing written");
  }

  @Test
  void aShardGivenTwiceIsRefused() throws Exception {
    List<Path> shards = shards(2);
    ShardMerge.RefusedException e =
        assertThrows(
            ShardMerge.RefusedException.class,
            () -> merge(List.of(shards.get(0), shards.get(1), shards.get(0))));
    assertTrue(e.getMessage().contains("shard 1/2 given twice"), e.getMessage());
  }

  @Test
  void aTargetInTwoShardsIsRefused() throws Exception {
    write(dir.resolve("a"), all.subList(0, 4), "1/2", FeatureSet.builtin());
    write(dir.resolve("b"), all.subList(3, 7), "2/2", FeatureSet.builtin());
    ShardMerge.RefusedException e =
        assertThrows(
            ShardMerge.RefusedException.class,
            () -> merge(List.of(dir.resolve("a"), dir.resolve("b"))));
    assertTrue(e.getMessage().contains("target 'clinic-04' is in"), e.getMessage());
    assertTrue(e.getMessage().contains("one shard only"), e.getMessage());
  }

  @Test
  void aTamperedShardIsRefused() throws Exception {
    List<Path> shards = shards(2);
    Path results = shards.get(1).resolve("results.json");
    Files.writeString(results, Files.readString(results).replace("NOT_CERTIFIED", "CERTIFIED"));
    ShardMerge.RefusedException e =
        assertThrows(ShardMerge.RefusedException.class, () -> merge(shards));
    assertTrue(e.getMessage().contains("does not verify"), e.getMessage());
    assertTrue(e.getMessage().contains("results.json"), e.getMessage());
  }

  @Test
  void shardsOfOtherFeaturesAreRefused() throws Exception {
    List<Path> shards = shards(2);
    Path other = dir.resolve("other-2");
    FeatureSet builtin = FeatureSet.builtin();
    write(
        other,
        all.subList(6, 7),
        "2/2",
        FeatureSet.recorded(builtin.describe(), "0".repeat(64), builtin.files()));
    ShardMerge.RefusedException e =
        assertThrows(ShardMerge.RefusedException.class, () -> merge(List.of(shards.get(0), other)));
    assertTrue(e.getMessage().contains("made by other features"), e.getMessage());
  }

  @Test
  void anIncompleteRunIsRefused() throws Exception {
    Path stopped = Files.createDirectories(dir.resolve("stopped"));
    Files.writeString(
        stopped.resolve("results.json"), "{\"run\":{\"status\":\"INCOMPLETE\",\"shard\":\"1/1\"}}");
    ShardMerge.RefusedException e =
        assertThrows(ShardMerge.RefusedException.class, () -> merge(List.of(stopped)));
    assertTrue(e.getMessage().contains("does not verify"), e.getMessage());
    assertTrue(e.getMessage().contains("certificate.json: missing"), e.getMessage());
  }
}

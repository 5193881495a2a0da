package dev.periksa.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.periksa.certificate.CertificateVerifier;
import dev.periksa.certificate.Certificates;
import dev.periksa.certificate.SigningKey;
import dev.periksa.check.Attestation;
import dev.periksa.check.Check;
import dev.periksa.check.CheckResult;
import dev.periksa.check.registry.Checks;
import dev.periksa.ci.CiOptions;
import dev.periksa.ci.Selection;
import dev.periksa.evidence.Severity;
import dev.periksa.json.Json;
import dev.periksa.regulation.Catalogue;
import dev.periksa.report.CertificationSummary;
import dev.periksa.report.ResultReader;
import dev.periksa.report.Texts;
import dev.periksa.result.RequirementOutcome;
import dev.periksa.result.TargetOutcome;
import dev.periksa.result.Version;
import dev.periksa.target.FleetInventory;
import dev.periksa.target.ProfileException;
import dev.periksa.target.TargetProfile;
import dev.periksa.waiver.Exemptions;
import dev.periksa.waiver.Waiver;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Combines the run folders of a fleet's shards ({@code --shard K/N}) into one run, as if one
 * process had scanned every target: each shard folder is verified against its certificate first,
 * the shards must have run the same features, selection, gate, waivers and attestations with this
 * Periksa, every shard of 1..N must be there once and no target may be in two of them. Each
 * target's outcome is read back from its shard's results.json ({@link ResultReader}); the merged
 * folder then gets the standard outputs ({@link Outputs#STANDARD}), the targets in name order (the
 * order shards take their share in), and its results.json and certificate list the shard
 * certificates it verified. Anything it cannot vouch for is refused, never merged in part.
 */
public final class ShardMerge {
  /** Run-level Allure files each run writes itself; a shard's are not carried into the merge. */
  private static final List<String> RUN_LEVEL =
      List.of(
          "categories.json",
          "environment.properties",
          "executor.json",
          CertificationSummary.FILE,
          "history");

  /**
   * How to merge.
   *
   * @param outDir the merged run folder (new or empty); null for {@code reports/<run-id>}
   * @param signingKey signs the merged certificate; null for a throwaway key
   * @param shardKey the key every shard must be signed with; null to accept each embedded key
   * @param renderReport whether to render report.html
   * @param historyFrom a previous run folder whose Allure history the merged run carries; null for
   *     the default (the newest earlier run under {@code reports/})
   */
  public record Options(
      Path outDir,
      SigningKey signingKey,
      PublicKey shardKey,
      boolean renderReport,
      Path historyFrom) {}

  /** A shard folder cannot be merged (not verified, not complete, not alike, repeated). */
  public static final class RefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    RefusedException(String message) {
      super(message);
    }
  }

  /** One verified shard folder. */
  private record Shard(
      Path dir,
      JsonNode results,
      JsonNode certificate,
      String certificateSha256,
      String keyFingerprint,
      int k,
      int n,
      String lang) {
    String label() {
      return n == 0 ? null : k + "/" + n;
    }
  }

  private final PrintStream out;
  private final Catalogue catalogue = Catalogue.standard();

  public ShardMerge(PrintStream out) {
    this.out = out;
  }

  /** Verifies, checks and merges the shard folders into one run folder. */
  public ScanRunner.Result merge(List<Path> dirs, Options options) throws IOException {
    if (dirs.isEmpty()) {
      throw new RefusedException("name the shard folders to merge");
    }
    List<Shard> shards = new ArrayList<>();
    for (Path d : dirs) {
      shards.add(verified(d, options.shardKey()));
    }
    requireAlike(shards);
    requireEveryShardOnce(shards);
    shards.sort(Comparator.comparingInt(Shard::k));

    ResultReader reader =
        new ResultReader(catalogue, Checks.all().stream().map(Check::metadata).toList());
    Map<String, TargetOutcome> byName = new TreeMap<>();
    Map<String, Path> from = new LinkedHashMap<>();
    Map<String, String> profileHashes = new LinkedHashMap<>();
    for (Shard s : shards) {
      Map<String, String> hashes = new LinkedHashMap<>();
      for (JsonNode t : s.certificate().path("payload").path("targets")) {
        JsonNode h = t.path("profileSha256");
        hashes.put(t.path("name").asText(), h.isTextual() ? h.asText() : null);
      }
      for (JsonNode t : s.results().path("targets")) {
        TargetOutcome o;
        try {
          o = reader.target(t);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
          throw new RefusedException(s.dir() + "/results.json: " + e.getMessage());
        }
        String name = o.profile().name();
        Path before = from.putIfAbsent(name, s.dir());
        if (before != null) {
          throw new RefusedException(
              "target '"
                  + name
                  + "' is in "
                  + before
                  + " and in "
                  + s.dir()
                  + ": each target must be scanned by one shard only");
        }
        byName.put(name, o);
        profileHashes.put(name, hashes.get(name));
      }
    }
    List<TargetOutcome> outcomes = List.copyOf(byName.values());
    return write(shards, outcomes, profileHashes, options);
  }

  /** The shard folder, verified as {@code periksa verify} verifies it, and complete. */
  private static Shard verified(Path dir, PublicKey pinned) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new RefusedException(dir + ": not a folder");
    }
    CertificateVerifier.Report r = CertificateVerifier.verify(dir, pinned);
    if (!r.intact()) {
      StringBuilder b = new StringBuilder(dir + ": does not verify (" + r.problems().size());
      b.append(" problem(s)); it cannot be merged:");
      r.problems().stream().limit(5).forEach(p -> b.append("\n  - ").append(p));
      if (r.problems().size() > 5) {
        b.append("\n  ... (periksa verify ").append(dir).append(" lists every one)");
      }
      throw new RefusedException(b.toString());
    }
    JsonNode results = Json.MAPPER.readTree(dir.resolve("results.json").toFile());
    JsonNode run = results.path("run");
    if (!"COMPLETE".equals(run.path("status").asText())) {
      throw new RefusedException(
          dir + ": the run is " + run.path("status").asText("not complete") + ", not COMPLETE");
    }
    Path cert = dir.resolve(Certificates.FILE);
    JsonNode certificate = Json.MAPPER.readTree(cert.toFile());
    int k = 0;
    int n = 0;
    if (run.hasNonNull("shard")) {
      try {
        int[] kn = FleetInventory.parseShard(run.path("shard").asText());
        k = kn[0];
        n = kn[1];
      } catch (ProfileException e) {
        throw new RefusedException(dir + ": run.shard: " + e.getMessage());
      }
    }
    String lang = "en";
    Path summary = dir.resolve("allure-results").resolve(CertificationSummary.FILE);
    if (Files.isRegularFile(summary)) {
      lang = Json.MAPPER.readTree(summary.toFile()).path("lang").asText("en");
    }
    return new Shard(
        dir, results, certificate, Certificates.sha256(cert), r.fingerprint(), k, n, lang);
  }

  /**
   * The shards must be parts of one run: the same Periksa, features, selection, gate, language,
   * waivers and attestations (what each recorded), and no baseline comparison (it is not redone).
   */
  private static void requireAlike(List<Shard> shards) throws RefusedException {
    Shard first = shards.get(0);
    for (Shard s : shards) {
      JsonNode run = s.results().path("run");
      String version = s.results().path("periksa").path("version").asText();
      if (!version.equals(Version.periksa())) {
        throw new RefusedException(
            s.dir()
                + ": made by Periksa "
                + version
                + "; this is Periksa "
                + Version.periksa()
                + ": merge with the version that scanned");
      }
      if (run.has("baseline")) {
        throw new RefusedException(
            s.dir()
                + ": compared with a baseline (--baseline); a merge does not compare again:"
                + " merge shards scanned without one");
      }
      same(first, s, "featureSetHash", "made by other features");
      same(first, s, "features", "made by other features");
      same(first, s, "featureFiles", "made by other features");
      same(first, s, "selection", "a different selection of scenarios (--regulation, --tags)");
      same(first, s, "gate", "a different gate (--fail-on)");
      if (!first.lang().equals(s.lang())) {
        throw new RefusedException(
            s.dir() + ": reported in " + s.lang() + ", " + first.dir() + " in " + first.lang());
      }
      if (!exemptionsOf(first).equals(exemptionsOf(s))) {
        throw new RefusedException(
            s.dir()
                + ": made with other waivers or attestations than "
                + first.dir()
                + " (--waivers, --attestations)");
      }
    }
  }

  private static void same(Shard a, Shard b, String field, String what) throws RefusedException {
    JsonNode x = a.results().path("run").path(field);
    JsonNode y = b.results().path("run").path(field);
    if (!x.equals(y)) {
      throw new RefusedException(
          b.dir() + ": " + what + " than " + a.dir() + " (run." + field + " differs)");
    }
  }

  /** The exemption files as given to a shard: each entry without what the run made of it. */
  private static JsonNode exemptionsOf(Shard s) {
    ObjectNode e = s.results().path("exemptions").deepCopy();
    for (String list : List.of("waivers", "attestations")) {
      for (JsonNode w : e.path(list)) {
        ((ObjectNode) w).remove(List.of("status", "findings", "note"));
      }
    }
    return e;
  }

  /**
   * Shards that say "K/N" must be every one of 1..N, once each; folders of whole runs (no shard)
   * may be merged with each other, not with shards.
   */
  private static void requireEveryShardOnce(List<Shard> shards) throws RefusedException {
    boolean labelled = shards.get(0).n() > 0;
    Map<Integer, Shard> byK = new TreeMap<>();
    for (Shard s : shards) {
      if ((s.n() > 0) != labelled) {
        throw new RefusedException(
            s.dir()
                + (labelled ? " is a whole run" : " is shard " + s.label())
                + ", "
                + shards.get(0).dir()
                + (labelled ? " is shard " + shards.get(0).label() : " a whole run")
                + ": merge the shards of one run");
      }
      if (!labelled) {
        continue;
      }
      if (s.n() != shards.get(0).n()) {
        throw new RefusedException(
            s.dir()
                + " is shard "
                + s.label()
                + ", "
                + shards.get(0).dir()
                + " shard "
                + shards.get(0).label()
                + ": the shards of one run share their N");
      }
      Shard before = byK.put(s.k(), s);
      if (before != null) {
        throw new RefusedException(
            "shard " + s.label() + " given twice: " + before.dir() + " and " + s.dir());
      }
    }
    if (labelled) {
      int n = shards.get(0).n();
      TreeSet<String> missing = new TreeSet<>(Comparator.comparingInt(x -> Integer.parseInt(x)));
      for (int k = 1; k <= n; k++) {
        if (!byK.containsKey(k)) {
          missing.add(String.valueOf(k));
        }
      }
      if (!missing.isEmpty()) {
        throw new RefusedException(
            "shard"
                + (missing.size() == 1 ? " " : "s ")
                + String.join(", ", missing.stream().map(k -> k + "/" + n).toList())
                + " missing: every shard of 1.."
                + n
                + " is needed (scan the missing one(s) again with --shard K/"
                + n
                + ")");
      }
    }
  }

  /** Writes the merged run folder through the standard outputs. */
  private ScanRunner.Result write(
      List<Shard> shards,
      List<TargetOutcome> outcomes,
      Map<String, String> profileHashes,
      Options options)
      throws IOException {
    String runId = ScanRunner.newRunId();
    Path dir = options.outDir() != null ? options.outDir() : Path.of("reports", runId);
    Shard first = shards.get(0);
    JsonNode run = first.results().path("run");
    Instant started = null;
    Instant finished = null;
    List<Map<String, Object>> listed = new ArrayList<>();
    for (Shard s : shards) {
      JsonNode r = s.results().path("run");
      Instant a = Instant.parse(r.path("started").asText());
      Instant b = Instant.parse(r.path("finished").asText());
      started = started == null || a.isBefore(started) ? a : started;
      finished = finished == null || b.isAfter(finished) ? b : finished;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("folder", String.valueOf(s.dir().toAbsolutePath().normalize().getFileName()));
      m.put("runId", r.path("id").asText());
      m.put("shard", s.label());
      m.put("targets", s.results().path("targets").size());
      m.put("certificateSha256", s.certificateSha256());
      m.put("keyFingerprint", s.keyFingerprint());
      listed.add(m);
    }
    prepare(dir, shards);
    Path allureResults = Files.createDirectories(dir.resolve("allure-results"));
    int copied = 0;
    for (Shard s : shards) {
      copied += copyAllure(s.dir().resolve("allure-results"), allureResults);
    }

    List<String> files = new ArrayList<>();
    run.path("featureFiles").forEach(f -> files.add(f.asText()));
    FeatureSet features =
        FeatureSet.recorded(
            run.path("features").asText(), run.path("featureSetHash").asText(), files);
    CiOptions ci = new CiOptions(failOn(run.path("gate")), false, null, selection(run));
    Exemptions exemptions = exemptions(first.results().path("exemptions"), started);
    for (TargetOutcome t : outcomes) {
      for (RequirementOutcome r : t.requirements()) {
        for (CheckResult c : r.checks()) {
          exemptions.account(c);
        }
      }
    }
    SigningKey key = options.signingKey() != null ? options.signingKey() : SigningKey.throwaway();
    ScanRunner.Options o =
        new ScanRunner.Options(
                dir,
                features,
                options.renderReport(),
                ScanRunner.Options.DEFAULT_CHECK_DEADLINE,
                ci,
                key,
                exemptions,
                options.historyFrom())
            .withLang(first.lang());
    Texts texts = Texts.of(o.lang());
    Map<String, Object> summary =
        CertificationSummary.of(
            new CertificationSummary.Run(
                runId, started, finished, features.hash(), dir.toString(), key.fingerprint()),
            outcomes,
            catalogue,
            ci.selection().regulations(),
            exemptions,
            texts);
    for (Map<String, Object> m : listed) {
      out.printf(
          "Verified %s: %s, %s targets, run %s, key %s%n",
          m.get("folder"),
          m.get("shard") == null ? "a whole run" : "shard " + m.get("shard"),
          m.get("targets"),
          m.get("runId"),
          m.get("keyFingerprint"));
    }
    out.println(
        "Merging "
            + shards.size()
            + " shard folder(s): "
            + outcomes.size()
            + " targets, "
            + copied
            + " Allure files, into "
            + dir);
    List<TargetProfile> profiles = outcomes.stream().map(TargetOutcome::profile).toList();
    RunRecord record =
        new RunRecord(
            dir,
            allureResults,
            runId,
            started,
            finished,
            profiles,
            outcomes,
            o,
            exemptions,
            catalogue,
            key,
            texts,
            summary,
            out,
            new RunRecord.Merged(listed, profileHashes));
    Outputs.writeAll(record);
    return new ScanRunner.Result(
        dir,
        outcomes,
        record.exitCode(),
        record.report(),
        record.ci(),
        summary,
        record.certificates());
  }

  /** A new or empty folder, and none of the shards. */
  private static void prepare(Path dir, List<Shard> shards) throws IOException {
    Path abs = dir.toAbsolutePath().normalize();
    for (Shard s : shards) {
      Path sd = s.dir().toAbsolutePath().normalize();
      if (abs.startsWith(sd) || sd.startsWith(abs)) {
        throw new RefusedException(dir + ": the merged run needs a folder of its own");
      }
    }
    if (Files.exists(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        if (s.findAny().isPresent()) {
          throw new RefusedException(dir + " already holds files; choose a new or empty folder");
        }
      }
    }
    Files.createDirectories(dir);
  }

  /**
   * Copies a shard's scenario results, containers and attachments (not its run-level files, which
   * the merged run writes itself); returns how many.
   */
  private static int copyAllure(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return 0;
    }
    int n = 0;
    try (Stream<Path> s = Files.list(from)) {
      for (Path f : s.sorted().toList()) {
        String name = f.getFileName().toString();
        if (RUN_LEVEL.contains(name) || !Files.isRegularFile(f)) {
          continue;
        }
        Path target = to.resolve(name);
        if (Files.exists(target)) {
          throw new RefusedException(
              f + ": another shard has an Allure file of that name (the same scan given twice?)");
        }
        Files.copy(f, target);
        n++;
      }
    }
    return n;
  }

  private static Severity failOn(JsonNode gate) {
    String v = gate.path("failOn").asText("any FAIL");
    return "any FAIL".equals(v) ? null : Severity.valueOf(v);
  }

  private static Selection selection(JsonNode run) {
    JsonNode s = run.path("selection");
    if (s.isMissingNode()
        || s.path("expression").isNull()
        || s.path("expression").isMissingNode()) {
      return Selection.ALL;
    }
    List<String> regs = new ArrayList<>();
    s.path("regulations").forEach(r -> regs.add(r.asText()));
    return new Selection(
        regs,
        s.path("tags").isTextual() ? s.path("tags").asText() : null,
        s.path("expression").asText());
  }

  /**
   * The waivers and attestations the shards were given, as they recorded them; "today" (which
   * decides what has expired) is the day the first shard started.
   */
  private static Exemptions exemptions(JsonNode e, Instant started) {
    List<Waiver> waivers = new ArrayList<>();
    for (JsonNode w : e.path("waivers")) {
      waivers.add(
          new Waiver(
              textOrNull(w.path("check")),
              textOrNull(w.path("requirement")),
              w.path("target").asText(),
              textOrNull(w.path("fingerprint")),
              w.path("justification").asText(),
              w.path("approver").asText(),
              LocalDate.parse(w.path("expires").asText()),
              w.path("source").asText()));
    }
    List<Attestation> attestations = new ArrayList<>();
    for (JsonNode a : e.path("attestations")) {
      List<String> covers = new ArrayList<>();
      a.path("covers").forEach(c -> covers.add(c.asText()));
      attestations.add(
          new Attestation(
              a.path("requirement").asText(),
              a.path("target").asText(),
              covers,
              a.path("statement").asText(),
              a.path("attestedBy").path("name").asText(),
              a.path("attestedBy").path("role").asText(),
              LocalDate.parse(a.path("date").asText()),
              a.path("expires").isTextual() ? LocalDate.parse(a.path("expires").asText()) : null,
              a.path("source").asText()));
    }
    String wf = textOrNull(e.path("waiverFile"));
    String af = textOrNull(e.path("attestationFile"));
    return new Exemptions(
        wf == null ? null : Path.of(wf),
        waivers,
        af == null ? null : Path.of(af),
        attestations,
        LocalDate.ofInstant(started, ZoneOffset.UTC));
  }

  private static String textOrNull(JsonNode n) {
    return n.isTextual() ? n.asText() : null;
  }
}

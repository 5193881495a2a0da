package dev.periksa.run;

import dev.periksa.certificate.SigningKey;
import dev.periksa.ci.CiOutputs;
import dev.periksa.regulation.Catalogue;
import dev.periksa.report.Texts;
import dev.periksa.result.ExitCodes;
import dev.periksa.result.TargetOutcome;
import dev.periksa.target.TargetProfile;
import dev.periksa.waiver.Exemptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A finished scan as its outputs see it: what was scanned and found (fixed), and what the outputs
 * written so far have produced (the CI summary, the report, the printable certificates, the exit
 * code).
 */
public final class RunRecord {
  final Path dir;
  final Path allureResults;
  final String runId;
  final Instant started;
  final Instant finished;
  final List<TargetProfile> profiles;
  final List<TargetOutcome> outcomes;
  final ScanRunner.Options options;
  final Exemptions exemptions;
  final Catalogue catalogue;
  final SigningKey key;
  final Texts texts;
  final Map<String, Object> summary;
  final PrintStream out;

  /** For a run merged from shards: the shards and what they recorded; null for a scan. */
  final Merged merged;

  /**
   * What a run merged from shards carries besides its outcomes.
   *
   * @param shards each shard certificate the merge verified (folder, run id, shard, the SHA-256 of
   *     its certificate.json, its key's fingerprint), for results.json and the certificate
   * @param profileHashes each target's profile SHA-256 as its shard's certificate recorded it, by
   *     target name (a null value: none recorded): the profile files may not exist where the shards
   *     are merged
   */
  record Merged(List<Map<String, Object>> shards, Map<String, String> profileHashes) {}

  private int exitCode = ExitCodes.CERTIFIED;
  private CiOutputs.Summary ci;
  private Path report;
  private List<Path> certificates = List.of();

  /** A run's record; {@code merged}: the shards a merged run rests on, null for a scan. */
  RunRecord(
      Path dir,
      Path allureResults,
      String runId,
      Instant started,
      Instant finished,
      List<TargetProfile> profiles,
      List<TargetOutcome> outcomes,
      ScanRunner.Options options,
      Exemptions exemptions,
      Catalogue catalogue,
      SigningKey key,
      Texts texts,
      Map<String, Object> summary,
      PrintStream out,
      Merged merged) {
    this.merged = merged;
    this.dir = dir;
    this.allureResults = allureResults;
    this.runId = runId;
    this.started = started;
    this.finished = finished;
    this.profiles = List.copyOf(profiles);
    // A scan's outcomes are on disk, read back one at a time: not copied into memory here.
    this.outcomes = outcomes instanceof OutcomeStore ? outcomes : List.copyOf(outcomes);
    this.options = options;
    this.exemptions = exemptions;
    this.catalogue = catalogue;
    this.key = key;
    this.texts = texts;
    this.summary = summary;
    this.out = out;
  }

  /** An output failed without stopping the run: the message is printed, the exit code raised. */
  void failed(String message) {
    out.println("error: " + message);
    raise(ExitCodes.INTERNAL);
  }

  /** Raises the exit code to at least {@code code}. */
  void raise(int code) {
    exitCode = Math.max(exitCode, code);
  }

  int exitCode() {
    return exitCode;
  }

  CiOutputs.Summary ci() {
    return ci;
  }

  void ci(CiOutputs.Summary summary) {
    this.ci = summary;
  }

  Path report() {
    return report;
  }

  void report(Path path) {
    this.report = path;
  }

  List<Path> certificates() {
    return certificates;
  }

  void certificates(List<Path> pdfs) {
    this.certificates = List.copyOf(pdfs);
  }
}

package dev.periksa.cli;

import dev.periksa.certificate.SigningKey;
import dev.periksa.result.ExitCodes;
import dev.periksa.run.ScanRunner;
import dev.periksa.run.ShardMerge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code periksa merge}: combine the run folders of a fleet's shards into one signed run. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Combine the run folders of the shards of one fleet run (scan --shard K/N) into one run,",
      "as if one process had scanned every target. Each shard folder is verified against its",
      "certificate first; shards that do not verify, are not COMPLETE, ran other features,",
      "selection, gate, waivers or attestations, repeat a target, or leave one of 1..N out",
      "are refused (exit 64). The merged folder gets results.json (targets in name order),",
      "junit.xml, results.sarif, allure-results/, report.html and a certificate.json that",
      "lists the shard certificates it verified; exit codes as for scan."
    })
final class MergeCommand implements Callable<Integer> {

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      required = true,
      description = "The merged run folder (must be new or empty).")
  Path out;

  @Parameters(
      index = "0..*",
      arity = "1..*",
      paramLabel = "SHARD_DIR",
      description = "The shards' run folders, every shard of 1..N once, in any order.")
  List<Path> shards = new ArrayList<>();

  @Option(
      names = "--signing-key",
      paramLabel = "FILE",
      description =
          "Ed25519 private key (PKCS#8 PEM) that signs the merged certificate.json; default: the"
              + " PEM or its base64 body in "
              + SigningKey.ENV
              + ", else a throwaway key made for this merge (integrity only, not origin).")
  Path signingKey;

  @Option(
      names = "--shard-public-key",
      paramLabel = "FILE",
      description =
          "The public key (PEM) every shard's certificate must be signed with; without it each"
              + " shard's embedded key is accepted (its fingerprint is recorded in the merge).")
  Path shardPublicKey;

  @Option(
      names = "--no-report",
      description = "Skip rendering report.html (results.json and allure-results/ are written).")
  boolean noReport;

  @Option(
      names = "--history-from",
      paramLabel = "DIR",
      description =
          "A previous run folder whose Allure history (trends) the merged run carries. Default: the"
              + " newest earlier run under reports/ when the merged folder is there.")
  Path historyFrom;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show each finding's location and evidence in the verdicts.")
  boolean verbose;

  @Override
  public Integer call() {
    SigningKey key;
    PublicKey pinned = null;
    try {
      key = SigningKey.load(signingKey, System.getenv(SigningKey.ENV));
    } catch (SigningKey.KeyException e) {
      Main.ERR.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (shardPublicKey != null) {
      try {
        pinned =
            SigningKey.publicFromPem(
                Files.readString(shardPublicKey, StandardCharsets.US_ASCII),
                "--shard-public-key " + shardPublicKey);
      } catch (SigningKey.KeyException e) {
        Main.ERR.println("error: " + e.getMessage());
        return ExitCodes.USAGE;
      } catch (IOException | RuntimeException e) {
        Main.ERR.println("error: --shard-public-key " + shardPublicKey + ": cannot be read");
        return ExitCodes.USAGE;
      }
    }
    if (historyFrom != null && !Files.isDirectory(historyFrom)) {
      Main.ERR.println("error: --history-from " + historyFrom + ": not a folder");
      return ExitCodes.USAGE;
    }
    ScanRunner.Result r;
    try {
      r =
          new ShardMerge(Main.OUT)
              .merge(shards, new ShardMerge.Options(out, key, pinned, !noReport, historyFrom));
    } catch (ShardMerge.RefusedException e) {
      Main.ERR.println("error: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (IOException e) {
      Main.ERR.println("error: the merge could not be written: " + e.getMessage());
      return ExitCodes.INTERNAL;
    }
    Console.summary(Main.OUT, r, verbose);
    return r.exitCode();
  }
}

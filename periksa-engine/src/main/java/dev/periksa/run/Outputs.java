package dev.periksa.run;

import dev.periksa.certificate.Certificates;
import dev.periksa.ci.CiOptions;
import dev.periksa.ci.CiOutputs;
import dev.periksa.json.Json;
import dev.periksa.report.AllureReport;
import dev.periksa.report.CertificatePdf;
import dev.periksa.report.CertificationSummary;
import dev.periksa.report.Coverage;
import dev.periksa.report.FleetReport;
import dev.periksa.report.RegulatorReport;
import dev.periksa.report.ResultModel;
import dev.periksa.result.ExitCodes;
import dev.periksa.result.Version;
import dev.periksa.target.TargetProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outputs of a run, in the order they are written: the machine-readable results first, the CI
 * files, the Allure results the report is made of, the report, and last the certificate, which
 * signs every file written before it.
 */
public final class Outputs {
  private Outputs() {}

  /** results.json: every target, requirement, check, finding and exemption, and the coverage. */
  static final RunOutput RESULTS_JSON =
      new RunOutput() {
        @Override
        public String name() {
          return "results.json";
        }

        @Override
        public void write(RunRecord run) throws IOException {
          Map<String, Object> doc = new LinkedHashMap<>();
          doc.put("periksa", Map.of("version", Version.periksa()));
          Map<String, Object> r = new LinkedHashMap<>();
          r.put("id", run.runId);
          r.put("started", run.started.toString());
          r.put("finished", run.finished.toString());
          r.put("status", "COMPLETE");
          if (run.options.fleet().shard() != null) {
            r.put("shard", run.options.fleet().shard());
          }
          if (run.merged != null) {
            r.put(Certificates.SHARDS, run.merged.shards());
          }
          r.put("features", run.options.features().describe());
          r.put("featureSetHash", run.options.features().hash());
          r.put("featureFiles", run.options.features().files());
          doc.put("run", r);
          // Each target's model is made as the writer reaches it, then dropped: the file is
          // streamed, and memory holds one target's results at a time, however many there are.
          List<Object> targets =
              new java.util.AbstractList<>() {
                @Override
                public Object get(int i) {
                  return ResultModel.target(run.outcomes.get(i), run.catalogue);
                }

                @Override
                public int size() {
                  return run.outcomes.size();
                }
              };
          doc.put("targets", targets);
          doc.put("exemptions", run.exemptions.results());
          doc.put(
              "coverage", Coverage.of(run.outcomes, run.catalogue, RegulatorReport.allChecks()));
          Json.MAPPER.writeValue(run.dir.resolve(name()).toFile(), doc);
        }
      };

  /** junit.xml and results.sarif, the baseline comparison and the gate: the exit code's base. */
  static final RunOutput CI_FILES =
      new RunOutput() {
        @Override
        public String name() {
          return "junit.xml, results.sarif";
        }

        @Override
        public void write(RunRecord run) throws IOException {
          CiOutputs.Summary ci =
              CiOutputs.write(run.dir, run.runId, run.outcomes, run.catalogue, run.options.ci());
          run.ci(ci);
          run.raise(ci.exitCode());
        }
      };

  /**
   * What the report is made of, under allure-results/: categories, the environment, the regulator
   * report's labels and history, and the certification summary with the coverage matrix.
   */
  static final RunOutput ALLURE_RESULTS =
      new RunOutput() {
        @Override
        public String name() {
          return "allure-results/";
        }

        @Override
        public void write(RunRecord run) throws IOException {
          AllureReport.writeCategories(run.allureResults);
          AllureReport.writeEnvironment(
              run.allureResults,
              environment(
                  run.runId,
                  run.options.features(),
                  run.profiles,
                  run.options.ci(),
                  run.merged == null ? null : run.merged.profileHashes()));
          RegulatorReport.prepare(
              run.allureResults,
              run.dir,
              run.outcomes,
              run.catalogue,
              run.options.historyFrom(),
              System.getenv(),
              run.out);
          Map<String, Object> inReport = new LinkedHashMap<>(run.summary);
          inReport.put(
              "coverageHtml",
              Coverage.html(
                  Coverage.of(run.outcomes, run.catalogue, RegulatorReport.allChecks()),
                  run.catalogue));
          Files.writeString(
              run.allureResults.resolve(CertificationSummary.FILE),
              Json.MAPPER.writeValueAsString(inReport));
        }
      };

  /** report.html, rendered by the Allure command line (when the run asks for it). */
  static final RunOutput REPORT_HTML =
      new RunOutput() {
        @Override
        public String name() {
          return "report.html";
        }

        @Override
        public void write(RunRecord run) {
          if (!run.options.renderReport()) {
            return;
          }
          run.out.println();
          long bytes;
          try {
            bytes = AllureReport.resultsBytes(run.allureResults);
          } catch (IOException e) {
            run.failed("the report could not be rendered: " + e.getMessage());
            return;
          }
          if (bytes > AllureReport.MAX_RESULTS_BYTES) {
            // Too large for one Allure page: the run's own page, target by target, instead.
            String why =
                String.format(
                    "%,d MB of Allure results is more than one Allure page can hold (%,d MB): this"
                        + " page gives each target's verdict, the requirements it failed or could"
                        + " not decide and its findings; every scenario and its evidence are in"
                        + " allure-results/ (allure serve shows them) and results.json. A fleet"
                        + " scanned in shards (--shard K/N) has an Allure report per shard.",
                    bytes / (1024 * 1024), AllureReport.MAX_RESULTS_BYTES / (1024 * 1024));
            Path report = run.dir.resolve(name());
            try {
              FleetReport.write(report, run.runId, run.outcomes, run.texts, why);
              run.report(report);
              run.out.println("report.html is the fleet's page, not Allure's: " + why);
            } catch (IOException e) {
              run.failed("the report could not be written: " + e.getMessage());
            }
            return;
          }
          run.out.println("Rendering the report ...");
          Path report = run.dir.resolve(name());
          try {
            AllureReport.render(run.allureResults, report);
            run.report(report);
          } catch (IOException e) {
            run.failed("the report could not be rendered: " + e.getMessage());
          }
        }
      };

  /**
   * Last: certificate.json, signed over every file written before it, then the printable
   * certificates that name its SHA-256, in a signed manifest of their own.
   */
  static final RunOutput CERTIFICATE =
      new RunOutput() {
        @Override
        public String name() {
          return Certificates.FILE + " and the printable certificates";
        }

        @Override
        public void write(RunRecord run) throws IOException {
          if (!Certificates.write(
              run.dir,
              run.profiles,
              run.merged == null ? null : run.merged.profileHashes(),
              run.key,
              run.out)) {
            run.raise(ExitCodes.INTERNAL);
            return;
          }
          try {
            List<Path> pdfs =
                CertificatePdf.writeAll(
                    run.dir,
                    run.summary,
                    run.texts,
                    Certificates.sha256(run.dir.resolve(Certificates.FILE)));
            Certificates.writePdfManifest(run.dir, pdfs, run.key);
            run.certificates(pdfs);
          } catch (IOException | RuntimeException e) {
            run.failed("the printable certificates could not be written: " + e.getMessage());
          }
        }
      };

  /** Every output of a run, in the order they are written; the certificate is last. */
  public static final List<RunOutput> STANDARD =
      List.of(RESULTS_JSON, CI_FILES, ALLURE_RESULTS, REPORT_HTML, CERTIFICATE);

  /** Writes every output in order. */
  static void writeAll(RunRecord run) throws IOException {
    for (RunOutput o : STANDARD) {
      o.write(run);
    }
  }

  /** The report's environment tab: the run, the features, each target's profile and scope. */
  static Map<String, String> environment(
      String runId, FeatureSet features, List<TargetProfile> profiles, CiOptions ci) {
    return environment(runId, features, profiles, ci, null);
  }

  /**
   * As above, each profile's hash taken from {@code recordedHashes} (by target name) when given: a
   * merged run's shards recorded them.
   */
  static Map<String, String> environment(
      String runId,
      FeatureSet features,
      List<TargetProfile> profiles,
      CiOptions ci,
      Map<String, String> recordedHashes) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("Run", runId);
    env.put("Periksa.version", Version.periksa());
    env.put("Feature.set", features.describe());
    env.put("Feature.set.sha256", features.hash());
    for (int i = 0; i < profiles.size(); i++) {
      TargetProfile p = profiles.get(i);
      String k = profiles.size() == 1 ? "Target" : "Target." + (i + 1);
      env.put(k, p.name());
      env.put(k + ".profile", String.valueOf(p.source()));
      String hash =
          recordedHashes == null
              ? ScanRunner.profileHash(p)
              : recordedHashes.get(p.name()) == null
                  ? "none (profile built in code)"
                  : recordedHashes.get(p.name());
      env.put(k + ".profile.sha256", hash);
      env.put(k + ".scope", String.join(", ", p.scope().hosts()));
    }
    env.putAll(ci.environment());
    return env;
  }
}

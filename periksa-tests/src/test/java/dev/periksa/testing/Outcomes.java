package dev.periksa.testing;

import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.evidence.Severity;
import dev.periksa.regulation.Catalogue;
import dev.periksa.result.TargetOutcome;
import dev.periksa.target.ProfileLoader;
import dev.periksa.target.TargetProfile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Target outcomes made in code, for tests of what a run prints and writes from them. */
public final class Outcomes {
  private Outcomes() {}

  /** The title of the finding a failed target carries. */
  public static final String FINDING = "Cluster <b>open</b> to anyone";

  /**
   * A target with one search endpoint whose STO-1 came out {@code sto1}; a FAIL carries one
   * CRITICAL finding titled {@link #FINDING}.
   */
  public static TargetOutcome searchTarget(String name, Outcome sto1) throws Exception {
    TargetProfile p =
        new ProfileLoader()
            .parse(
                Path.of("t.yaml"),
                "name: \""
                    + name.replace("\"", "\\\"")
                    + "\"\nscope: {hosts: [\"127.1.0.1\"]}\n"
                    + "endpoints: [{name: s, kind: search, url: \"http://127.1.0.1:9200/\"}]\n");
    CheckMetadata m =
        new CheckMetadata(
            "STO-1-search",
            "search",
            "search",
            List.of("STO-1"),
            List.of(),
            List.of(),
            "fix",
            false);
    CheckResult r =
        sto1 == Outcome.FAIL
            ? CheckResult.builder(m)
                .fail(
                    new Finding(
                        FINDING, "http://127.1.0.1:9200/", Severity.CRITICAL, List.of(), "fix"),
                    "open")
                .build()
            : CheckResult.of(m, sto1, "why");
    Map<String, List<CheckResult>> byReq = new LinkedHashMap<>();
    byReq.put("STO-1", List.of(r));
    return TargetOutcome.of(p, byReq, Catalogue.standard(), List.of());
  }
}

package dev.periksa.cli;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Exemption;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.evidence.Evidence;
import dev.periksa.report.SummaryConsole;
import dev.periksa.report.Texts;
import dev.periksa.result.RequirementOutcome;
import dev.periksa.result.TargetOutcome;
import dev.periksa.result.Verdict;
import dev.periksa.run.Fleet;
import dev.periksa.run.ScanRunner;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The end-of-run summary on the console: verdicts, findings, evidence in brief, where to look. */
final class Console {
  private Console() {}

  static void summary(PrintStream out, ScanRunner.Result r) {
    summary(out, r, false);
  }

  /**
   * The verdicts: each requirement that judged something with its findings (each once), the
   * requirements with nothing to judge in one line, evidence detail only when {@code verbose}, and
   * a table of the targets at the end.
   */
  static void summary(PrintStream out, ScanRunner.Result r, boolean verbose) {
    Texts tx = Texts.of(r.lang());
    out.println();
    out.println("Verdicts");
    if (r.targets().size() > Fleet.COMPACT_ABOVE && !verbose) {
      fleet(out, r, tx);
    } else {
      targets(out, r, tx, verbose);
    }
    if (r.ci() != null && !r.ci().notes().isEmpty()) {
      out.println();
      r.ci().notes().forEach(out::println);
    }
    table(out, r);
    out.println();
    if (r.report() != null) {
      out.println("Report:  " + r.report() + "  (opens in a browser from disk)");
    }
    out.println("Results: " + r.results());
    if (!r.summary().isEmpty()) {
      SummaryConsole.print(out, r.summary(), r.report(), r.certificates());
    }
  }

  /**
   * A fleet's verdicts: how many targets came out which way, then one line per target that is not
   * certified with the requirements that failed or stayed open (the report holds the findings).
   */
  static void fleet(PrintStream out, ScanRunner.Result r, Texts tx) {
    Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    r.targets().forEach(t -> counts.merge(t.verdict(), 1, Integer::sum));
    out.println(
        "  "
            + r.targets().size()
            + " targets: "
            + counts.entrySet().stream()
                .map(e -> e.getValue() + " " + tx.get("verdict", e.getKey()))
                .collect(Collectors.joining(", "))
            + " (--verbose lists every finding)");
    for (TargetOutcome t : r.targets()) {
      if (t.verdict() == Verdict.CERTIFIED) {
        continue;
      }
      List<String> failed = new ArrayList<>();
      List<String> open = new ArrayList<>();
      for (RequirementOutcome q : t.requirements()) {
        if (q.gating() == Outcome.FAIL) {
          failed.add(q.requirement().id() + (q.severity() == null ? "" : " " + q.severity()));
        } else if (q.gating() == Outcome.INCONCLUSIVE) {
          open.add(q.requirement().id());
        }
      }
      out.println(
          "  "
              + t.profile().name()
              + ": "
              + tx.get("verdict", t.verdict())
              + (failed.isEmpty() ? "" : "  FAIL " + String.join(", ", failed))
              + (open.isEmpty() ? "" : "  INCONCLUSIVE " + String.join(", ", open)));
    }
  }

  /** Every target's requirements, findings and (verbose) evidence. */
  static void targets(PrintStream out, ScanRunner.Result r, Texts tx, boolean verbose) {
    for (TargetOutcome t : r.targets()) {
      out.println("  " + t.profile().name() + ": " + tx.get("verdict", t.verdict()));
      for (String s : t.profile().skipped()) {
        out.println("    not scanned (optional endpoint): " + s);
      }
      List<String> notApplicable =
          t.requirements().stream()
              .filter(q -> q.outcome() == Outcome.NOT_APPLICABLE)
              .map(q -> q.requirement().id())
              .toList();
      if (!notApplicable.isEmpty()) {
        out.println("    not applicable here: " + String.join(", ", notApplicable));
      }
      for (RequirementOutcome req : t.requirements()) {
        if (req.outcome() == Outcome.NOT_APPLICABLE) {
          continue;
        }
        out.println(
            "    "
                + req.requirement().id()
                + "  "
                + tx.get("outcome", req.outcome())
                + (req.severity() == null ? "" : " " + tx.get("severity", req.severity()))
                + (req.advisoryOnly() ? " (" + tx.get("summary.advisory") + ")" : "")
                + "  "
                + req.requirement().title(tx.lang()));
        for (CheckResult c : req.checks()) {
          for (Exemption x : c.exemptions()) {
            out.println("      " + x.describe());
          }
          if (c.outcome() == Outcome.NOT_APPLICABLE && c.exemptions().isEmpty()) {
            continue; // nothing of its kind here: the line above the requirements names it
          }
          if (c.findings().isEmpty()) {
            if (!c.reason().isBlank()) {
              out.println("      " + c.reason());
            }
            continue;
          }
          for (Finding f : c.findings()) {
            String state =
                r.ci() == null ? "" : r.ci().label(t.profile().name(), c.check().id(), f);
            boolean waived =
                c.exemptions().stream()
                    .anyMatch(
                        x ->
                            x.current()
                                && x.kind() == Exemption.Kind.WAIVER
                                && x.fingerprints().contains(f.fingerprint(c.check().id())));
            out.println(
                "      " + f.severity() + ": " + state + f.title() + (waived ? "  [waived]" : ""));
            if (!verbose) {
              continue;
            }
            out.println("        at " + f.location());
            for (Evidence e : f.evidence()) {
              String brief = brief(e);
              if (!brief.isEmpty()) {
                out.println("        " + e.title() + ": " + brief);
              }
            }
          }
        }
      }
    }
  }

  /** One row per target: its verdict and how many requirements came out which way. */
  static void table(PrintStream out, ScanRunner.Result r) {
    out.println();
    out.println("Summary (requirements per target)");
    int width =
        Math.max(
            6, r.targets().stream().mapToInt(t -> t.profile().name().length()).max().orElse(6));
    String row = "  %-" + width + "s  %-20s  %4s  %4s  %4s  %4s%n";
    out.printf(row, "target", "verdict", "fail", "open", "pass", "n/a");
    for (TargetOutcome t : r.targets()) {
      int fail = 0;
      int open = 0;
      int pass = 0;
      int na = 0;
      for (RequirementOutcome q : t.requirements()) {
        switch (q.outcome()) {
          case FAIL -> fail++;
          case INCONCLUSIVE -> open++;
          case NOT_APPLICABLE -> na++;
          default -> pass++;
        }
      }
      out.printf(
          row,
          t.profile().name(),
          Texts.of(r.lang()).get("verdict", t.verdict()),
          fail,
          open,
          pass,
          na);
    }
    out.println(
        "  (pass counts PASS, WAIVED and ATTESTED; open is INCONCLUSIVE; an advisory FAIL is counted"
            + " but decides no verdict)");
  }

  /** A line of evidence: personal-data counts and the first masked sample, nothing raw. */
  static String brief(Evidence e) {
    StringBuilder b = new StringBuilder();
    Object docs = e.facts().get("documents");
    if (docs != null) {
      b.append(String.format("%,d documents", ((Number) docs).longValue()));
    }
    Object rows = e.facts().get("rows");
    if (docs == null && rows instanceof Number n) {
      b.append(String.format("%,d rows", n.longValue()));
    }
    if (!e.personalData().isEmpty()) {
      if (b.length() > 0) {
        b.append("; ");
      }
      b.append("personal data in sample: ")
          .append(
              e.personalData().entrySet().stream()
                  .map(Map.Entry::getKey)
                  .map(k -> k + " " + e.personalData().get(k))
                  .collect(Collectors.joining(", ")));
    }
    if (!e.samples().isEmpty()) {
      String s = e.samples().get(0);
      s = s.length() > 220 ? s.substring(0, 220) + "…" : s;
      b.append(b.length() == 0 ? "sample: " : "\n          sample: ").append(s);
    }
    return b.toString();
  }
}

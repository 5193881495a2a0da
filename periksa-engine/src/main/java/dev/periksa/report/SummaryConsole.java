package dev.periksa.report;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The console's last screen: what the report's first screen says, compactly, in the run's language:
 * each target's verdict and failed requirements with severities, the key that signs the run and how
 * to verify it, and where the report and the printable certificates are.
 */
public final class SummaryConsole {
  /** Up to this many printable certificates are listed one per line. */
  static final int LISTED_CERTIFICATES = 6;

  private SummaryConsole() {}

  @SuppressWarnings("unchecked")
  public static void print(
      PrintStream out, Map<String, Object> summary, Path report, List<Path> pdfs) {
    Map<String, String> texts = (Map<String, String>) summary.get("texts");
    Texts t = Texts.of((String) summary.get("lang"));
    out.println();
    out.println("== " + t.get("console.summary") + " ==");
    for (Object o : (List<Object>) summary.get("targets")) {
      Map<String, Object> target = (Map<String, Object>) o;
      List<String> failed = new ArrayList<>();
      List<String> unverified = new ArrayList<>();
      for (Object r : (List<Object>) target.get("requirements")) {
        Map<String, Object> req = (Map<String, Object>) r;
        if (Boolean.TRUE.equals(req.get("advisory"))) {
          continue;
        }
        if ("FAIL".equals(req.get("outcome"))) {
          failed.add(
              req.get("id")
                  + (req.get("severityText") != null ? " " + req.get("severityText") : ""));
        } else if ("INCONCLUSIVE".equals(req.get("outcome"))) {
          unverified.add((String) req.get("id"));
        }
      }
      out.printf("  %-22s %s%n", target.get("verdictText"), target.get("name"));
      if (!failed.isEmpty()) {
        out.println("      " + t.get("outcome.FAIL") + ": " + String.join(", ", failed));
      }
      if (!unverified.isEmpty()) {
        out.println(
            "      " + t.get("outcome.INCONCLUSIVE") + ": " + String.join(", ", unverified));
      }
    }
    Map<String, Object> key = (Map<String, Object>) summary.get("key");
    out.println("  " + texts.get("summary.key") + ": " + key.get("fingerprint"));
    out.println("  " + texts.get("summary.verify") + ": " + key.get("verify"));
    if (report != null) {
      out.println("  " + t.get("console.report") + ": " + report);
    }
    if (pdfs.size() > LISTED_CERTIFICATES) {
      // A fleet: the folder, not a thousand lines.
      out.println(
          "  "
              + t.get("console.certificates")
              + ": "
              + pdfs.size()
              + " (certificate-*.pdf) in "
              + pdfs.get(0).toAbsolutePath().getParent());
    } else if (!pdfs.isEmpty()) {
      out.println("  " + t.get("console.certificates") + ":");
      pdfs.forEach(p -> out.println("    " + p));
    }
  }
}

package dev.periksa.ci;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.result.RequirementOutcome;
import dev.periksa.result.TargetOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code junit.xml} in the JUnit/Ant form CI platforms read (Jenkins, GitLab, GitHub test
 * reporters): one testsuite per target, one testcase per requirement and check. FAIL is a {@code
 * <failure>} with the severity and the findings' titles; INCONCLUSIVE an {@code <error>};
 * NOT_APPLICABLE and WAIVED are {@code <skipped>} (WAIVED says so in its message); PASS and
 * ATTESTED pass, ATTESTED with a note. Only redacted text goes in: titles, locations and reasons,
 * never evidence samples.
 */
public final class JUnitReport {
  private JUnitReport() {}

  public static void write(Path file, String runId, List<TargetOutcome> targets, Comparison cmp)
      throws IOException {
    Document doc;
    try {
      doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IOException(e);
    }
    Element root = doc.createElement("testsuites");
    root.setAttribute("name", "Periksa " + runId);
    doc.appendChild(root);
    int allTests = 0;
    int allFailures = 0;
    int allErrors = 0;
    Duration allTime = Duration.ZERO;
    for (TargetOutcome t : targets) {
      String target = t.profile().name();
      Element suite = doc.createElement("testsuite");
      suite.setAttribute("name", clean(target));
      Element props = doc.createElement("properties");
      property(doc, props, "profile", String.valueOf(t.profile().source()));
      property(doc, props, "scope", String.join(", ", t.profile().scope().hosts()));
      property(doc, props, "verdict", t.verdict().name());
      if (cmp.active()) {
        Comparison.Counts n = cmp.counts(target);
        property(
            doc,
            props,
            "baseline",
            String.format(
                Locale.ROOT,
                "%d new, %d unchanged, %d fixed, %d not re-checked",
                n.added(),
                n.unchanged(),
                n.fixed(),
                n.notRechecked()));
      }
      suite.appendChild(props);
      int tests = 0;
      int failures = 0;
      int errors = 0;
      int skipped = 0;
      Duration time = Duration.ZERO;
      Set<String> names = new HashSet<>();
      for (RequirementOutcome r : t.requirements()) {
        String classname = r.requirement().area() + "." + r.requirement().id();
        for (CheckResult c : r.checks()) {
          Element tc = doc.createElement("testcase");
          String name = c.check().title();
          if (!names.add(classname + "\n" + name)) {
            name = name + " (" + c.check().product() + ")";
            names.add(classname + "\n" + name);
          }
          tc.setAttribute("classname", clean(classname));
          tc.setAttribute("name", clean(name));
          tc.setAttribute("time", seconds(c.elapsed()));
          time = time.plus(c.elapsed());
          tests++;
          switch (c.outcome()) {
            case FAIL -> {
              failures++;
              Element f = doc.createElement("failure");
              f.setAttribute("type", String.valueOf(c.severity()));
              f.setAttribute(
                  "message",
                  clean(
                      c.severity()
                          + ": "
                          + c.findings().stream()
                              .map(x -> x.title().strip())
                              .collect(Collectors.joining("; "))));
              f.setTextContent(clean(findings(target, c, cmp)));
              tc.appendChild(f);
            }
            case INCONCLUSIVE -> {
              errors++;
              Element e = doc.createElement("error");
              e.setAttribute("type", "INCONCLUSIVE");
              e.setAttribute("message", clean("INCONCLUSIVE: " + c.reason()));
              e.setTextContent(clean(c.reason()));
              tc.appendChild(e);
            }
            case NOT_APPLICABLE -> {
              skipped++;
              Element s = doc.createElement("skipped");
              s.setAttribute("message", clean("NOT_APPLICABLE: " + c.reason()));
              tc.appendChild(s);
            }
            case WAIVED -> {
              skipped++;
              Element s = doc.createElement("skipped");
              s.setAttribute("message", clean("WAIVED: " + c.reason()));
              String text = findings(target, c, cmp);
              if (!text.isEmpty()) {
                s.setTextContent(clean(text));
              }
              tc.appendChild(s);
            }
            case ATTESTED -> {
              Element out = doc.createElement("system-out");
              out.setTextContent(clean("ATTESTED: " + c.reason()));
              tc.appendChild(out);
            }
            default -> {}
          }
          List<Baseline.Finding> fixed = cmp.fixed(target, c.check().id());
          if (!fixed.isEmpty()) {
            StringBuilder b = new StringBuilder();
            for (Baseline.Finding f : fixed) {
              b.append("fixed since the baseline: ")
                  .append(f.severity())
                  .append(' ')
                  .append(f.title().strip())
                  .append(" at ")
                  .append(f.location())
                  .append('\n');
            }
            Element out = doc.createElement("system-out");
            out.setTextContent(clean(b.toString()));
            tc.appendChild(out);
          }
          suite.appendChild(tc);
        }
      }
      suite.setAttribute("tests", String.valueOf(tests));
      suite.setAttribute("failures", String.valueOf(failures));
      suite.setAttribute("errors", String.valueOf(errors));
      suite.setAttribute("skipped", String.valueOf(skipped));
      suite.setAttribute("time", seconds(time));
      root.appendChild(suite);
      allTests += tests;
      allFailures += failures;
      allErrors += errors;
      allTime = allTime.plus(time);
    }
    root.setAttribute("tests", String.valueOf(allTests));
    root.setAttribute("failures", String.valueOf(allFailures));
    root.setAttribute("errors", String.valueOf(allErrors));
    root.setAttribute("time", seconds(allTime));
    try (OutputStream out = Files.newOutputStream(file)) {
      var tf = TransformerFactory.newInstance().newTransformer();
      tf.setOutputProperty(OutputKeys.INDENT, "yes");
      tf.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      tf.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
      tf.transform(new DOMSource(doc), new StreamResult(out));
    } catch (TransformerException e) {
      throw new IOException("junit.xml could not be written: " + e.getMessage(), e);
    }
  }

  /** The findings of a check as lines: severity, baseline state, title, location. */
  private static String findings(String target, CheckResult c, Comparison cmp) {
    StringBuilder b = new StringBuilder();
    for (Finding f : c.findings()) {
      Comparison.State s = cmp.state(target, c.check().id(), f);
      b.append(f.severity());
      if (s != null) {
        b.append(" [").append(s.label()).append(']');
      }
      b.append(' ').append(f.title().strip()).append('\n');
      b.append("  at ").append(f.location()).append('\n');
      b.append("  fingerprint ").append(f.fingerprint(c.check().id())).append('\n');
    }
    if (c.outcome() == Outcome.FAIL && !c.findings().isEmpty()) {
      b.append("remediation: ").append(c.findings().get(0).remediation().strip()).append('\n');
    }
    return b.toString();
  }

  private static void property(Document doc, Element props, String name, String value) {
    Element p = doc.createElement("property");
    p.setAttribute("name", name);
    p.setAttribute("value", clean(value));
    props.appendChild(p);
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.3f", d.toMillis() / 1000.0);
  }

  /** XML 1.0 cannot carry most control characters; a reply's text might hold them. */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              boolean ok =
                  cp == 0x9
                      || cp == 0xA
                      || cp == 0xD
                      || (cp >= 0x20 && cp <= 0xD7FF)
                      || (cp >= 0xE000 && cp <= 0xFFFD)
                      || cp >= 0x10000;
              b.appendCodePoint(ok ? cp : '?');
            });
    return b.toString();
  }
}

package dev.periksa.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The printable certificate of each target ({@code certificate-<target>.pdf} in the run folder),
 * rendered from the certification summary with openhtmltopdf (HTML and CSS to PDF through PDFBox;
 * no browser at run time): verdict, scope, requirements and outcomes with their clauses, waivers
 * and attestations, dates, Periksa's version and the feature-set hash, the SHA-256 of {@code
 * certificate.json}, the signing key's fingerprint and how to verify. Written after {@code
 * certificate.json} (whose SHA-256 it names) and signed in a manifest of its own.
 */
public final class CertificatePdf {
  private CertificatePdf() {}

  /** Writes one PDF per target of the summary; returns them in target order. */
  @SuppressWarnings("unchecked")
  public static List<Path> writeAll(
      Path dir, Map<String, Object> summary, Texts t, String certificateSha256) throws IOException {
    List<Path> out = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (Object o : (List<Object>) summary.get("targets")) {
      Map<String, Object> target = (Map<String, Object>) o;
      String base = "certificate-" + slug((String) target.get("name"));
      String name = base;
      for (int i = 2; !names.add(name); i++) {
        name = base + "-" + i;
      }
      Path f = dir.resolve(name + ".pdf");
      write(f, html(summary, target, t, certificateSha256));
      out.add(f);
    }
    return out;
  }

  /** A file-name form of a target's name: lower case letters, digits and dashes. */
  static String slug(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return s.isEmpty() ? "target" : s.length() > 60 ? s.substring(0, 60) : s;
  }

  private static void write(Path file, String html) throws IOException {
    // The renderer reports its timings and selector counts on every page: not the console's.
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    try (OutputStream os = Files.newOutputStream(file)) {
      PdfRendererBuilder b = new PdfRendererBuilder();
      b.useFastMode();
      b.withHtmlContent(html, null);
      b.toStream(os);
      b.run();
    }
  }

  @SuppressWarnings("unchecked")
  static String html(
      Map<String, Object> summary, Map<String, Object> target, Texts t, String certificateSha256) {
    Map<String, Object> run = (Map<String, Object>) summary.get("run");
    Map<String, Object> key = (Map<String, Object>) summary.get("key");
    String verdict = (String) target.get("verdict");
    StringBuilder h = new StringBuilder();
    h.append("<html lang=\"")
        .append(t.lang())
        .append("\"><head><meta charset=\"utf-8\"/><style>")
        .append("@page { size: A4; margin: 18mm 16mm; }")
        .append("body { font-family: Helvetica, sans-serif; font-size: 10pt; color: #222; }")
        .append("h1 { font-size: 18pt; margin: 0 0 4mm; }")
        .append("h2 { font-size: 12pt; margin: 5mm 0 2mm; }")
        .append(".banner { padding: 3mm 4mm; color: #fff; font-size: 16pt; font-weight: bold; }")
        .append(".CERTIFIED { background: #2e7d32; } .NOT_CERTIFIED { background: #c62828; }")
        .append(".INCOMPLETE { background: #ef6c00; }")
        .append("table { border-collapse: collapse; width: 100%; }")
        .append("th, td { border-bottom: 0.5pt solid #bbb; padding: 1.2mm 1.5mm; text-align: left;")
        .append(" vertical-align: top; font-size: 9pt; }")
        .append(".mono { font-family: Courier, monospace; font-size: 8pt; word-wrap: break-word; }")
        .append(".small { font-size: 8pt; color: #555; }")
        .append("</style></head><body>");
    h.append("<h1>").append(esc(t.get("certificate.title"))).append("</h1>");
    h.append("<p>")
        .append(esc(t.get("certificate.issuedFor")))
        .append(": <b>")
        .append(esc(target.get("name")))
        .append("</b></p>");
    h.append("<div class=\"banner ")
        .append(esc(verdict))
        .append("\">")
        .append(esc(target.get("verdictText")))
        .append("</div>");
    h.append("<p>").append(esc(target.get("verdictExplain"))).append("</p>");
    h.append("<p>")
        .append(esc(t.get("summary.scope")))
        .append(": ")
        .append(esc(String.join(", ", (List<String>) target.get("scope"))))
        .append("</p>");

    h.append("<h2>")
        .append(esc(t.get("summary.requirement")))
        .append("</h2><table><tr><th>")
        .append(esc(t.get("summary.requirement")))
        .append("</th><th>")
        .append(esc(t.get("summary.outcome")))
        .append("</th><th>")
        .append(esc(t.get("summary.severity")))
        .append("</th><th>")
        .append(esc(t.get("summary.clauses")))
        .append("</th></tr>");
    for (Object o : (List<Object>) target.get("requirements")) {
      Map<String, Object> r = (Map<String, Object>) o;
      h.append("<tr><td><b>").append(esc(r.get("id"))).append("</b> ").append(esc(r.get("title")));
      if (Boolean.TRUE.equals(r.get("advisory"))) {
        h.append(" <i>(").append(esc(t.get("summary.advisory"))).append(")</i>");
      }
      h.append("</td><td>")
          .append(esc(r.get("outcomeText")))
          .append("</td><td>")
          .append(esc(r.get("severityText") == null ? "" : r.get("severityText")))
          .append("</td><td class=\"small\">")
          .append(esc(String.join(", ", (List<String>) r.get("clauses"))))
          .append("</td></tr>");
    }
    h.append("</table>");

    h.append("<h2>").append(esc(t.get("summary.waivers"))).append("</h2>");
    list(h, (List<Object>) target.get("waivers"), t, true);
    h.append("<h2>").append(esc(t.get("summary.attestations"))).append("</h2>");
    list(h, (List<Object>) target.get("attestations"), t, false);

    h.append("<h2>").append(esc(t.get("summary.run"))).append("</h2><table>");
    row(h, t.get("summary.run"), run.get("id"), false);
    row(h, t.get("summary.started"), run.get("started"), false);
    row(h, t.get("summary.finished"), run.get("finished"), false);
    row(h, t.get("summary.periksa"), run.get("periksa"), false);
    row(h, t.get("summary.featureSet"), run.get("featureSetHash"), true);
    row(h, t.get("certificate.sha256"), certificateSha256, true);
    row(h, t.get("summary.key"), key.get("fingerprint"), true);
    h.append("</table>");
    h.append("<h2>")
        .append(esc(t.get("certificate.howToVerify")))
        .append("</h2><p>")
        .append(esc(t.get("certificate.howToVerifyText")))
        .append("</p><p class=\"mono\">")
        .append(esc(key.get("verify")))
        .append("</p>");
    h.append("<p class=\"small\">").append(esc(t.get("certificate.disclaimer"))).append("</p>");
    h.append("</body></html>");
    return h.toString();
  }

  @SuppressWarnings("unchecked")
  private static void list(StringBuilder h, List<Object> items, Texts t, boolean waivers) {
    if (items == null || items.isEmpty()) {
      h.append("<p>").append(esc(t.get("summary.none"))).append("</p>");
      return;
    }
    h.append("<ul>");
    for (Object o : items) {
      Map<String, Object> m = (Map<String, Object>) o;
      h.append("<li><b>")
          .append(esc(m.getOrDefault("requirement", m.getOrDefault("check", ""))))
          .append("</b>: ");
      if (waivers) {
        h.append(esc(m.get("justification")))
            .append(" - ")
            .append(esc(t.get("summary.approvedBy")))
            .append(' ')
            .append(esc(m.get("approver")));
      } else {
        Map<String, Object> by = (Map<String, Object>) m.get("attestedBy");
        h.append(esc(m.get("statement")))
            .append(" - ")
            .append(esc(t.get("summary.attestedBy")))
            .append(' ')
            .append(esc(by == null ? "" : by.get("name") + " (" + by.get("role") + ")"))
            .append(", ")
            .append(esc(m.get("date")));
      }
      if (m.get("expires") != null) {
        h.append(", ")
            .append(esc(t.get("summary.expires")))
            .append(' ')
            .append(esc(m.get("expires")));
      }
      h.append(" (").append(esc(m.get("status"))).append(")</li>");
    }
    h.append("</ul>");
  }

  private static void row(StringBuilder h, String name, Object value, boolean mono) {
    h.append("<tr><th>")
        .append(esc(name))
        .append("</th><td")
        .append(mono ? " class=\"mono\"" : "")
        .append('>')
        .append(esc(value))
        .append("</td></tr>");
  }

  /** XML-escaped, and with characters the PDF's standard fonts lack replaced. */
  static String esc(Object o) {
    String s = o == null ? "" : String.valueOf(o);
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\u2014', '\u2013' -> b.append('-');
        case '\u2022' -> b.append('*');
        case '\u00d7' -> b.append('x');
        default -> b.append(c < 0x20 && c != '\n' ? ' ' : c > 0xff ? '?' : c);
      }
    }
    return b.toString();
  }
}

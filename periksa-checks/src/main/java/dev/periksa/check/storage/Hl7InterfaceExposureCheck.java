package dev.periksa.check.storage;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.preparser.PreParser;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.auto.service.AutoService;
import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.EndpointCheck;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Redactor;
import dev.periksa.evidence.Severity;
import dev.periksa.evidence.WeaknessRule;
import dev.periksa.json.Json;
import dev.periksa.pii.PiiType;
import dev.periksa.probe.Mllp;
import dev.periksa.probe.ProbeException;
import dev.periksa.target.Endpoint;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * STO-6 for HL7 v2 interfaces over MLLP: does an integration engine answer a stranger?
 *
 * <p>One connection per interface, one message: a patient query ({@code QRY^A19}, demographics) for
 * a synthetic patient id that exists nowhere ({@value #SYNTHETIC_PATIENT}); never a message that
 * changes state (admissions, orders, results). Over {@code mllps://} the probe presents no client
 * certificate. The reply is read with HAPI's pre-parser ({@code MSH-9}, {@code MSA-1}) and its
 * {@code PID} segments are turned into named fields for the personal-data scanner.
 *
 * <ul>
 *   <li>An HL7 reply of any kind (an answer, an ACK, even a reject) to a stranger FAILs: the
 *       interface takes messages from anyone who can reach it (MEDIUM), raised by the personal data
 *       in the reply (a patient's demographics) by the shared rule.
 *   <li>A TLS handshake refused for want of a client certificate (mutual TLS), or a connection
 *       closed without a byte of reply, PASSes: the stranger was not answered.
 *   <li>No reply in time, a reply that is not HL7 v2, a broken frame or a refused connection is
 *       INCONCLUSIVE.
 * </ul>
 *
 * Whether the interface speaks MLLP in clear or over TLS (and which version) is in the evidence.
 */
@AutoService(Check.class)
public final class Hl7InterfaceExposureCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "STO-6.hl7-mllp",
          "HL7 v2 interfaces answer no stranger",
          "HL7 v2 over MLLP",
          List.of("STO-6"),
          List.of("hl7"),
          List.of(306, 319),
          "Accept HL7 v2 connections only from the systems that exchange messages with the"
              + " interface: require mutual TLS (a client certificate per partner system) on MLLP,"
              + " or at the least restrict it to their addresses on a segregated network; never"
              + " answer queries from an unknown sending application; and treat what was served"
              + " as a personal-data breach to assess and notify (UU PDP: 3x24 hours; GDPR Art. 33:"
              + " 72 hours).");

  /** The patient asked for: a synthetic id that belongs to nobody. */
  static final String SYNTHETIC_PATIENT = "PERIKSA-SYNTHETIC-000001";

  /** Conventional MLLP port. */
  static final int DEFAULT_PORT = 2575;

  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    boolean tls = "mllps".equalsIgnoreCase(e.url().getScheme());
    String host = e.url().getHost();
    int port = e.port(DEFAULT_PORT);
    String query = query();
    String request = "MLLP" + (tls ? " over TLS" : "") + " QRY^A19 to " + host + ":" + port;
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("transport", tls ? "MLLP over TLS" : "MLLP in clear");
    facts.put(
        "message", "QRY^A19 (patient demographics) for synthetic patient " + SYNTHETIC_PATIENT);
    Mllp.Reply r;
    try {
      r = Mllp.exchange(ctx.tcp(), host, port, tls, query);
    } catch (Mllp.ClientCertificateRequired refused) {
      facts.put("refusal", "TLS requires a client certificate (mutual TLS)");
      result.observe(
          ctx.redactor().capture(e.name() + " refuses a stranger", request, 0, null, facts));
      result.part(
          Outcome.PASS,
          e.name() + ": refuses a stranger: its TLS requires a client certificate (mutual TLS)");
      return;
    }
    facts.put("bytesSent", r.bytesSent());
    facts.put("bytesRead", r.bytesRead());
    if (r.tlsProtocol() != null) {
      facts.put("tlsProtocol", r.tlsProtocol());
    }
    if (r.closedWithoutReply()) {
      facts.put("reply", "none: the connection was closed");
      result.observe(
          ctx.redactor().capture(e.name() + " refuses a stranger", request, 0, null, facts));
      result.part(
          Outcome.PASS,
          e.name() + ": closed the connection without answering a stranger's message");
      return;
    }
    String[] head;
    try {
      head = PreParser.getFields(r.message(), "MSH-9-1", "MSH-9-2", "MSA-1", "MSH-12");
    } catch (HL7Exception ex) {
      head = null;
    }
    if (head == null || head[0] == null || head[0].isBlank()) {
      throw new ProbeException(
          e.name() + " answered " + r.bytesRead() + " bytes that are not an HL7 v2 message");
    }
    String type = head[0] + (head[1] == null ? "" : "^" + head[1]);
    facts.put("replyType", type);
    if (head[2] != null) {
      facts.put("acknowledgement", head[2]);
    }
    if (head[3] != null) {
      facts.put("version", head[3]);
    }
    List<String> patients = patients(r.message());
    Map<PiiType, Integer> counts = new java.util.EnumMap<>(PiiType.class);
    for (String p : patients) {
      ctx.scanner()
          .count(ctx.scanner().scan(p))
          .forEach((k, v) -> counts.merge(k, v, Integer::sum));
    }
    facts.put("patientSegments", patients.size());
    facts.put("personalData", Redactor.named(counts));
    Evidence ev =
        ctx.redactor()
            .capture(
                "reply of " + e.name() + " to a stranger's query",
                request,
                0,
                r.message().getBytes(StandardCharsets.UTF_8),
                facts,
                patients.stream().limit(1).toList());
    result.observe(ev);
    Severity severity =
        Severity.max(
            WeaknessRule.INTERFACE_TAKES_STRANGERS_MESSAGES.severity(),
            Redactor.severityOf(counts));
    result.fail(
        new Finding(
            e.name()
                + " answers a stranger's HL7 query ("
                + type
                + (head[2] != null ? ", MSA-1 " + head[2] : "")
                + ", "
                + (tls ? "over TLS" : "in clear")
                + ")"
                + (counts.isEmpty() ? "" : "; the reply holds " + labels(counts)),
            e.url().toString(),
            severity,
            List.of(ev),
            METADATA.remediation()),
        e.name() + ": answers a stranger over MLLP (" + severity + ")");
  }

  /** The query: one patient's demographics, for an id that exists nowhere. */
  static String query() {
    String ts = ZonedDateTime.now(ZoneOffset.UTC).format(TS);
    byte[] b = new byte[6];
    new SecureRandom().nextBytes(b);
    String id = "PRK" + HexFormat.of().formatHex(b).toUpperCase(Locale.ROOT);
    return "MSH|^~\\&|PERIKSA|PERIKSA-PROBE|||"
        + ts
        + "||QRY^A19^QRY_A19|"
        + id
        + "|P|2.5\r"
        + "QRD|"
        + ts
        + "|R|I|"
        + id
        + "|||1^RD|"
        + SYNTHETIC_PATIENT
        + "^^^^MR|DEM\r";
  }

  /**
   * Each {@code PID} segment of a reply as a JSON object whose field names give the scanner its
   * context: identifiers by type (a national id {@code NI} as {@code nik}), name, birth date, sex,
   * address, phone.
   */
  static List<String> patients(String message) {
    List<String> out = new java.util.ArrayList<>();
    for (String seg : Mllp.segments(message)) {
      if (!seg.startsWith("PID|")) {
        continue;
      }
      String[] f = seg.split("\\|", -1);
      ObjectNode o = Json.MAPPER.createObjectNode();
      for (String rep : field(f, 3).split("~", -1)) {
        String[] c = rep.split("\\^", -1);
        if (c[0].isBlank()) {
          continue;
        }
        String typeCode = c.length > 4 ? c[4] : "";
        String key =
            switch (typeCode.toUpperCase(Locale.ROOT)) {
              case "NI", "NNIDN" -> "nik";
              case "MR" -> "medical_record_number";
              case "PPN" -> "passport_number";
              case "SS" -> "ssn";
              default -> "patient_identifier";
            };
        o.put(key, c[0]);
      }
      String[] name = field(f, 5).split("\\^", -1);
      String full = (name.length > 1 ? name[1] + " " : "") + name[0];
      if (!full.isBlank()) {
        o.put("patient_name", full.strip());
      }
      put(o, "birth_date", field(f, 7));
      put(o, "sex", field(f, 8));
      put(o, "address", field(f, 11).replace('^', ' ').replaceAll("\\s+", " ").strip());
      put(o, "phone", field(f, 13).split("\\^", -1)[0]);
      out.add(o.toString());
    }
    return out;
  }

  private static String field(String[] f, int i) {
    return i < f.length ? f[i] : "";
  }

  private static void put(ObjectNode o, String k, String v) {
    if (v != null && !v.isBlank()) {
      o.put(k, v);
    }
  }

  private static String labels(Map<PiiType, Integer> counts) {
    return String.join(", ", counts.keySet().stream().map(PiiType::label).toList());
  }

  @Override
  public String proof() {
    return """
        Applies to: HL7 v2 over MLLP (kind `hl7`: `mllp://host:port` in clear, `mllps://` over
        TLS; port 2575 by default). one connection, one message: a patient-demographics query
        (`QRY^A19`, HL7 2.5) for the synthetic patient `PERIKSA-SYNTHETIC-000001`, who exists
        nowhere; never a message that changes state. The reply (one MLLP frame, at most 64 KiB) is
        read with HAPI HL7v2's pre-parser (`MSH-9`, `MSA-1`); its `PID` segments become named
        fields (identifiers by type: `NI` as NIK, `MR` as medical record number; name, birth date,
        address, phone) for the personal-data scanner. Any HL7 reply to the stranger FAILs (an
        answer, an ACK, even a reject: the interface takes messages from anyone), MEDIUM, raised
        by the personal data in it (a patient's NIK and name: CRITICAL). Over `mllps://` no client
        certificate is presented: a handshake refused for want of one (mutual TLS) PASSes, as does
        a connection closed without a byte of reply. No reply in time, bytes that are not an MLLP
        frame or not HL7, a broken connection or a closed port are INCONCLUSIVE. The evidence says
        whether MLLP ran in clear or over TLS (and its version); `mllps://` endpoints are also
        TLS-1 and TLS-2 services. Proven against HAPI's own MLLP listener, open and behind a relay
        that demands client certificates (`Hl7InterfaceExposureCheckIT`)
        """;
  }
}

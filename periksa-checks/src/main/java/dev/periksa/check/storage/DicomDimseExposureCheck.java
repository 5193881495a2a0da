package dev.periksa.check.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.periksa.evidence.SeverityRule;
import dev.periksa.pii.PiiType;
import dev.periksa.probe.DicomWire;
import dev.periksa.probe.DimseClient;
import dev.periksa.probe.ProbeException;
import dev.periksa.target.Endpoint;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * STO-5 for the DICOM network protocol (DIMSE): does a declared archive (PACS) serve a stranger's
 * study query?
 *
 * <p>DIMSE has no credentials; an archive's only gate is which application entity (AE) titles it
 * accepts associations from. The check calls as an AE title no archive knows ({@link #CALLING_AE})
 * and asks for the called AE title the URL names ({@code dicom://host:port/AE}) or, without one, a
 * few common ones in turn, stopping at the first accepted. Rejected everywhere is a PASS. An
 * accepted association is asked a C-ECHO (answered, that alone is a LOW finding: the archive talks
 * to anyone) and a minimal C-FIND at study level (patient level when only Patient Root is accepted)
 * with universal matching, of which at most {@link #MAX_MATCHES} matches are read before the query
 * is cancelled. Matches that carry a patient name or ID are the exposure; the severity follows what
 * they hold, as for DICOMweb (a NIK in PatientID is identity). A reply that does not parse, or a
 * query that does not end after its cancel, is INCONCLUSIVE.
 */
@AutoService(Check.class)
public final class DicomDimseExposureCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "STO-5.dicom",
          "DICOM archives refuse associations and queries from unknown AE titles",
          "DICOM",
          List.of("STO-5"),
          List.of("dicom"),
          List.of(306, 359),
          "Accept DICOM associations only from known AE titles at known addresses (in Orthanc:"
              + " DicomCheckCalledAet, DicomModalities with DicomCheckModalityHost, and"
              + " DicomAlwaysAllowEcho/Find/Get/Move/Store set to false; in dcmqrscp: a peer list"
              + " instead of ANY), use DICOM TLS for associations that cross networks, keep the"
              + " DICOM port off public networks behind a firewall or VPN, and treat what was"
              + " readable as a personal-data breach: assess it and notify as the law requires"
              + " (UU PDP: within 3x24 hours; GDPR Art. 33: 72 hours).");

  /** A calling AE title no archive has been told about. */
  public static final String CALLING_AE = "PERIKSA";

  /** Called AE titles tried when the URL names none, in order. */
  public static final List<String> COMMON_CALLED_AES =
      List.of("ANY-SCP", "ORTHANC", "DCMQRSCP", "PACS", "STORESCP");

  /** Matches read before the query is cancelled. */
  public static final int MAX_MATCHES = 3;

  static final int DEFAULT_PORT = 104;

  static final int TAG_PATIENT_NAME = 0x00100010;
  static final int TAG_PATIENT_ID = 0x00100020;
  static final int TAG_STUDY_UID = 0x0020000D;

  /** Return keys of the query, by tag: value representation and keyword. */
  private static final Map<Integer, String[]> KEYS = keys();

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Map<Integer, String[]> keys() {
    Map<Integer, String[]> m = new LinkedHashMap<>();
    m.put(0x00080020, new String[] {"DA", "StudyDate"});
    m.put(0x00080061, new String[] {"CS", "ModalitiesInStudy"});
    m.put(TAG_PATIENT_NAME, new String[] {"PN", "PatientName"});
    m.put(TAG_PATIENT_ID, new String[] {"LO", "PatientID"});
    m.put(0x00100030, new String[] {"DA", "PatientBirthDate"});
    m.put(TAG_STUDY_UID, new String[] {"UI", "StudyInstanceUID"});
    return m;
  }

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    try {
      talk(ctx, e, result);
    } catch (DicomWire.NotDicom ex) {
      StoreProbing.noReply(
          ctx, e, result, "A-ASSOCIATE-RQ", "did not answer like DICOM: " + ex.getMessage());
    } catch (ProbeException ex) {
      StoreProbing.noReply(ctx, e, result, "A-ASSOCIATE-RQ", ex.getMessage());
    }
  }

  /** The called AE title the URL's path names, empty when it names none. */
  static Optional<String> calledAe(Endpoint e) {
    String p = e.url().getPath();
    if (p == null || p.isEmpty() || p.equals("/")) {
      return Optional.empty();
    }
    return Optional.of(p.startsWith("/") ? p.substring(1) : p);
  }

  /** 1 to 16 printable ASCII characters, no backslash, not only spaces (PS3.5 AE). */
  static boolean isAeTitle(String ae) {
    return !ae.isBlank()
        && ae.length() <= 16
        && ae.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '\\');
  }

  private void talk(TargetContext ctx, Endpoint e, CheckResult.Builder b) {
    Optional<String> named = calledAe(e);
    if (named.isPresent() && !isAeTitle(named.get())) {
      b.part(
          Outcome.INCONCLUSIVE,
          e.name() + ": the URL's path is not an AE title (1 to 16 printable characters)");
      return;
    }
    List<String> candidates = named.map(List::of).orElse(COMMON_CALLED_AES);
    List<String> refusals = new ArrayList<>();
    for (String called : candidates) {
      DimseClient.Association a =
          DimseClient.associate(ctx.tcp(), e.url(), DEFAULT_PORT, CALLING_AE, called);
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("callingAe", CALLING_AE);
      facts.put("calledAe", called);
      facts.put("accepted", a.accepted());
      if (!a.accepted()) {
        facts.put("answer", a.refusal());
        facts.put("bytesRead", a.bytesRead());
        b.observe(
            ctx.redactor()
                .capture(
                    "association as " + CALLING_AE + " to " + called,
                    "A-ASSOCIATE-RQ " + CALLING_AE + " → " + called,
                    0,
                    null,
                    facts));
        refusals.add(called + " (" + a.refusal() + ")");
        continue;
      }
      try (DimseClient c = a.client().get()) {
        facts.put("contexts", contexts(c));
        Evidence association =
            ctx.redactor()
                .capture(
                    "association as " + CALLING_AE + " to " + called,
                    "A-ASSOCIATE-RQ " + CALLING_AE + " → " + called,
                    0,
                    null,
                    facts);
        b.observe(association);
        accepted(ctx, e, called, c, association, b);
      }
      return;
    }
    b.part(
        Outcome.PASS,
        e.name()
            + ": refuses associations from an unknown AE title ("
            + String.join("; ", refusals)
            + ")");
  }

  private static Map<String, String> contexts(DimseClient c) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String as : DimseClient.PROPOSED) {
      m.put(as, c.context(as).map(DicomWire.Context::transferSyntax).orElse("refused"));
    }
    return m;
  }

  private void accepted(
      TargetContext ctx,
      Endpoint e,
      String called,
      DimseClient c,
      Evidence association,
      CheckResult.Builder b) {
    List<Evidence> evidence = new ArrayList<>(List.of(association));
    boolean echoed = false;
    String echo = "verification not accepted";
    if (c.context(DicomWire.VERIFICATION).isPresent()) {
      int status;
      try {
        status = c.echo();
      } catch (DimseClient.Aborted ex) {
        b.part(
            Outcome.INCONCLUSIVE,
            e.name() + ": accepted the association as " + called + ", then aborted the C-ECHO");
        return;
      }
      echoed = status == 0;
      echo = String.format("status 0x%04x", status);
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("status", echo);
      facts.put("bytesRead", c.bytesRead());
      Evidence ev = ctx.redactor().capture("C-ECHO", "C-ECHO-RQ", status, null, facts);
      b.observe(ev);
      evidence.add(ev);
    }

    boolean study = c.context(DicomWire.STUDY_ROOT_FIND).isPresent();
    boolean patient = c.context(DicomWire.PATIENT_ROOT_FIND).isPresent();
    DimseClient.Find found = null;
    String query = "not offered (no Query/Retrieve context accepted)";
    if (study || patient) {
      String level = study ? "STUDY" : "PATIENT";
      Map<Integer, String[]> id = new LinkedHashMap<>();
      id.put(0x00080052, new String[] {"CS", level});
      KEYS.forEach(
          (tag, k) -> {
            if (study || tag >> 16 == 0x0010) {
              id.put(tag, new String[] {k[0], tag == TAG_PATIENT_NAME ? "*" : ""});
            }
          });
      String request =
          "C-FIND-RQ "
              + (study ? "Study" : "Patient")
              + " Root, level "
              + level
              + ", PatientName=*, at most "
              + MAX_MATCHES
              + " matches";
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("level", level);
      try {
        found =
            c.find(
                study ? DicomWire.STUDY_ROOT_FIND : DicomWire.PATIENT_ROOT_FIND, id, MAX_MATCHES);
      } catch (DimseClient.Aborted ex) {
        query = "aborted by the archive";
        facts.put("answer", query);
        facts.put("bytesRead", c.bytesRead());
        Evidence ev = ctx.redactor().capture("study query (C-FIND)", request, 0, null, facts);
        b.observe(ev);
        evidence.add(ev);
      }
      if (found != null) {
        exposure(ctx, e, called, c, found, request, facts, evidence, b);
        if (!found.matches().isEmpty() && identifies(found)) {
          return;
        }
        query =
            !found.matches().isEmpty()
                ? "answered without patient identifiers"
                : found.finalStatus() == 0
                    ? "answered with no study"
                    : String.format("refused (status 0x%04x)", found.finalStatus());
      }
    }
    c.release();
    if (echoed || (found != null && (found.finalStatus() == 0 || !found.matches().isEmpty()))) {
      Finding f =
          new Finding(
              "DICOM archive accepts associations from an unknown AE title ("
                  + CALLING_AE
                  + " → "
                  + called
                  + ") and answers it; C-ECHO: "
                  + echo
                  + "; C-FIND: "
                  + query,
              e.url().toString(),
              SeverityRule.NOTHING_PERSONAL.severity(),
              evidence,
              METADATA.remediation());
      b.fail(f, e.name() + ": answers an unknown AE title (LOW)");
      return;
    }
    b.part(
        Outcome.PASS,
        e.name()
            + ": accepts an association as "
            + called
            + " but refuses its services (C-ECHO: "
            + echo
            + "; C-FIND: "
            + query
            + ")");
  }

  private static boolean identifies(DimseClient.Find f) {
    for (int i = 0; i < f.matches().size(); i++) {
      Map<Integer, byte[]> m = f.matches().get(i);
      Charset cs = f.charsets().get(i);
      for (int tag : List.of(TAG_PATIENT_NAME, TAG_PATIENT_ID)) {
        String v = DicomWire.text(m, tag, cs);
        if (v != null && !v.isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Records the query's evidence; with matches that identify patients, the FAIL. */
  private void exposure(
      TargetContext ctx,
      Endpoint e,
      String called,
      DimseClient c,
      DimseClient.Find found,
      String request,
      Map<String, Object> facts,
      List<Evidence> evidence,
      CheckResult.Builder b) {
    List<String> samples = new ArrayList<>();
    Map<PiiType, Integer> total = new EnumMap<>(PiiType.class);
    List<String> modalities = new ArrayList<>();
    for (int i = 0; i < found.matches().size(); i++) {
      String sample = dicomJson(found.matches().get(i), found.charsets().get(i));
      samples.add(sample);
      StoreProbing.count(ctx, sample, total);
      String mod = DicomWire.text(found.matches().get(i), 0x00080061, found.charsets().get(i));
      if (mod != null && !mod.isEmpty() && !modalities.contains(mod)) {
        modalities.add(mod);
      }
    }
    facts.put("matches", found.matches().size());
    facts.put("matchesRead", "at most " + MAX_MATCHES);
    facts.put("ending", found.ending());
    facts.put(
        "finalStatus",
        found.finalStatus() < 0 ? "none" : String.format("0x%04x", found.finalStatus()));
    facts.put("patientIdentifiers", identifies(found));
    facts.put("modalities", modalities);
    facts.put("bytesRead", c.bytesRead());
    Evidence ev = ctx.redactor().capture("study query (C-FIND)", request, 0, null, facts, samples);
    b.observe(ev);
    evidence.add(ev);
    if (found.matches().isEmpty() || !identifies(found)) {
      return;
    }
    c.release();
    Severity severity = Redactor.severityOf(total);
    Finding f =
        new Finding(
            "DICOM archive answers a study query from an unknown AE title ("
                + CALLING_AE
                + " → "
                + called
                + "): "
                + found.matches().size()
                + (found.cancelled() ? "+" : "")
                + " matches with patient identifiers; "
                + StoreProbing.holds(total),
            e.url().toString(),
            severity,
            evidence,
            METADATA.remediation());
    b.fail(f, e.name() + ": serves studies to an unknown AE title (" + severity + ")");
  }

  /** One match as DICOM JSON (PS3.18 F.2), the form the DICOMweb check samples too. */
  static String dicomJson(Map<Integer, byte[]> match, Charset cs) {
    Map<String, Object> out = new LinkedHashMap<>();
    KEYS.forEach(
        (tag, k) -> {
          String v = DicomWire.text(match, tag, cs);
          Map<String, Object> attr = new LinkedHashMap<>();
          attr.put("vr", k[0]);
          if (v != null && !v.isEmpty()) {
            List<Object> values = new ArrayList<>();
            for (String part : v.split("\\\\")) {
              values.add(k[0].equals("PN") ? Map.of("Alphabetic", part) : part);
            }
            attr.put("Value", values);
          }
          if (v != null) {
            out.put(String.format("%08X", tag), attr);
          }
        });
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }

  @Override
  public String proof() {
    return """
        Applies to: DICOM (DIMSE). an A-ASSOCIATE-RQ as the unknown AE title `PERIKSA` to the
        called AE title in the URL or, without one, `ANY-SCP`, `ORTHANC`, `DCMQRSCP`, `PACS`,
        `STORESCP` (first accepted wins; rejected by all passes); an accepted association is asked
        C-ECHO (answered alone: LOW) and a study-level C-FIND (patient level with Patient Root
        only) for PatientName, PatientID, PatientBirthDate, StudyDate, StudyInstanceUID,
        ModalitiesInStudy with `PatientName=*`; at most 3 matches read, then C-CANCEL (a peer that
        goes on past 1,000 responses or 256 KiB is aborted: INCONCLUSIVE); matches with a patient
        name or ID fail with the severity of what they hold; PDUs capped at 16 KiB
        """;
  }
}

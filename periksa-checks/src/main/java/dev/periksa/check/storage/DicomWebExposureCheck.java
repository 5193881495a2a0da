package dev.periksa.check.storage;

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
import dev.periksa.pii.PiiType;
import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.product.DicomWebReplies;
import dev.periksa.product.Json;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Identity;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * STO-5 for DICOMweb: does a declared imaging archive answer a study query (QIDO-RS) without
 * credentials?
 *
 * <p>The check asks {@code [base]/studies?limit=1} for {@code application/dicom+json}. Exposure
 * needs two signals in the reply: a JSON array of DICOM datasets (keys are 8-hex-digit tags, values
 * carry a {@code vr}) whose study carries a StudyInstanceUID (0020000D), and patient attributes
 * (PatientName 00100010 or PatientID 00100020). An invented path is asked first, so a catch-all
 * that answers everything with the same array is recognised. 401/403 is a PASS. One study is read
 * and the severity follows what it holds. The detectors have no type for "this person had an
 * imaging study", so a study that identifies its patient rates HIGH (identity), not CRITICAL,
 * unless its attributes also carry health data the detectors know (such as a test result).
 */
@AutoService(Check.class)
public final class DicomWebExposureCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "STO-5.dicomweb",
          "DICOMweb archives refuse study queries without credentials",
          "DICOMweb",
          List.of("STO-5"),
          List.of("dicomweb"),
          List.of(306, 862, 359),
          "Require authentication (OAuth 2.0 bearer tokens or at least HTTP Basic over TLS) for"
              + " every QIDO-RS, WADO-RS and STOW-RS request, keep the archive off public"
              + " networks behind an authenticating proxy, and treat what was readable as a"
              + " personal-data breach: assess it and notify as the law requires (UU PDP: within"
              + " 3x24 hours; GDPR Art. 33: 72 hours).");

  private static final Map<String, String> ACCEPT =
      Map.of("Accept", "application/dicom+json, application/json;q=0.9");

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    URI base = e.url();
    ProbeResponse random =
        ctx.http().get(StoreProbing.resolve(base, "/periksa-" + StoreProbing.token()), ACCEPT);
    ProbeResponse studies = ctx.http().get(StoreProbing.resolve(base, "/studies?limit=1"), ACCEPT);

    Optional<List<Json>> datasets = DicomWebReplies.datasets(studies.reply());
    boolean catchAll =
        random.isSuccess()
            && (DicomWebReplies.datasets(random.reply()).isPresent()
                || (random.status() == studies.status()
                    && Arrays.equals(random.body(), studies.body())));
    Map<String, Object> randomFacts = new LinkedHashMap<>();
    randomFacts.put("answeredLikeQido", catchAll);
    result.observe(
        ctx.redactor()
            .capture(
                "invented path", random.request(), random.status(), random.body(), randomFacts));

    List<String> samples = new ArrayList<>();
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("status", studies.status());
    studies.header("content-type").ifPresent(c -> facts.put("contentType", c));
    studies.header("www-authenticate").ifPresent(c -> facts.put("challenge", c));
    boolean studyUid = false;
    List<String> patientTags = List.of();
    if (datasets.isPresent()) {
      List<Json> ds = datasets.get();
      facts.put("datasets", ds.size());
      if (!ds.isEmpty()) {
        Json first = ds.get(0);
        studyUid = DicomWebReplies.studyInstanceUid(first);
        patientTags = DicomWebReplies.patientTags(first);
        facts.put("studyInstanceUid", studyUid);
        facts.put("patientTags", patientTags);
        facts.put("modalities", DicomWebReplies.values(first, DicomWebReplies.MODALITIES_IN_STUDY));
        samples.add(first.toString());
      }
    }
    Evidence query =
        ctx.redactor()
            .capture(
                "study query (QIDO-RS /studies?limit=1)",
                studies.request(),
                studies.status(),
                studies.body(),
                facts,
                samples);
    result.observe(query);

    if (catchAll) {
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": answers an invented path like a study query; a catch-all or look-alike,"
              + " not a DICOMweb archive");
      return;
    }
    if (studyUid && !patientTags.isEmpty()) {
      Map<PiiType, Integer> found = ctx.scanner().count(ctx.scanner().scan(samples.get(0)));
      Severity severity = Redactor.severityOf(found);
      String holds =
          found.isEmpty()
              ? "no personal data in the sample"
              : "sample holds "
                  + found.keySet().stream().map(PiiType::label).collect(Collectors.joining(", "));
      Finding f =
          new Finding(
              "DICOMweb archive answers study queries without credentials; " + holds,
              base.toString(),
              severity,
              List.of(query),
              METADATA.remediation());
      result.fail(f, e.name() + ": serves studies without credentials (" + severity + ")");
      return;
    }
    if (studies.isRefusal()) {
      result.part(
          Outcome.PASS,
          e.name() + ": refuses study queries without credentials (" + studies.status() + ")");
      confirmWithIdentity(ctx, e, result);
      return;
    }
    if (datasets.map(List::isEmpty).orElse(studies.status() == 204)) {
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": answers a study query without credentials but returned no study; cannot tell"
              + " an open, empty archive from a look-alike");
      return;
    }
    result.part(
        Outcome.INCONCLUSIVE,
        e.name()
            + ": did not answer like a DICOMweb archive (GET /studies → "
            + studies.status()
            + (datasets.isPresent() ? ", datasets without a study UID and patient tags" : "")
            + ")");
  }

  /** With the declared identity the archive should answer: proof the refusal came from it. */
  private void confirmWithIdentity(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    if (e.identity() == null) {
      return;
    }
    Optional<Identity> id = ctx.profile().identity(e.identity());
    if (id.isEmpty()) {
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>(ACCEPT);
    headers.putAll(id.get().httpHeaders());
    try {
      ProbeResponse r = ctx.http().get(StoreProbing.resolve(e.url(), "/studies?limit=1"), headers);
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("identity", id.get().name());
      facts.put("answered", DicomWebReplies.datasets(r.reply()).isPresent());
      result.observe(
          ctx.redactor()
              .capture("with the declared identity", r.request(), r.status(), r.body(), facts));
    } catch (ProbeException ex) {
      result.observe(
          ctx.redactor()
              .capture(
                  "with the declared identity",
                  e.url().toString(),
                  0,
                  null,
                  Map.of("error", ex.getMessage())));
    }
  }

  @Override
  public String proof() {
    return """
        QIDO-RS `/studies?limit=1` without credentials; DICOM JSON datasets with a
        StudyInstanceUID and patient tags (an invented path must not answer alike); one study
        sampled; 401/403 passes
        """;
  }
}

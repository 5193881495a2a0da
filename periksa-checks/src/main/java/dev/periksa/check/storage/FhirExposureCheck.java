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
import dev.periksa.evidence.SeverityRule;
import dev.periksa.pii.PiiMatch;
import dev.periksa.pii.PiiType;
import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.product.FhirReplies;
import dev.periksa.product.FhirReplies.Bundle;
import dev.periksa.product.FhirReplies.Capability;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Identity;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * STO-5 for FHIR: does a declared FHIR API serve patient resources to a caller without a token?
 *
 * <p>The capability statement ({@code GET [base]/metadata}) is public by design and only tells
 * which resource types the server supports. For a few patient-data types it supports (Patient,
 * Observation, Condition...) the check asks {@code [base]/<Type>?_summary=count} and {@code
 * [base]/<Type>?_count=2}, with no credentials. Exposure needs two signals: a searchset {@code
 * Bundle} with a total above zero or entries, and entries whose resource type is the one asked for.
 * An invented resource type is asked first: a real server refuses it with an error (usually an
 * OperationOutcome), while a catch-all look-alike answers it with the same kind of Bundle. Every
 * asked type refused with 401/403 is a PASS; at most 2 resources of at most 3 types are read, and
 * the severity follows what they hold.
 *
 * <p>Replies are read by {@link FhirReplies} rather than HAPI FHIR's parser: the check must read
 * any FHIR version (DSTU2's {@code Conformance} to R5) and half-broken replies without a strict
 * model, and it only needs a few fields (resourceType, total, entry.resource, issue.code).
 */
@AutoService(Check.class)
public final class FhirExposureCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "STO-5.fhir",
          "FHIR APIs refuse patient-resource reads without a token",
          "FHIR",
          List.of("STO-5"),
          List.of("fhir"),
          List.of(306, 862, 359),
          "Require an OAuth 2.0 / SMART on FHIR access token (or another strong credential) for"
              + " every read and search of patient resources, leaving only the capability"
              + " statement (/metadata) public; answer missing or invalid tokens with 401 and an"
              + " OperationOutcome. Treat what was readable as a personal-data breach: assess it"
              + " and notify as the law requires (UU PDP: within 3x24 hours; GDPR Art. 33: 72"
              + " hours).");

  /** Resource types that hold patient data, most telling first. */
  static final List<String> PATIENT_TYPES =
      List.of(
          "Patient",
          "Observation",
          "Condition",
          "DiagnosticReport",
          "Immunization",
          "Encounter",
          "MedicationRequest",
          "AllergyIntolerance",
          "Procedure");

  /** Types asked without a token (count, and a sample while the budget lasts). */
  static final int MAX_TYPES_ASKED = 6;

  /** Types whose resources are sampled. */
  static final int MAX_TYPES_SAMPLED = 3;

  /** Resources read of each sampled type. */
  static final int RESOURCES_PER_TYPE = 2;

  /** Used when the server publishes no capability statement. */
  static final List<String> DEFAULT_TYPES = List.of("Patient", "Observation");

  private static final Map<String, String> ACCEPT =
      Map.of("Accept", "application/fhir+json, application/json;q=0.9");

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  /** What one resource type answered without a token. */
  enum State {
    /** 401/403 to every request. */
    REFUSED,
    /** A Bundle with resources of the type. */
    EXPOSED,
    /** A Bundle with a total above zero, not read (the sample budget was spent). */
    COUNTED,
    /** A Bundle that says there are none. */
    EMPTY,
    /** The server's own error that it does not serve the type (400/404 with OperationOutcome). */
    UNSUPPORTED,
    /** Anything else: not a FHIR reply, malformed, a server error, mismatched entries. */
    UNCLEAR
  }

  private record TypeProbe(
      String type,
      boolean read,
      State state,
      Long total,
      List<String> samples,
      String detail,
      List<Evidence> evidence) {}

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    URI base = e.url();
    ProbeResponse meta = get(ctx, base, "/metadata");
    Optional<Capability> cap = FhirReplies.capability(meta.reply());
    Evidence metaEvidence = capabilityEvidence(ctx, meta, cap);
    result.observe(metaEvidence);

    String invented = "Periksa" + StoreProbing.token();
    ProbeResponse random = get(ctx, base, "/" + invented + "?_summary=count");
    boolean catchAll = FhirReplies.searchBundle(random.reply()).isPresent();
    boolean productError = !random.isSuccess() && FhirReplies.outcome(random.reply()).isPresent();
    Map<String, Object> randomFacts = new LinkedHashMap<>();
    randomFacts.put("resourceType", invented);
    randomFacts.put("answeredWithBundle", catchAll);
    FhirReplies.outcome(random.reply()).ifPresent(o -> randomFacts.put("issue", o.codes()));
    Evidence randomEvidence =
        ctx.redactor()
            .capture(
                "invented resource type",
                random.request(),
                random.status(),
                random.body(),
                randomFacts);
    result.observe(randomEvidence);
    if (catchAll) {
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": answers an invented resource type with a Bundle; a catch-all or look-alike,"
              + " not a FHIR server");
      return;
    }

    List<String> types = typesToAsk(cap);
    List<TypeProbe> probes = new ArrayList<>();
    int sampled = 0;
    for (String type : types) {
      TypeProbe t = probeType(ctx, base, type, sampled < MAX_TYPES_SAMPLED);
      if (t.read()) {
        sampled++;
      }
      probes.add(t);
      t.evidence().forEach(result::observe);
    }
    conclude(ctx, e, cap, productError, metaEvidence, probes, result);
  }

  static List<String> typesToAsk(Optional<Capability> cap) {
    List<String> supported =
        cap.map(c -> PATIENT_TYPES.stream().filter(c.types()::contains).toList()).orElse(List.of());
    List<String> ask = supported.isEmpty() ? DEFAULT_TYPES : supported;
    return ask.stream().limit(MAX_TYPES_ASKED).toList();
  }

  private TypeProbe probeType(TargetContext ctx, URI base, String type, boolean mayRead) {
    List<Evidence> evidence = new ArrayList<>();
    ProbeResponse count = get(ctx, base, "/" + type + "?_summary=count");
    Optional<Bundle> countBundle = FhirReplies.searchBundle(count.reply());
    evidence.add(replyEvidence(ctx, type + ": count (_summary=count)", type, count, countBundle));
    boolean empty = countBundle.map(b -> b.total() != null && b.total() == 0).orElse(false);
    boolean unsupported =
        !count.isSuccess() && !count.isRefusal() && FhirReplies.outcome(count.reply()).isPresent();
    if (empty) {
      return new TypeProbe(type, false, State.EMPTY, 0L, List.of(), "total 0", evidence);
    }
    if (!mayRead || unsupported) {
      State s;
      if (count.isRefusal()) {
        s = State.REFUSED;
      } else if (unsupported) {
        s = State.UNSUPPORTED;
      } else if (countBundle.map(b -> b.total() != null && b.total() > 0).orElse(false)) {
        s = State.COUNTED;
      } else {
        s = State.UNCLEAR;
      }
      return new TypeProbe(
          type,
          false,
          s,
          countBundle.map(Bundle::total).orElse(null),
          List.of(),
          describe(count),
          evidence);
    }

    ProbeResponse read = get(ctx, base, "/" + type + "?_count=" + RESOURCES_PER_TYPE);
    Optional<Bundle> readBundle = FhirReplies.searchBundle(read.reply());
    List<String> samples = new ArrayList<>();
    readBundle.ifPresent(
        b ->
            b.matches().stream()
                .filter(r -> type.equals(r.path("resourceType").asText("")))
                .limit(RESOURCES_PER_TYPE)
                .forEach(r -> samples.add(r.toString())));
    Long total =
        countBundle.map(Bundle::total).or(() -> readBundle.map(Bundle::total)).orElse(null);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("resourceType", type);
    facts.put("status", read.status());
    readBundle.ifPresent(
        b -> {
          facts.put("bundleType", b.type());
          facts.put("entries", b.matches().size());
          facts.put("entryTypes", b.entryTypes());
        });
    if (total != null) {
      facts.put("total", total);
    }
    facts.put("sampled", samples.size());
    challenge(read).ifPresent(c -> facts.put("challenge", c));
    FhirReplies.outcome(read.reply()).ifPresent(o -> facts.put("issue", o.codes()));
    evidence.add(
        ctx.redactor()
            .capture(
                type + ": sample (_count=" + RESOURCES_PER_TYPE + ")",
                read.request(),
                read.status(),
                read.body(),
                facts,
                samples));

    boolean typed =
        readBundle
            .map(
                b ->
                    !b.matches().isEmpty()
                        && b.matches().stream()
                            .allMatch(r -> type.equals(r.path("resourceType").asText(""))))
            .orElse(false);
    if (typed) {
      return new TypeProbe(type, true, State.EXPOSED, total, samples, "records served", evidence);
    }
    State s;
    if (count.isRefusal() && read.isRefusal()) {
      s = State.REFUSED;
    } else if (readBundle
        .map(b -> b.matches().isEmpty() && (b.total() == null || b.total() == 0))
        .orElse(false)) {
      s = State.EMPTY;
    } else {
      s = State.UNCLEAR;
    }
    return new TypeProbe(
        type, true, s, total, List.of(), describe(count) + ", read → " + describe(read), evidence);
  }

  private void conclude(
      TargetContext ctx,
      Endpoint e,
      Optional<Capability> cap,
      boolean productError,
      Evidence metaEvidence,
      List<TypeProbe> probes,
      CheckResult.Builder result) {
    boolean read = probes.stream().anyMatch(t -> t.state() == State.EXPOSED);
    // A count alone is one signal: it joins a finding another type proved, never makes one.
    List<TypeProbe> exposed =
        probes.stream()
            .filter(t -> t.state() == State.EXPOSED || (read && t.state() == State.COUNTED))
            .toList();
    String product = cap.map(Capability::label).orElse("FHIR server");
    if (!exposed.isEmpty()) {
      Map<PiiType, Integer> found = new EnumMap<>(PiiType.class);
      List<Evidence> evidence = new ArrayList<>();
      evidence.add(metaEvidence);
      for (TypeProbe t : exposed) {
        evidence.addAll(t.evidence());
        for (String s : t.samples()) {
          List<PiiMatch> ms = ctx.scanner().scan(s);
          ctx.scanner().count(ms).forEach((k, v) -> found.merge(k, v, Integer::sum));
        }
      }
      Severity severity = Redactor.severityOf(found);
      String served =
          exposed.stream()
              .map(t -> t.type() + (t.total() == null ? "" : String.format(" %,d", t.total())))
              .collect(Collectors.joining(", "));
      String holds =
          found.isEmpty()
              ? "no personal data in the sample"
              : "sample holds "
                  + found.keySet().stream().map(PiiType::label).collect(Collectors.joining(", "));
      Finding f =
          new Finding(
              String.format(
                  "%s serves patient resources without a token: %s; %s", product, served, holds),
              e.url().toString(),
              severity,
              evidence,
              METADATA.remediation());
      result.fail(f, e.name() + ": serves " + served + " without a token (" + severity + ")");
      return;
    }
    String asked = probes.stream().map(TypeProbe::type).collect(Collectors.joining(", "));
    if (probes.stream().allMatch(t -> t.state() == State.REFUSED)) {
      result.part(
          Outcome.PASS,
          e.name()
              + ": refuses reads of "
              + asked
              + " without a token"
              + (cap.isPresent() ? "; its capability statement is public, as FHIR expects" : ""));
      confirmWithIdentity(ctx, e, e.url(), result);
      return;
    }
    List<TypeProbe> unclear =
        probes.stream()
            .filter(t -> t.state() == State.UNCLEAR || t.state() == State.COUNTED)
            .toList();
    if (!unclear.isEmpty()) {
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": did not answer like a FHIR server ("
              + unclear.stream()
                  .map(t -> t.type() + ": " + t.detail())
                  .collect(Collectors.joining("; "))
              + ")");
      return;
    }
    List<TypeProbe> empty = probes.stream().filter(t -> t.state() == State.EMPTY).toList();
    if (!empty.isEmpty() && (cap.isPresent() || productError)) {
      List<Evidence> evidence = new ArrayList<>();
      evidence.add(metaEvidence);
      empty.forEach(t -> evidence.addAll(t.evidence()));
      String which = empty.stream().map(TypeProbe::type).collect(Collectors.joining(", "));
      Finding f =
          new Finding(
              product + " answers searches without a token (" + which + ": none held at scan time)",
              e.url().toString(),
              SeverityRule.NOTHING_PERSONAL.severity(),
              evidence,
              METADATA.remediation());
      result.fail(f, e.name() + ": answers searches of " + which + " without a token");
      return;
    }
    result.part(
        Outcome.INCONCLUSIVE,
        e.name()
            + ": could not tell whether "
            + asked
            + " are protected ("
            + probes.stream()
                .map(t -> t.type() + ": " + t.state().name().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", "))
            + ")");
  }

  private Evidence capabilityEvidence(
      TargetContext ctx, ProbeResponse meta, Optional<Capability> cap) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("public", meta.isSuccess() && cap.isPresent());
    cap.ifPresent(
        c -> {
          facts.put("resourceType", c.resourceType());
          facts.put("fhirVersion", c.fhirVersion());
          facts.put("software", c.software());
          facts.put("resourceTypes", c.types().size());
          facts.put("patientTypes", PATIENT_TYPES.stream().filter(c.types()::contains).toList());
          facts.put("securityServices", c.securityServices());
        });
    return ctx.redactor()
        .capture(
            "capability statement (GET /metadata)",
            meta.request(),
            meta.status(),
            meta.body(),
            facts);
  }

  private Evidence replyEvidence(
      TargetContext ctx, String title, String type, ProbeResponse r, Optional<Bundle> b) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("resourceType", type);
    b.ifPresent(
        x -> {
          facts.put("bundleType", x.type());
          if (x.total() != null) {
            facts.put("total", x.total());
          }
        });
    challenge(r).ifPresent(c -> facts.put("challenge", c));
    FhirReplies.outcome(r.reply()).ifPresent(o -> facts.put("issue", o.codes()));
    return ctx.redactor().capture(title, r.request(), r.status(), r.body(), facts);
  }

  private static Optional<String> challenge(ProbeResponse r) {
    return r.header("www-authenticate");
  }

  private static String describe(ProbeResponse r) {
    String kind =
        FhirReplies.searchBundle(r.reply()).isPresent()
            ? "Bundle"
            : FhirReplies.outcome(r.reply()).isPresent()
                ? "OperationOutcome"
                : r.json().isPresent()
                    ? "other JSON"
                    : r.body().length == 0 ? "no body" : "not JSON";
    return r.status() + " " + kind;
  }

  private static ProbeResponse get(TargetContext ctx, URI base, String pathAndQuery) {
    return ctx.http().get(StoreProbing.resolve(base, pathAndQuery), ACCEPT);
  }

  /**
   * With the declared identity (a token, an API key or a password), the server should serve a
   * search: proof that the refusals came from it and that the owner can still read. Only counted,
   * never sampled ({@code _summary=count}).
   */
  private static void confirmWithIdentity(
      TargetContext ctx, Endpoint e, URI base, CheckResult.Builder result) {
    if (e.identity() == null) {
      return;
    }
    Optional<Identity> id = ctx.profile().identity(e.identity());
    if (id.isEmpty() || id.get().httpHeaders().isEmpty()) {
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>(ACCEPT);
    headers.putAll(id.get().httpHeaders());
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("identity", id.get().name());
    try {
      ProbeResponse r =
          ctx.http().get(StoreProbing.resolve(base, "/Patient?_summary=count"), headers);
      Optional<FhirReplies.Bundle> b = FhirReplies.searchBundle(r.reply());
      facts.put("answered", b.isPresent());
      b.map(FhirReplies.Bundle::total).ifPresent(t -> facts.put("patients", t));
      result.observe(
          ctx.redactor()
              .capture("with the declared identity", r.request(), r.status(), null, facts));
    } catch (ProbeException ex) {
      facts.put("error", ex.getMessage());
      result.observe(
          ctx.redactor().capture("with the declared identity", e.url().toString(), 0, null, facts));
    }
  }

  @Override
  public String proof() {
    return """
        public `/metadata` names the types; `<Type>?_summary=count` and `?_count=2` for up to 6
        patient-data types without a token; a Bundle counting records plus entries of the asked
        type (an invented type must not get a Bundle); 2 resources of up to 3 types sampled;
        401/403 for every type passes
        """;
  }
}

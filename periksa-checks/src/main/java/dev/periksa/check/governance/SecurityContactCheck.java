package dev.periksa.check.governance;

import com.google.auto.service.AutoService;
import dev.periksa.check.Attestation;
import dev.periksa.check.Attestation.Aspects;
import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.Exemption;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.ProbingCheck;
import dev.periksa.check.TargetContext;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.WeaknessRule;
import dev.periksa.probe.HttpProbe;
import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.probe.Reading.State;
import dev.periksa.target.Endpoint;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GOV-1: a working security contact and breach-notification process exist.
 *
 * <p>The contact is what a probe can see: each web and http origin of the target is asked for
 * {@code /.well-known/security.txt} (RFC 9116) and, first, for an invented file beside it. A reply
 * counts as a security.txt only when it is a 2xx {@code text/plain} reply holding RFC 9116 fields
 * and unlike the invented file's reply, so a catch-all page is no security.txt. One valid file
 * (Contact present, one Expires in the future) served over HTTPS is a working contact. Otherwise a
 * current attestation of the security contact stands in; without one the requirement FAILs (MEDIUM:
 * no personal data is exposed, but whoever finds a leak, as the researchers who found the e-HAC
 * cluster in 2021, has no channel to the controller, which delays the notification the law times).
 *
 * <p>The breach-notification process (UU PDP Pasal 46: 3×24 hours; GDPR Art. 33: 72 hours) cannot
 * be seen from outside: it is ATTESTED by a current attestation or INCONCLUSIVE ("attest it").
 * Combined, the worst part wins: a FAIL, then doubt, then an attestation, then a pass.
 */
@AutoService(Check.class)
public final class SecurityContactCheck extends ProbingCheck<URI> {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "GOV-1.security-contact",
          "A current security.txt over HTTPS names a security contact",
          "Organisation",
          List.of("GOV-1"),
          List.of("web", "http"),
          List.of(),
          "Publish /.well-known/security.txt (RFC 9116) over HTTPS on every public web origin,"
              + " with a Contact (mailto: or https://) that someone reads and an Expires less than a"
              + " year ahead, renewed before it passes, or have the contact attested in the"
              + " attestation file.",
          // Shown everywhere, never deciding a verdict: a missing contact exposes no one's data.
          true);

  static final String PATH = "/.well-known/security.txt";

  /** A security.txt is a few hundred bytes; more is not one, and is not read. */
  static final int MAX_BYTES = 32 * 1024;

  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected List<URI> targets(TargetContext ctx) {
    return new ArrayList<>(origins(ctx));
  }

  @Override
  protected String name(URI origin) {
    return origin.toString();
  }

  @Override
  protected URI address(URI origin) {
    return origin;
  }

  @Override
  protected void probe(TargetContext ctx, URI origin, CheckResult.Builder b) {
    b.keep(read(ctx, ctx.http().withMaxBody(MAX_BYTES), origin, b));
  }

  @Override
  protected void conclude(TargetContext ctx, CheckResult.Builder b) {
    contact(ctx, b, LocalDate.now(ZoneOffset.UTC), b.kept(Reading.class));
  }

  private static Set<URI> origins(TargetContext ctx) {
    Set<URI> origins = new LinkedHashSet<>();
    for (String kind : METADATA.kinds()) {
      for (Endpoint e : ctx.endpoints(kind)) {
        origins.add(URI.create(e.url().getScheme() + "://" + e.url().getRawAuthority()));
      }
    }
    return origins;
  }

  /** Reading of one origin. */
  enum Kind {
    VALID,
    INVALID,
    ABSENT,
    LOOKALIKE,
    UNREADABLE
  }

  record Reading(URI url, Kind kind, String note) {}

  private void contact(
      TargetContext ctx, CheckResult.Builder b, LocalDate today, List<Reading> readings) {
    Set<URI> origins = origins(ctx);
    Optional<Attestation> attested = attestation(ctx, Aspects.SECURITY_CONTACT, today, b);
    if (origins.isEmpty()) {
      if (attested.isPresent()) {
        b.part(Outcome.ATTESTED, "security contact attested; no web front to read security.txt");
      } else {
        b.part(
            Outcome.NOT_APPLICABLE,
            "no web or http endpoint to read "
                + PATH
                + " from (a security contact can be attested)");
      }
      return;
    }
    if (readings.isEmpty()) {
      // Every origin was out of scope or given up: what it would have said is unknown.
      return;
    }
    Optional<Reading> valid = readings.stream().filter(r -> r.kind() == Kind.VALID).findFirst();
    if (valid.isPresent()) {
      b.part(Outcome.PASS, "security contact published at " + valid.get().url());
      return;
    }
    if (attested.isPresent()) {
      b.part(
          Outcome.ATTESTED,
          "no valid security.txt over HTTPS; the security contact is attested by "
              + attested.get().by());
      return;
    }
    List<Reading> unreadable = readings.stream().filter(r -> r.kind() == Kind.UNREADABLE).toList();
    if (!unreadable.isEmpty()) {
      b.part(
          Outcome.INCONCLUSIVE,
          "could not read "
              + PATH
              + " at "
              + String.join(
                  ", ", unreadable.stream().map(r -> r.url() + " (" + r.note() + ")").toList()));
      return;
    }
    List<Reading> invalid = readings.stream().filter(r -> r.kind() == Kind.INVALID).toList();
    String title;
    URI location;
    if (!invalid.isEmpty()) {
      title = "No current security contact: the security.txt published is " + invalid.get(0).note();
      location = invalid.get(0).url();
    } else {
      title = "No security.txt on any web front, and no security contact attested";
      location = readings.get(0).url();
    }
    List<Evidence> evidence = new ArrayList<>();
    Map<String, Object> facts = new LinkedHashMap<>();
    for (Reading r : readings) {
      facts.put(r.url().toString(), r.kind().name().toLowerCase(Locale.ROOT) + ": " + r.note());
    }
    evidence.add(
        ctx.redactor().capture("security.txt on each origin", "GET " + PATH, 0, null, facts));
    b.fail(
        new Finding(
            title,
            location.toString(),
            WeaknessRule.NO_SECURITY_CONTACT.severity(),
            evidence,
            METADATA.remediation()),
        title);
  }

  private Reading read(TargetContext ctx, HttpProbe http, URI origin, CheckResult.Builder b) {
    URI url = origin.resolve(PATH);
    byte[] n = new byte[6];
    RANDOM.nextBytes(n);
    URI invented = origin.resolve("/.well-known/periksa-" + HexFormat.of().formatHex(n) + ".txt");
    ProbeResponse control;
    ProbeResponse r;
    try {
      control = http.get(invented);
      r = http.get(url);
    } catch (ProbeException e) {
      return new Reading(url, Kind.UNREADABLE, e.getMessage());
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("contentType", r.header("Content-Type").orElse(""));
    facts.put("inventedPathStatus", control.status());
    Reading reading = classify(url, r, control, facts);
    facts.put("reading", reading.kind().name().toLowerCase(Locale.ROOT));
    facts.put("note", reading.note());
    b.observe(
        ctx.redactor()
            .capture("security.txt at " + origin, r.request(), r.status(), r.body(), facts));
    return reading;
  }

  /** Decides what one reply is; adds the parsed fields to {@code facts}. */
  static Reading classify(
      URI url, ProbeResponse r, ProbeResponse control, Map<String, Object> facts) {
    int s = r.status();
    if (r.reading().state() == State.UNREADABLE) {
      return new Reading(url, Kind.UNREADABLE, r.reading().why());
    }
    if (s >= 500) {
      return new Reading(url, Kind.UNREADABLE, "server error " + s);
    }
    if (s < 200 || s >= 300) {
      return new Reading(url, Kind.ABSENT, "no security.txt (" + s + ")");
    }
    String type = r.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    if (control.isSuccess() && Arrays.equals(control.body(), r.body())) {
      return new Reading(url, Kind.LOOKALIKE, "answers an invented path alike: no security.txt");
    }
    if (!type.startsWith("text/plain")) {
      return new Reading(
          url,
          Kind.LOOKALIKE,
          "a " + (type.isEmpty() ? "typeless" : type) + " reply, not text/plain");
    }
    if (r.truncated()) {
      return new Reading(
          url, Kind.LOOKALIKE, "larger than " + MAX_BYTES + " bytes: not a security.txt");
    }
    SecurityTxt t = SecurityTxt.parse(r.text(), Instant.now());
    if (t.fields().isEmpty()) {
      return new Reading(url, Kind.LOOKALIKE, "text without RFC 9116 fields");
    }
    facts.putAll(t.facts());
    List<String> problems = new ArrayList<>(t.problems());
    if (!"https".equalsIgnoreCase(url.getScheme())) {
      problems.add("served over plain HTTP (RFC 9116 requires HTTPS)");
    }
    if (problems.isEmpty()) {
      return new Reading(url, Kind.VALID, "valid, expires " + t.expires());
    }
    return new Reading(url, Kind.INVALID, String.join(", ", problems));
  }

  /**
   * The current attestation of one aspect on this target; a matching expired one is recorded (so
   * the outputs say it expired) but not used.
   */
  static Optional<Attestation> attestation(
      TargetContext ctx, String aspect, LocalDate today, CheckResult.Builder b) {
    Attestation current = null;
    for (Attestation a : ctx.attestations()) {
      if (!a.requirement().equals("GOV-1") || !a.covers().contains(aspect)) {
        continue;
      }
      if (a.currentOn(today)) {
        if (current == null) {
          current = a;
        }
      } else {
        // Shown, so the outputs say it expired; it no longer counts.
        b.exempt(exemption(a, aspect, false));
      }
    }
    if (current != null) {
      b.exempt(exemption(current, aspect, true));
    }
    return Optional.ofNullable(current);
  }

  private static Exemption exemption(Attestation a, String aspect, boolean current) {
    return new Exemption(
        Exemption.Kind.ATTESTATION,
        current,
        a.requirement() + " " + aspect,
        List.of(),
        a.statement(),
        a.by(),
        a.date(),
        a.expires(),
        a.source());
  }

  @Override
  public String proof() {
    return """
        Applies to: Organisation (every `web` and `http` origin). an invented
        `/.well-known/periksa-<random>.txt`, then `/.well-known/security.txt` (RFC 9116), each
        origin once, at most 32 KiB read. A reply counts as a security.txt only when it is a 2xx
        `text/plain` with RFC 9116 fields and unlike the invented file's reply (a catch-all page
        never counts); it is valid with a `Contact` (mailto:, https://, tel:) and exactly one
        `Expires` in the future (RFC 3339; an OpenPGP-signed file is read inside its signature),
        served over HTTPS. One valid file is a working contact; otherwise a current attestation of
        the `security-contact` stands in; otherwise FAIL (MEDIUM: nothing personal is exposed, but
        whoever finds a leak has no channel to the controller), naming what was found (expired on
        ..., plain HTTP, look-alike, none). An origin that cannot be read, with no valid file
        elsewhere, is INCONCLUSIVE; a target without a web front is NOT_APPLICABLE. **The contact
        is advisory** (`GOV-1.security-contact`): its FAIL is shown in the console ("advisory:
        does not decide the verdict"), results.json (`"advisory": true`, and the requirement's
        `verdictOutcome`), the report, JUnit and SARIF, and never decides a verdict or an exit
        code. The lab's hardened portal serves a current security.txt over HTTPS; the legacy one a
        file that expired in 2021, over HTTP
        """;
  }
}

package dev.periksa.check.auth;

import com.google.auto.service.AutoService;
import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.EndpointCheck;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.check.support.DataPlaces;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Redactor;
import dev.periksa.evidence.Severity;
import dev.periksa.pii.PiiType;
import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.target.ApiSettings;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Identity;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AUT-1 for HTTP APIs: does every path the profile says returns personal data refuse a caller
 * without credentials?
 *
 * <p>Each {@code api.personalData} path of each declared API is asked once without any credentials,
 * its {@code {id}} filled with a record the first declared identity owns. A FAIL needs two signals:
 * a 2xx reply and personal data found in it by the scanner; its severity follows what the reply
 * holds. A 2xx without personal data (a login prompt answered with 200, say) is not this
 * requirement's failure: it is recorded as an observation. An invented path is asked first, so a
 * server that answers every path with the same page is recognised.
 *
 * <p>A refusal (401/403, a redirect, a 404) only proves something when the path really serves
 * personal data to its owner: an API that refuses everyone, or a profile that names a path the API
 * does not have, would otherwise be certified without its data ever being seen. So the owner logs
 * in and reads the same path. When the owner reads it, the refusal is a PASS. When the owner cannot
 * log in, or is refused too, or gets nothing that looks like their data, the path is INCONCLUSIVE,
 * not PASS: Periksa never saw the data whose protection it would certify, and a mistyped or moved
 * route would hide the real one. The reason says which of these happened.
 */
@AutoService(Check.class)
public final class UnauthenticatedAccessCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "AUT-1.personal-data-without-login",
          "API paths that return personal data refuse callers without credentials",
          "HTTP API",
          List.of("AUT-1"),
          List.of("http"),
          List.of(306, 359),
          "Put every route that returns personal data behind the API's authentication (deny by"
              + " default; allow only health and login routes without a token), answer a caller"
              + " without credentials with 401 and a WWW-Authenticate challenge, and treat what"
              + " was served as a personal-data breach: assess it and notify as the law requires"
              + " (UU PDP: within 3x24 hours; GDPR Art. 33: 72 hours).");

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected List<Endpoint> targets(TargetContext ctx) {
    return super.targets(ctx).stream()
        .filter(e -> e.api() == null || !e.api().personalData().isEmpty())
        .toList();
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    if (e.api() == null) {
      undeclared(ctx, e, result);
      return;
    }
    new Probe(ctx, e, result).run();
  }

  /** Replies read of an HTTP endpoint without an api section. */
  static final int UNDECLARED_READS = 6;

  /**
   * An HTTP endpoint without an api section (declared so, or found by discovery): read where its
   * data is, without credentials ({@link DataPlaces}: the root as HTML and as JSON, its data-like
   * links one level down). A 2xx with personal data fails; anything else is not applicable here,
   * since without declared paths and an owner a refusal proves nothing (see above).
   */
  private static void undeclared(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    List<Evidence> served = new java.util.ArrayList<>();
    List<String> where = new java.util.ArrayList<>();
    Map<PiiType, Integer> total = new java.util.EnumMap<>(PiiType.class);
    java.net.URI[] first = new java.net.URI[1];
    DataPlaces.walk(
        ctx,
        e,
        UNDECLARED_READS,
        DataPlaces.RANGE_BYTES,
        p -> {
          ProbeResponse r = p.reply();
          Map<PiiType, Integer> counts =
              r.isSuccess() ? ApiRecords.personalData(ctx.scanner(), r.text()) : Map.of();
          if (counts.isEmpty()) {
            return false;
          }
          Map<String, Object> facts = ApiRecords.replyFacts(r);
          facts.put("credentials", "none");
          facts.put("personalData", ApiRecords.named(counts));
          Evidence ev =
              ctx.redactor()
                  .capture(
                      "without credentials: " + p.what(),
                      r.request(),
                      r.status(),
                      r.body(),
                      facts,
                      Probe.sample(r));
          result.observe(ev);
          ctx.observed()
              .record(r.url(), METADATA.id(), "without credentials: " + p.what(), counts, ev);
          served.add(ev);
          where.add(p.what());
          ApiRecords.add(total, counts);
          first[0] = r.url();
          return true;
        });
    if (served.isEmpty()) {
      result.part(
          Outcome.NOT_APPLICABLE,
          e.name()
              + ": no api section, and nothing personal was served without credentials where its"
              + " data would be; declare api.personalData and an identity to prove it refuses"
              + " strangers");
      return;
    }
    Severity severity = Redactor.severityOf(total);
    result.fail(
        new Finding(
            where.get(0)
                + " serves personal data to anyone, without credentials ("
                + ApiRecords.labels(total)
                + ")",
            first[0].toString(),
            severity,
            served,
            METADATA.remediation()),
        e.name()
            + ": "
            + String.join(", ", where)
            + " answered with personal data to a caller without credentials ("
            + severity
            + ")");
  }

  /** One API endpoint's paths, with the owner's session made at most once. */
  private static final class Probe {
    private final TargetContext ctx;
    private final Endpoint e;
    private final CheckResult.Builder result;
    private final ApiClient client;
    private final Identity owner;
    private final String ownedId;
    private ApiClient.Session session;
    private String noSession;

    Probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
      this.ctx = ctx;
      this.e = e;
      this.result = result;
      this.client = new ApiClient(ctx, e);
      List<Identity> ids = client.identities();
      this.owner = ids.isEmpty() ? null : ids.get(0);
      this.ownedId = owner == null || owner.owns().isEmpty() ? null : owner.owns().get(0);
    }

    void run() {
      ProbeResponse random = client.anonymous("/" + ApiRecords.invented());
      result.observe(
          ctx.redactor()
              .capture(
                  "invented path, without credentials",
                  random.request(),
                  random.status(),
                  random.body(),
                  ApiRecords.replyFacts(random)));
      for (String template : e.api().personalData()) {
        String label = e.name() + " " + template;
        if (template.contains("{id}") && ownedId == null) {
          result.part(
              Outcome.INCONCLUSIVE,
              label
                  + ": needs a record id, but the first identity of the api section owns none"
                  + " (identities[].owns)");
          continue;
        }
        String path = ownedId == null ? template : ApiClient.fill(template, ownedId);
        try {
          path(label, path, random);
        } catch (ProbeException ex) {
          result.unanswered(
              ctx.redactor(),
              "no usable reply for " + template,
              client.url(path).toString(),
              label,
              ex.getMessage());
        }
      }
    }

    private void path(String label, String path, ProbeResponse random) {
      ProbeResponse r = client.anonymous(path);
      String body = r.text();
      Map<PiiType, Integer> counts =
          r.isSuccess() ? ApiRecords.personalData(ctx.scanner(), body) : Map.of();
      Map<String, Object> facts = ApiRecords.replyFacts(r);
      facts.put("credentials", "none");
      if (!counts.isEmpty()) {
        facts.put("personalData", ApiRecords.named(counts));
      }
      List<String> samples = r.isSuccess() && !counts.isEmpty() ? sample(r) : List.of();
      Evidence anonymous =
          ctx.redactor()
              .capture(
                  "without credentials: GET " + path,
                  r.request(),
                  r.status(),
                  r.body(),
                  facts,
                  samples);
      result.observe(anonymous);
      ctx.observed()
          .record(r.url(), METADATA.id(), "without credentials: GET " + path, counts, anonymous);

      if (r.isSuccess() && !counts.isEmpty()) {
        if (random.isSuccess() && Arrays.equals(random.body(), r.body())) {
          result.part(
              Outcome.INCONCLUSIVE,
              label
                  + ": answers an invented path with the same reply; a catch-all page, not"
                  + " this API's record");
          return;
        }
        Severity severity = Redactor.severityOf(counts);
        Finding f =
            new Finding(
                "GET "
                    + path
                    + " serves personal data to anyone, without credentials ("
                    + ApiRecords.labels(counts)
                    + ")",
                client.url(path).toString(),
                severity,
                List.of(anonymous),
                METADATA.remediation());
        result.fail(
            f,
            label
                + ": answered "
                + r.status()
                + " with personal data to a caller without"
                + " credentials ("
                + severity
                + ")");
        return;
      }
      String refusal;
      if (r.isRefusal()) {
        refusal =
            "refuses a caller without credentials ("
                + r.status()
                + r.header("www-authenticate")
                    .map(h -> " with a " + h.split(" ")[0] + " challenge")
                    .orElse(", without a WWW-Authenticate challenge")
                + ")";
      } else if (r.isSuccess()) {
        refusal = "answers a caller without credentials " + r.status() + " without personal data";
      } else if ((r.status() >= 300 && r.status() < 400) || r.status() == 404) {
        refusal = "does not serve a caller without credentials (" + r.status() + ")";
      } else {
        result.part(
            Outcome.INCONCLUSIVE,
            label
                + ": answered "
                + r.status()
                + " without credentials; neither data nor a refusal");
        return;
      }
      confirm(label, path, refusal);
    }

    /** The owner must be able to read the path: proof the refusal guards personal data. */
    private void confirm(String label, String path, String refusal) {
      if (!loggedIn()) {
        result.part(Outcome.INCONCLUSIVE, label + ": " + refusal + ", but " + noSession);
        return;
      }
      ProbeResponse r = client.get(path, session);
      Map<PiiType, Integer> counts =
          r.isSuccess() ? ApiRecords.personalData(ctx.scanner(), r.text()) : Map.of();
      boolean echoed =
          r.isSuccess()
              && ownedId != null
              && path.contains(ApiClient.fill("{id}", ownedId))
              && r.json().map(j -> ApiRecords.values(j).contains(ownedId)).orElse(false);
      Map<String, Object> facts = ApiRecords.replyFacts(r);
      facts.put("identity", owner.name());
      facts.put("personalData", ApiRecords.named(counts));
      if (echoed) {
        facts.put("recordId", ownedId);
      }
      // The owner's own data is not sampled: counts and a hash are proof enough.
      result.observe(
          ctx.redactor()
              .capture(
                  "as its owner " + owner.name() + ": GET " + path,
                  r.request(),
                  r.status(),
                  r.body(),
                  facts));
      if (!r.isSuccess()) {
        result.part(
            Outcome.INCONCLUSIVE,
            label
                + ": "
                + refusal
                + ", but its owner "
                + owner.name()
                + " is refused too ("
                + r.status()
                + "): cannot tell an endpoint that guards personal data from one that refuses"
                + " everyone or a path the API does not have");
        return;
      }
      if (counts.isEmpty() && !echoed) {
        result.part(
            Outcome.INCONCLUSIVE,
            label
                + ": "
                + refusal
                + ", but what it serves its owner "
                + owner.name()
                + " holds no recognisable personal data");
        return;
      }
      result.part(
          Outcome.PASS,
          label + ": " + refusal + "; serves its owner " + owner.name() + " (" + r.status() + ")");
    }

    private boolean loggedIn() {
      if (session != null) {
        return true;
      }
      if (noSession != null) {
        return false;
      }
      ApiSettings.Login form = e.api().login();
      if (owner == null) {
        noSession = "the api section names no declared identity to confirm its owner can read it";
        return false;
      }
      if (!client.canActAs(owner)) {
        noSession =
            form == null
                ? "the api section declares no login, and "
                    + owner.name()
                    + " has no token or API key, to confirm its owner can read it"
                : owner.name() + " has no password to log in with";
        return false;
      }
      ApiClient.Login login;
      try {
        login = client.login(owner);
      } catch (ProbeException ex) {
        noSession = "the login as " + owner.name() + " got no reply (" + ex.getMessage() + ")";
        return false;
      }
      // Never the login reply itself: it may carry a token.
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("identity", owner.name());
      facts.put("loggedIn", login.ok());
      result.observe(
          ctx.redactor()
              .capture(
                  "login as " + owner.name(),
                  login.response().request(),
                  login.response().status(),
                  null,
                  facts));
      if (!login.ok()) {
        noSession =
            "the login as "
                + owner.name()
                + " failed ("
                + login.response().status()
                + "), so it could not be confirmed that this path serves its owner's data";
        return false;
      }
      session = login.session().get();
      return true;
    }

    /** One record of the reply, masked by the redactor: enough to show what leaked. */
    private static List<String> sample(ProbeResponse r) {
      return r.json()
          .map(
              j -> {
                List<com.fasterxml.jackson.databind.JsonNode> recs = ApiRecords.records(j);
                return recs.isEmpty() ? List.of(j.toString()) : List.of(recs.get(0).toString());
              })
          .orElseGet(
              () -> {
                String t = r.text();
                if (t.length() <= 2000) {
                  return List.of(t);
                }
                // Cut at whitespace, so no number is split into a half the redactor cannot see.
                int cut = Math.max(t.lastIndexOf('\n', 2000), t.lastIndexOf(' ', 2000));
                return List.of(cut > 0 ? t.substring(0, cut) : "");
              });
    }
  }

  @Override
  public String proof() {
    return """
        each `api.personalData` path, `{id}` filled with a record the first declared identity
        owns, asked once without credentials: a 2xx holding personal data fails (one record
        sampled, severity from the reply); a 2xx without personal data is only noted; an invented
        path is asked first to recognise a catch-all. A refusal (401/403, redirect, 404) passes
        only once the owner has logged in and read the same path; if the owner cannot log in or is
        refused too, the path is INCONCLUSIVE
        """;
  }
}

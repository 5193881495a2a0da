package dev.periksa.check.personaldata;

import com.google.auto.service.AutoService;
import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.EndpointCheck;
import dev.periksa.check.Finding;
import dev.periksa.check.Outcome;
import dev.periksa.check.TargetContext;
import dev.periksa.check.auth.ApiClient;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Redactor;
import dev.periksa.evidence.Severity;
import dev.periksa.json.Json;
import dev.periksa.pii.PiiType;
import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.target.ApiSettings;
import dev.periksa.target.Endpoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PII-2, error messages: does an HTTP API put the input it chokes on, or other personal data, into
 * its error replies? Error bodies end up in client logs, monitoring tools and screenshots, and a
 * stack trace tells an attacker how the service is built.
 *
 * <p>Each {@code http} endpoint is sent malformed requests that carry the synthetic {@link Canary}
 * NIK (never a real one): the canary as the id of a record ({@code api.record}, else the first
 * personal-data path with {@code {id}}, else a path of its own) with the session of the first
 * declared identity; a login body that is truncated JSON (or a broken form) with the canary as the
 * user name; and, when {@code api.search} is declared, a truncated JSON body with the canary in its
 * field. An error reply (4xx or 5xx, or any reply with a stack trace) fails when it
 *
 * <ul>
 *   <li>carries the canary unmasked (in the body or a header): the service echoes input into its
 *       errors, as it would a real person's number; a masked echo ({@code 3174••••••••9999} or
 *       {@code 3174********9999}) passes;
 *   <li>carries a stack trace (Java, Python, .NET, Node.js, PHP, Ruby, Go) together with any
 *       personal data; or
 *   <li>carries identity numbers or health data of its own.
 * </ul>
 *
 * <p>A stack trace without personal data is not a PII-2 failure: it is noted in the evidence and is
 * DAST-1's matter (CWE-209, information exposure through an error message). A contact address or
 * phone number in an error page is not either. Severity follows the data the error replies carry
 * (the canary counts as a NIK: HIGH at least). An API whose declared login fails is INCONCLUSIVE:
 * its record handler, where the deepest errors come from, could not be reached.
 */
@AutoService(Check.class)
public final class ErrorEchoCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "PII-2.error-echo",
          "Error replies echo no personal data and carry no stack trace with it",
          "Error replies",
          List.of("PII-2"),
          List.of("http"),
          List.of(209, 359),
          "Answer errors with a generic message and a correlation id, and keep the details (the"
              + " input, the exception, the stack trace) in the service's own protected logs, with"
              + " identity numbers masked there too: turn off framework options that return"
              + " exception messages or stack traces (e.g. Spring Boot's"
              + " server.error.include-message and include-stacktrace, Django's DEBUG, ASP.NET's"
              + " developer exception page).");

  /** Characters of an error body (or of each JSON value in it) shown as the sample. */
  static final int SAMPLE_CHARS = 600;

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    try {
      new Probe(ctx, e, result).run();
    } catch (ProbeException ex) {
      unanswered(ctx, e, result, ex);
    }
  }

  /** No usable reply; the canary this check sends is hidden from the reason. */
  static void unanswered(
      TargetContext ctx, Endpoint e, CheckResult.Builder result, ProbeException ex) {
    result.observe(
        ctx.redactor()
            .capture(
                "no usable reply from " + e.name(),
                Canary.hide(e.url().toString()),
                0,
                null,
                Map.of("error", Canary.hide(ex.getMessage()))));
    result.part(Outcome.INCONCLUSIVE, e.name() + ": " + Canary.hide(ex.getMessage()));
  }

  /** The malformed requests sent to one endpoint and what came back. */
  private static final class Probe {
    private final TargetContext ctx;
    private final Endpoint e;
    private final CheckResult.Builder result;
    private final List<Evidence> offending = new ArrayList<>();
    private final List<String> what = new ArrayList<>();
    private final Map<PiiType, Integer> counts = new EnumMap<>(PiiType.class);
    private final List<String> tracesOnly = new ArrayList<>();
    private boolean echoes;
    private String trace;
    private String location;
    private int replies;

    Probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
      this.ctx = ctx;
      this.e = e;
      this.result = result;
    }

    void run() {
      ApiSettings api = e.api();
      if (api == null) {
        judge("a path made of the canary", get(e, "/" + Canary.NIK));
        conclude(null);
        return;
      }
      ApiAccess access = ApiAccess.open(ctx, e, result);
      String template = api.record();
      if (template == null || !template.contains("{id}")) {
        template =
            api.personalData().stream().filter(p -> p.contains("{id}")).findFirst().orElse(null);
      }
      String path = template != null ? ApiClient.fill(template, Canary.NIK) : "/" + Canary.NIK;
      judge("the canary as a record id, as " + access.who(), access.get(path));
      ApiSettings.Login login = api.login();
      if (login != null) {
        boolean form = "form".equals(login.format());
        String body =
            form
                ? enc(login.usernameField())
                    + "="
                    + Canary.NIK
                    + "&"
                    + enc(login.passwordField())
                    + "=%"
                : "{"
                    + quote(login.usernameField())
                    + ":\""
                    + Canary.NIK
                    + "\","
                    + quote(login.passwordField())
                    + ":\"";
        judge(
            "a malformed login with the canary as the user name",
            access.sendAnonymous(
                "POST",
                login.path(),
                form ? "application/x-www-form-urlencoded" : "application/json",
                body));
      }
      if (api.search() != null) {
        judge(
            "a malformed look-up body with the canary",
            access.send(
                "POST",
                api.search().path(),
                "application/json",
                "{" + quote(api.search().field()) + ":\"" + Canary.NIK + "\""));
      }
      conclude(access.problem());
    }

    private ProbeResponse get(Endpoint e, String path) {
      return ctx.http().get(e.resolve(path), Map.of("Accept", "application/json"));
    }

    private void judge(String sent, ProbeResponse r) {
      replies++;
      String body = r.text();
      Optional<String> stack = StackTraces.in(body, r.json());
      boolean error = r.status() >= 400 || stack.isPresent();
      boolean echo = Canary.in(body) || headersEcho(r);
      // What the service put there of its own, apart from the number Periksa sent.
      Map<PiiType, Integer> own = Replies.personal(ctx.scanner(), body.replace(Canary.NIK, ""));
      Map<PiiType, Integer> found = new EnumMap<>(PiiType.class);
      found.putAll(own);
      if (echo) {
        found.merge(PiiType.NIK, 1, Integer::sum);
      }
      boolean bad =
          error && (echo || (stack.isPresent() && !own.isEmpty()) || Replies.identityOrHealth(own));
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("sent", sent);
      facts.put("echoesCanary", echo);
      stack.ifPresent(s -> facts.put("stackTrace", s));
      facts.put("personalData", Redactor.named(found));
      r.header("content-type").ifPresent(t -> facts.put("contentType", t));
      List<String> samples =
          bad || stack.isPresent() ? List.of(Replies.excerpt(r, SAMPLE_CHARS)) : List.of();
      Evidence ev =
          ctx.redactor()
              .capture(
                  "reply to " + sent,
                  Canary.hide(r.request()),
                  r.status(),
                  r.body(),
                  facts,
                  samples);
      result.observe(ev);
      if (bad) {
        offending.add(ev);
        what.add(sent + " → " + r.status());
        Replies.add(counts, found);
        echoes |= echo;
        if (trace == null) {
          trace = stack.orElse(null);
        }
        if (location == null) {
          location = Canary.hide(r.url().toString());
        }
      } else if (stack.isPresent()) {
        tracesOnly.add(stack.get() + " stack trace (" + r.status() + ")");
      }
    }

    private static boolean headersEcho(ProbeResponse r) {
      for (Map.Entry<String, List<String>> h : r.headers().entrySet()) {
        if (h.getKey().equals("location")) {
          continue; // a URL: the URLs check's concern
        }
        for (String v : h.getValue()) {
          if (Canary.in(v)) {
            return true;
          }
        }
      }
      return false;
    }

    private void conclude(String problem) {
      if (!offending.isEmpty()) {
        Severity s = Redactor.severityOf(counts);
        String title =
            "Error replies of "
                + e.name()
                + (echoes ? " echo the identity number they were sent" : " carry personal data")
                + (trace != null ? ", with a " + trace + " stack trace" : "")
                + " ("
                + offending.size()
                + " of "
                + replies
                + " malformed requests)";
        result.fail(
            new Finding(title, location, s, offending, METADATA.remediation()),
            e.name() + ": " + String.join("; ", what) + " (" + s + ")");
        return;
      }
      if (problem != null) {
        result.part(
            Outcome.INCONCLUSIVE,
            e.name() + ": " + problem + ", so its record handler's errors could not be reached");
        return;
      }
      result.part(
          Outcome.PASS,
          e.name()
              + ": "
              + replies
              + " malformed requests with a canary NIK; no error reply echoes it or carries"
              + " personal data"
              + (tracesOnly.isEmpty()
                  ? ""
                  : " (a stack trace without personal data is DAST-1's matter: "
                      + String.join(", ", tracesOnly)
                      + ")"));
    }

    private static String quote(String s) {
      try {
        return Json.MAPPER.writeValueAsString(s);
      } catch (java.io.IOException ex) {
        throw new IllegalStateException(ex);
      }
    }

    private static String enc(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
  }

  @Override
  public String proof() {
    return """
        Applies to: Error replies (kind `http`). three malformed requests carrying the canary: the
        canary as a record id (`api.record`), a truncated JSON login with the canary as user name,
        a truncated JSON body to `api.search`. An error reply (4xx/5xx, or any with a stack trace)
        FAILs when it echoes the canary unmasked, carries a stack trace (Java, Python, .NET,
        Node.js, PHP, Ruby, Go) together with personal data, or carries identity numbers or health
        data of its own; a masked echo passes, and a stack trace without personal data passes with
        a note (it is DAST-1's matter, CWE-209). A declared login that fails is INCONCLUSIVE.
        Samples keep JSON structure with long values cut to their first lines and the canary
        masked
        """;
  }
}

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
import dev.periksa.evidence.WeaknessRule;
import dev.periksa.probe.ProbeException;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.product.ActuatorReplies;
import dev.periksa.product.ActuatorReplies.EnvReport;
import dev.periksa.target.Endpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * STO-4 for Spring Boot: does the actuator publish the application's environment or a dump of its
 * heap to a stranger?
 *
 * <p>It reads the actuator's index ({@code /actuator}, HAL links) and asks an invented path under
 * it first: Spring Boot answers that with its own JSON error ({@code status}, {@code error}, {@code
 * path}), a catch-all page does not. {@code /actuator/env} counts only with its own shape (named
 * property sources) and a second Spring signal; the check reports which property names are exposed
 * and how many values the server masked, never a value.
 *
 * <p>The heap dump is proven with {@code Range: bytes=0-31} and a 32-byte read cap, so at most 32
 * bytes ever leave the server toward Periksa even if it ignores the Range header; the HPROF magic
 * {@code JAVA PROFILE 1.0.2} in those bytes is the proof. It is asked only when the index lists it,
 * or when there is no index to ask (Boot can hide the index while exposing endpoints), and at the
 * Boot 1.x path {@code /heapdump} only when there is no actuator index.
 */
@AutoService(Check.class)
public final class SpringActuatorCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "STO-4.spring-actuator",
          "Spring Boot actuators publish no environment, heap dump or other diagnostics",
          "Spring Boot Actuator",
          List.of("STO-4"),
          List.of("web"),
          List.of(215, 497, 528, 200),
          "Expose only health over HTTP (management.endpoints.web.exposure.include=health), keep"
              + " management.endpoint.heapdump.access=none and env values masked, and bind the"
              + " management port to an internal address (management.server.address) or put it"
              + " behind Spring Security with an administrator role. Rotate every credential the"
              + " environment or the heap held; a heap dump holds every record the application had"
              + " in memory, so treat a reachable one as a personal-data breach.");

  /** Bytes of a heap dump asked for and read at most: the HPROF header and nothing more. */
  static final int HEAP_BYTES = 32;

  /** Property names that look like credentials, named in the evidence at most. */
  static final int MAX_NAMES = 30;

  /** Endpoints beyond env and heapdump that tell a stranger too much. */
  static final Set<String> DIAGNOSTICS =
      Set.of(
          "threaddump",
          "configprops",
          "beans",
          "mappings",
          "conditions",
          "loggers",
          "logfile",
          "httpexchanges",
          "httptrace",
          "trace",
          "auditevents",
          "sessions",
          "shutdown",
          "jolokia",
          "scheduledtasks",
          "caches",
          "quartz",
          "flyway",
          "liquibase",
          "startup",
          "integrationgraph");

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    String invented = "/actuator/" + WebProbing.invented();
    ProbeResponse random = ctx.http().followingRedirects().get(WebProbing.at(e.url(), invented));
    ProbeResponse index = ctx.http().followingRedirects().get(WebProbing.at(e.url(), "/actuator"));
    Optional<Map<String, Boolean>> links = ActuatorReplies.index(index.reply());
    boolean springError = ActuatorReplies.springError(random.reply());
    boolean catchAll =
        random.isSuccess()
            && (WebProbing.samePage(random, invented, index, "/actuator")
                || ActuatorReplies.index(random.reply()).isPresent());

    Map<String, Object> indexFacts = new LinkedHashMap<>();
    indexFacts.put("halIndex", links.isPresent());
    links.ifPresent(
        l ->
            indexFacts.put(
                "endpoints", l.keySet().stream().filter(k -> !k.equals("self")).toList()));
    indexFacts.put("springErrorOnInventedPath", springError);
    Evidence indexEvidence =
        ctx.redactor()
            .capture(
                "actuator index (GET /actuator)",
                index.request(),
                index.status(),
                index.body(),
                indexFacts);
    result.observe(indexEvidence);

    if (catchAll) {
      result.observe(
          ctx.redactor()
              .capture(
                  "invented path " + invented,
                  random.request(),
                  random.status(),
                  random.body(),
                  Map.of("note", "answers an invented path like the actuator index")));
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": answers every path with the same page; a look-alike; whether an actuator is behind it cannot be told");
      return;
    }

    List<String> unclear = new ArrayList<>();
    int found = 0;
    boolean listsEnv = links.map(l -> l.containsKey("env")).orElse(false);
    boolean listsHeap = links.map(l -> l.containsKey("heapdump")).orElse(false);

    // The heap dump first: it is the worst finding, and the one a report should lead with.
    List<String> heapPaths = new ArrayList<>();
    if (links.isEmpty() || listsHeap) {
      heapPaths.add("/actuator/heapdump");
    }
    if (links.isEmpty()) {
      heapPaths.add("/heapdump");
    }
    for (String path : heapPaths) {
      ProbeResponse heap;
      try {
        heap =
            ctx.http()
                .followingRedirects()
                .withMaxBody(HEAP_BYTES)
                .get(
                    WebProbing.at(e.url(), path),
                    Map.of("Range", WebProbing.firstBytes(HEAP_BYTES)));
      } catch (ProbeException ex) {
        // A large heap takes a while to dump before the first byte: no answer is no verdict.
        unclear.add(path + " (" + ex.getMessage() + ")");
        continue;
      }
      Optional<String> magic = ActuatorReplies.heapDump(heap.reply());
      boolean second = listsHeap || springError || heap.status() == 206;
      if (magic.isPresent() && second) {
        heapFinding(ctx, e, path, heap, magic.get(), indexEvidence, result);
        found++;
        break;
      } else if (!heap.isSuccess() && !WebProbing.notServed(heap.status())) {
        unclear.add(path + " (HTTP " + heap.status() + ")");
      }
    }

    if (links.isEmpty() || listsEnv) {
      try {
        ProbeResponse env =
            ctx.http().followingRedirects().get(WebProbing.at(e.url(), "/actuator/env"));
        Optional<EnvReport> report =
            ActuatorReplies.env(env.reply(), WebFileShapes::secretName, MAX_NAMES);
        if (report.isPresent() && (listsEnv || springError)) {
          envFinding(ctx, e, env, report.get(), indexEvidence, result);
          found++;
        } else if (!env.isSuccess() && !WebProbing.notServed(env.status())) {
          unclear.add("/actuator/env (HTTP " + env.status() + ")");
        }
      } catch (ProbeException ex) {
        unclear.add("/actuator/env (" + ex.getMessage() + ")");
      }
    }

    List<String> diagnostics =
        links
            .map(l -> l.keySet().stream().filter(DIAGNOSTICS::contains).sorted().toList())
            .orElse(List.of());
    if (!diagnostics.isEmpty() && springError) {
      // Each of these maps the application (its beans, routes, threads, settings, logs) or acts on
      // it (shutdown, loggers): not personal data by itself, but no stranger's business. MEDIUM.
      result.fail(
          new Finding(
              "The actuator publishes diagnostics endpoints to anyone: "
                  + String.join(", ", diagnostics),
              WebProbing.at(e.url(), "/actuator").toString(),
              WeaknessRule.DIAGNOSTICS_PUBLISHED.severity(),
              List.of(indexEvidence),
              METADATA.remediation()),
          e.name() + ": actuator diagnostics published (MEDIUM)");
      found++;
    }

    if (found > 0) {
      if (!unclear.isEmpty()) {
        result.observe(
            ctx.redactor()
                .capture(
                    "actuator paths without a clear answer on " + e.name(),
                    e.url().toString(),
                    0,
                    null,
                    Map.of("paths", unclear)));
      }
      return;
    }
    if (!unclear.isEmpty()) {
      result.part(
          Outcome.INCONCLUSIVE, e.name() + ": no clear answer for " + String.join(", ", unclear));
      return;
    }
    result.part(
        Outcome.PASS,
        e.name()
            + (links.isPresent()
                ? ": the actuator publishes only " + String.join(", ", publicEndpoints(links.get()))
                : ": no actuator endpoint answers (GET /actuator → " + index.status() + ")"));
  }

  private static List<String> publicEndpoints(Map<String, Boolean> links) {
    List<String> out = links.keySet().stream().filter(k -> !k.equals("self")).toList();
    return out.isEmpty() ? List.of("its index") : out;
  }

  private void envFinding(
      TargetContext ctx,
      Endpoint e,
      ProbeResponse env,
      EnvReport report,
      Evidence indexEvidence,
      CheckResult.Builder result) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("activeProfiles", report.activeProfiles());
    facts.put("propertySources", report.sources());
    facts.put("properties", report.properties());
    facts.put("credentialNames", report.secretNames());
    facts.put("valuesMaskedByServer", report.masked());
    facts.put("valuesInClear", report.properties() - report.masked());
    Evidence ev =
        ctx.redactor()
            .capture(
                "environment (GET /actuator/env)", env.request(), env.status(), env.body(), facts);
    String names =
        report.secretNames().isEmpty()
            ? "no credential-like names"
            : "credential names "
                + String.join(
                    ", ", report.secretNames().subList(0, Math.min(5, report.secretNames().size())))
                + (report.secretNames().size() > 5 ? " and more" : "");
    String values =
        report.masked() == report.properties()
            ? "values masked by the server"
            : (report.properties() - report.masked()) + " values in clear (withheld here)";
    // The environment names every data store, secret and internal host the application uses, and
    // masking is one setting away from off: at least HIGH, as for any other exposed secrets file.
    result.fail(
        new Finding(
            String.format(
                "/actuator/env answers anyone: %d properties in %d sources; %s; %s",
                report.properties(), report.sources().size(), names, values),
            WebProbing.at(e.url(), "/actuator/env").toString(),
            WeaknessRule.SECRETS_SERVED.severity(),
            List.of(indexEvidence, ev),
            METADATA.remediation()),
        e.name() + ": /actuator/env served (HIGH)");
  }

  private void heapFinding(
      TargetContext ctx,
      Endpoint e,
      String path,
      ProbeResponse heap,
      String magic,
      Evidence indexEvidence,
      CheckResult.Builder result) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("path", path);
    facts.put("range", WebProbing.firstBytes(HEAP_BYTES));
    facts.put("rangeHonoured", heap.status() == 206);
    facts.put("bytesRead", heap.body().length);
    facts.put("format", "HPROF " + magic);
    heap.header("content-range").ifPresent(c -> facts.put("contentRange", c));
    WebProbing.totalSize(heap).ifPresent(t -> facts.put("dumpSize", t));
    Evidence ev =
        ctx.redactor()
            .capture(
                "heap dump header (first " + HEAP_BYTES + " bytes)",
                heap.request(),
                heap.status(),
                heap.body(),
                facts);
    String size = WebProbing.totalSize(heap).map(t -> String.format(", %,d bytes", t)).orElse("");
    // A heap dump is the application's whole memory: the records it was serving, sessions and
    // tokens, and the datasource password in clear (the env endpoint's masking does not reach it).
    // It cannot be sampled without taking it, so its severity cannot follow a sample: CRITICAL.
    result.fail(
        new Finding(
            String.format(
                "%s hands anyone a dump of the application's memory (%s%s); %d bytes read to prove it",
                path, magic, size, heap.body().length),
            WebProbing.at(e.url(), path).toString(),
            WeaknessRule.HEAP_DUMP_SERVED.severity(),
            List.of(indexEvidence, ev),
            METADATA.remediation()),
        e.name() + ": " + path + " served (CRITICAL)");
  }

  @Override
  public String proof() {
    return """
        `/actuator` HAL index and Spring's own 404 on an invented path; `/actuator/env` property
        names (values never read: HIGH); `/actuator/heapdump` proven by its HPROF header with
        `Range: bytes=0-31` and a 32-byte read cap (CRITICAL); other diagnostics endpoints
        published (MEDIUM)
        """;
  }
}

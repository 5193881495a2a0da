package dev.periksa.check.auth;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.periksa.probe.ProbeResponse;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Identity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * AUZ-1 for HTTP APIs: can one identity read another identity's records by asking for their ids
 * (broken object-level authorization, BOLA)?
 *
 * <p>The first identity of the api section (A) logs in and reads one of its own records through
 * {@code api.record}: this positive control must answer 2xx with a record, or nothing the check
 * sees later could be told apart from a broken login or a wrong path (INCONCLUSIVE). A then asks
 * for records it does not own: those the second identity (B) owns and the ids next to A's own
 * (sequential ids are how such leaks are found), at most {@value #MAX_FOREIGN} of them.
 *
 * <p>A reply counts as another's record (FAIL) only with two signals: a 2xx status, and either
 * personal data that is not in A's own record, or the asked id echoed in a reply shaped like A's
 * record. A 2xx that is empty, or that repeats A's own record whatever id was asked, serves nobody
 * else's data; 401, 403 and 404 are refusals. Any other reply leaves the check INCONCLUSIVE. Ids
 * are not personal data and are reported in full; of a leaked record only one masked sample is
 * kept, and the severity follows the personal data in what leaked.
 */
@AutoService(Check.class)
public final class ObjectLevelAuthorizationCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "AUZ-1.object-level-authorization",
          "An identity cannot read records it does not own by asking for their ids",
          "HTTP API",
          List.of("AUZ-1"),
          List.of("http"),
          List.of(639, 359),
          "Check ownership on every request for a record, on the server, from the identity in the"
              + " verified token (never from an id the client sends); answer 404 for records the"
              + " caller may not see; prefer random, unguessable record ids to sequential ones;"
              + " and treat records already read by others as a personal-data breach.");

  /** Most ids A asks for that it does not own (B's first, then A's neighbours). */
  static final int MAX_FOREIGN = 8;

  /** Most of B's ids asked for, leaving room for neighbours. */
  static final int MAX_OTHER_OWNED = 4;

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected List<Endpoint> targets(TargetContext ctx) {
    return super.targets(ctx).stream()
        .filter(
            e ->
                !(e.api() == null
                    || e.api().record() == null
                    || !e.api().record().contains("{id}")))
        .toList();
  }

  /** How the API answered A's request for one id A does not own. */
  private enum AttemptOutcome {
    LEAKED,
    REFUSED,
    NOT_SERVED,
    UNCLEAR
  }

  private record Attempt(String id, ProbeResponse reply, AttemptOutcome verdict, String why) {}

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    ApiClient client = new ApiClient(ctx, e);
    List<Identity> ids = client.identities();
    if (ids.isEmpty() || ids.get(0).owns().isEmpty()) {
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": needs a declared identity in the api section that owns records"
              + " (identities[].owns)");
      return;
    }
    Identity a = ids.get(0);
    if (!client.canActAs(a)) {
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": cannot act as "
              + a.name()
              + " (the api section declares no login, and the identity has no token or API key)");
      return;
    }
    List<String> foreign = foreignIds(a, ids.size() > 1 ? ids.get(1) : null);
    if (foreign.isEmpty()) {
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": no id to try that "
              + a.name()
              + " does not own (declare a second identity with owned records)");
      return;
    }

    Optional<ApiClient.Session> loggedIn =
        client.loginRecorded(a, result, "no request could be made as that identity");
    if (loggedIn.isEmpty()) {
      return;
    }
    ApiClient.Session session = loggedIn.get();
    String template = e.api().record();

    String ownId = a.owns().get(0);
    ProbeResponse control = client.get(ApiClient.fill(template, ownId), session);
    Optional<JsonNode> controlJson = control.isSuccess() ? control.json() : Optional.empty();
    Optional<JsonNode> controlRecord =
        controlJson.map(ApiRecords::records).filter(l -> !l.isEmpty()).map(l -> l.get(0));
    Set<String> controlValues = ApiRecords.personalValues(ctx.scanner(), control.text());
    Map<String, Object> controlFacts = new LinkedHashMap<>();
    controlFacts.put("identity", a.name());
    controlFacts.put("recordId", ownId);
    controlFacts.put("record", controlRecord.isPresent());
    controlFacts.put(
        "personalData", ApiRecords.named(ApiRecords.personalData(ctx.scanner(), control.text())));
    // A's own record is not sampled: counts and a hash show the control worked.
    result.observe(
        ctx.redactor()
            .capture(
                "positive control: " + a.name() + " reads its own record",
                control.request(),
                control.status(),
                control.body(),
                controlFacts));
    if (controlRecord.isEmpty()) {
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": "
              + a.name()
              + " cannot read its own record "
              + ownId
              + " ("
              + control.status()
              + (control.isSuccess() ? ", no record in the reply" : "")
              + "), so a refusal of others' records would prove nothing");
      return;
    }

    List<Attempt> attempts = new ArrayList<>();
    for (String id : foreign) {
      ProbeResponse r = client.get(ApiClient.fill(template, id), session);
      attempts.add(judge(ctx, id, r, a, controlRecord.get(), controlValues));
    }
    conclude(ctx, e, client, a, template, attempts, result);
  }

  /** B's ids first (a few), then the ids next to A's own that A does not own. */
  static List<String> foreignIds(Identity a, Identity b) {
    Set<String> own = new LinkedHashSet<>(a.owns());
    Set<String> out = new LinkedHashSet<>();
    if (b != null) {
      b.owns().stream().filter(id -> !own.contains(id)).limit(MAX_OTHER_OWNED).forEach(out::add);
    }
    for (String id : a.owns()) {
      for (int delta : new int[] {-1, 1}) {
        ApiRecords.neighbour(id, delta)
            .filter(n -> !own.contains(n))
            .filter(n -> out.size() < MAX_FOREIGN)
            .ifPresent(out::add);
      }
    }
    return new ArrayList<>(out).subList(0, Math.min(out.size(), MAX_FOREIGN));
  }

  private static Attempt judge(
      TargetContext ctx,
      String id,
      ProbeResponse r,
      Identity a,
      JsonNode control,
      Set<String> controlValues) {
    int s = r.status();
    Set<String> values = ApiRecords.personalValues(ctx.scanner(), r.text());
    values.removeAll(controlValues);
    if (s >= 400 && s < 500) {
      // Any client error that hands over no one else's data refuses the id (a 400 for an id the
      // API will not serve this caller is as good a refusal as a 404); one that carries data leaks.
      return values.isEmpty()
          ? new Attempt(id, r, AttemptOutcome.REFUSED, "refused (" + s + ")")
          : new Attempt(
              id, r, AttemptOutcome.LEAKED, "personal data that is not " + a.name() + "'s");
    }
    if (!r.isSuccess()) {
      return new Attempt(id, r, AttemptOutcome.UNCLEAR, "neither a record nor a refusal");
    }
    Optional<JsonNode> json = r.json();
    Set<String> all = json.map(ApiRecords::values).orElse(Set.of());
    boolean echoed = all.contains(id);
    JsonNode record =
        json.map(ApiRecords::records).filter(l -> !l.isEmpty()).map(l -> l.get(0)).orElse(null);
    boolean shaped = record != null && ApiRecords.sameShape(record, control);
    if (!values.isEmpty()) {
      return new Attempt(
          id, r, AttemptOutcome.LEAKED, "personal data that is not " + a.name() + "'s");
    }
    if (echoed && shaped) {
      return new Attempt(id, r, AttemptOutcome.LEAKED, "a record carrying the id asked for");
    }
    if (json.isPresent() && ApiRecords.empty(json.get())) {
      return new Attempt(id, r, AttemptOutcome.NOT_SERVED, "an empty reply");
    }
    if (!echoed && a.owns().stream().anyMatch(all::contains)) {
      return new Attempt(id, r, AttemptOutcome.NOT_SERVED, a.name() + "'s own record again");
    }
    if (json.isPresent() && !shaped && !echoed) {
      return new Attempt(id, r, AttemptOutcome.NOT_SERVED, "a reply that is not a record");
    }
    return new Attempt(
        id, r, AttemptOutcome.UNCLEAR, "a reply that cannot be told apart from another's record");
  }

  private static void conclude(
      TargetContext ctx,
      Endpoint e,
      ApiClient client,
      Identity a,
      String template,
      List<Attempt> attempts,
      CheckResult.Builder result) {
    List<Map<String, Object>> tried = new ArrayList<>();
    Map<String, Integer> statuses = new TreeMap<>();
    for (Attempt t : attempts) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", t.id());
      m.put("status", t.reply().status());
      m.put("verdict", t.verdict().name());
      m.put("reply", t.why());
      tried.add(m);
      statuses.merge(String.valueOf(t.reply().status()), 1, Integer::sum);
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("identity", a.name());
    facts.put("template", template);
    facts.put("tried", tried);
    facts.put("statuses", statuses);
    Evidence summary =
        ctx.redactor()
            .capture(
                a.name() + " asks for " + attempts.size() + " records it does not own",
                "GET " + ApiRecords.location(e, template),
                0,
                null,
                facts);
    result.observe(summary);

    List<Attempt> leaked =
        attempts.stream().filter(t -> t.verdict() == AttemptOutcome.LEAKED).toList();
    if (!leaked.isEmpty()) {
      Map<PiiType, Integer> total = new EnumMap<>(PiiType.class);
      for (Attempt t : leaked) {
        ApiRecords.add(total, ApiRecords.personalData(ctx.scanner(), t.reply().text()));
      }
      Attempt first = leaked.get(0);
      String sample =
          first
              .reply()
              .json()
              .map(ApiRecords::records)
              .filter(l -> !l.isEmpty())
              .map(l -> l.get(0).toString())
              .orElse("");
      Map<String, Object> leakFacts = new LinkedHashMap<>();
      leakFacts.put("identity", a.name());
      leakFacts.put("recordId", first.id());
      leakFacts.put("leakedIds", leaked.stream().map(Attempt::id).toList());
      leakFacts.put("personalDataInLeakedRecords", ApiRecords.named(total));
      Evidence leak =
          ctx.redactor()
              .capture(
                  "record " + first.id() + " served to " + a.name(),
                  first.reply().request(),
                  first.reply().status(),
                  first.reply().body(),
                  leakFacts,
                  sample.isEmpty() ? List.of() : List.of(sample));
      Severity severity = Redactor.severityOf(total);
      String holds = total.isEmpty() ? "" : " (" + ApiRecords.labels(total) + ")";
      Finding f =
          new Finding(
              String.format(
                  "%s reads %d of %d records it does not own by asking for their ids%s",
                  a.name(), leaked.size(), attempts.size(), holds),
              ApiRecords.location(e, template),
              severity,
              List.of(summary, leak),
              METADATA.remediation());
      result.fail(
          f,
          e.name()
              + ": "
              + a.name()
              + " was served "
              + leaked.size()
              + " of "
              + attempts.size()
              + " records it does not own ("
              + severity
              + ")");
      return;
    }
    List<Attempt> unclear =
        attempts.stream().filter(t -> t.verdict() == AttemptOutcome.UNCLEAR).toList();
    if (!unclear.isEmpty()) {
      Attempt u = unclear.get(0);
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": "
              + a.name()
              + " asking for "
              + u.id()
              + " got "
              + u.reply().status()
              + " with "
              + u.why());
      return;
    }
    long refused = attempts.stream().filter(t -> t.verdict() == AttemptOutcome.REFUSED).count();
    result.part(
        Outcome.PASS,
        e.name()
            + ": "
            + a.name()
            + (refused == attempts.size()
                ? " was refused all "
                : " was refused or given nothing of ")
            + attempts.size()
            + " records it does not own (statuses "
            + statuses
            + (refused < attempts.size() ? "; some 2xx replies held no one else's data" : "")
            + ")");
  }

  @Override
  public String proof() {
    return """
        the first identity of the `api` section logs in and reads one of its own records through
        `api.record` (the positive control: no record, INCONCLUSIVE), then asks for up to 4
        records the second identity owns and the ids next to its own, at most 8 in all; a 2xx with
        personal data that is not its own, or echoing the id asked in a record of the same shape,
        fails, as does a client error (4xx) that carries someone else's data; any other 4xx (401,
        403, 404, a 400 for an id the API will not serve), an empty reply or its own record again
        passes. An identity with a token or API key acts without a login form. Ids and statuses
        reported; one leaked record sampled, masked
        """;
  }
}

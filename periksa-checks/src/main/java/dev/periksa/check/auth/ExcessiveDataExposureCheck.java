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
import dev.periksa.check.support.DataPlaces;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Redactor;
import dev.periksa.evidence.Severity;
import dev.periksa.pii.PiiType;
import dev.periksa.probe.ProbeResponse;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Identity;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * AUZ-2 for HTTP APIs: do the replies a traveller gets carry more personal data than the role
 * needs?
 *
 * <p>The first identity of the api section logs in and reads at most {@value #OWN_RECORDS} of its
 * own records through {@code api.record}, and each {@code api.personalData} path without {@code
 * {id}} (the lists). A reply is excessive when it carries identity numbers (NIK, passport) or test
 * results in clear, as the personal-data scanner finds them: a masked value such as {@code
 * 3174********0001} is not an identity number to the scanner, so an API that masks passes. A list
 * is excessive when it returns records carrying ids shaped like the identity's own that the
 * identity does not own. Each needs a 2xx reply as the first signal and the detection as the
 * second; severity follows the shared rule on what the excessive replies hold. What the role needs
 * of its own records is the profile's to say ({@code api.ownRecordsShow}: a patient portal shows a
 * patient their own test results): those types in clear pass in the identity's own records (read by
 * id, or a list holding only records it owns), never in anyone else's.
 *
 * <p>The identity must be able to log in and read its own first record (a 2xx record): without
 * that, nothing the API serves to the role has been seen, and the check is INCONCLUSIVE.
 */
@AutoService(Check.class)
public final class ExcessiveDataExposureCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "AUZ-2.excessive-data-exposure",
          "API replies carry no more personal data than the caller's role needs",
          "HTTP API",
          List.of("AUZ-2"),
          List.of("http"),
          List.of(213, 359),
          "Shape every reply on the server for the caller's role (a response model, not the"
              + " stored record): mask identity numbers (NIK, passport) to what a person needs to"
              + " recognise their own, replace raw test results by the decision the role needs"
              + " (e.g. travel allowed or not), and filter lists to the caller's own records.");

  /** Own records read through the record path. */
  static final int OWN_RECORDS = 2;

  /** Types that must never reach a traveller in clear. */
  static final Set<PiiType> EXCESSIVE = Set.of(PiiType.NIK, PiiType.PASSPORT, PiiType.TEST_RESULT);

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected List<Endpoint> targets(TargetContext ctx) {
    return super.targets(ctx).stream()
        .filter(e -> e.api() == null || e.api().record() != null || !lists(e).isEmpty())
        .toList();
  }

  private static List<String> lists(Endpoint e) {
    return e.api().personalData().stream().filter(p -> !p.contains("{id}")).toList();
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    if (e.api() == null) {
      undeclared(ctx, e, result);
      return;
    }
    ApiClient client = new ApiClient(ctx, e);
    List<Identity> ids = client.identities();
    if (ids.isEmpty() && !lists(e).isEmpty()) {
      // An API without accounts: what it serves anyone is what every role gets.
      anonymous(ctx, e, client, result);
      return;
    }
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
    Optional<ApiClient.Session> loggedIn =
        client.loginRecorded(a, result, "nothing the API serves to that role could be read");
    if (loggedIn.isEmpty()) {
      return;
    }
    ApiClient.Session session = loggedIn.get();
    Optional<Pattern> idShape = ApiRecords.idShape(a.owns());

    List<String> paths = new ArrayList<>();
    if (e.api().record() != null && e.api().record().contains("{id}")) {
      a.owns().stream()
          .limit(OWN_RECORDS)
          .forEach(id -> paths.add(ApiClient.fill(e.api().record(), id)));
    }
    int ownReads = paths.size();
    paths.addAll(lists(e));

    Map<PiiType, Integer> clearTotal = new EnumMap<>(PiiType.class);
    List<Evidence> clearEvidence = new ArrayList<>();
    List<String> clearPaths = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    boolean inconclusive = false;
    for (int i = 0; i < paths.size(); i++) {
      String path = paths.get(i);
      boolean own = i < ownReads;
      ProbeResponse r = client.get(path, session);
      Map<PiiType, Integer> counts =
          r.isSuccess() ? ApiRecords.personalData(ctx.scanner(), r.text()) : Map.of();
      Optional<JsonNode> json = r.isSuccess() ? r.json() : Optional.empty();
      List<JsonNode> records = json.map(ApiRecords::records).orElse(List.of());
      // The identity's own records (read by id, or a list holding nothing else) may show what
      // the profile says the role sees of its own (api.ownRecordsShow).
      boolean onlyOwn =
          own
              || (!records.isEmpty()
                  && idShape.isPresent()
                  && othersIds(records, a, idShape.get()).isEmpty()
                  && records.stream().allMatch(rec -> ownsOne(rec, a)));
      Set<PiiType> allowed = onlyOwn ? ownAllowed(e) : Set.of();
      Map<PiiType, Integer> clear = new EnumMap<>(PiiType.class);
      counts.forEach(
          (k, v) -> {
            if (EXCESSIVE.contains(k) && !allowed.contains(k)) {
              clear.put(k, v);
            }
          });
      Map<String, Object> facts = ApiRecords.replyFacts(r);
      facts.put("identity", a.name());
      facts.put("records", records.size());
      facts.put("personalData", ApiRecords.named(counts));
      facts.put("inClear", ApiRecords.named(clear));

      if (!own && json.isPresent() && idShape.isPresent()) {
        List<String> others = othersIds(records, a, idShape.get());
        facts.put("recordsOfOthers", others.size());
        if (!others.isEmpty()) {
          facts.put("idsOfOthers", others.stream().limit(5).toList());
          Evidence ev =
              ctx.redactor()
                  .capture(
                      "list " + path + " as " + a.name(),
                      r.request(),
                      r.status(),
                      r.body(),
                      facts,
                      List.of(records.get(0).toString()));
          result.observe(ev);
          Severity s = Redactor.severityOf(counts);
          result.fail(
              new Finding(
                  String.format(
                      "GET %s returns %s %d of %d records it does not own%s",
                      path,
                      a.name(),
                      others.size(),
                      records.size(),
                      counts.isEmpty() ? "" : " (" + ApiRecords.labels(counts) + ")"),
                  client.url(path).toString(),
                  s,
                  List.of(ev),
                  METADATA.remediation()),
              e.name()
                  + ": the list "
                  + path
                  + " returns "
                  + others.size()
                  + " records "
                  + a.name()
                  + " does not own ("
                  + s
                  + ")");
          if (!clear.isEmpty()) {
            clearPaths.add(path);
            ApiRecords.add(clearTotal, counts);
          }
          continue;
        }
      }

      boolean isRecord = !records.isEmpty();
      List<String> sample =
          !clear.isEmpty() && isRecord ? List.of(records.get(0).toString()) : List.of();
      Evidence ev =
          ctx.redactor()
              .capture(
                  (own ? "own record " : "list ") + path + " as " + a.name(),
                  r.request(),
                  r.status(),
                  r.body(),
                  facts,
                  sample);
      result.observe(ev);
      if (!r.isSuccess()) {
        inconclusive = true;
        notes.add(a.name() + " cannot read " + path + " (" + r.status() + ")");
        continue;
      }
      if (!clear.isEmpty()) {
        clearEvidence.add(ev);
        clearPaths.add(path);
        ApiRecords.add(clearTotal, counts);
        continue;
      }
      if (own && !isRecord) {
        inconclusive = true;
        notes.add(path + " answered " + r.status() + " without " + a.name() + "'s record in it");
      } else if (!isRecord && !(json.isPresent() && ApiRecords.isList(json.get()))) {
        inconclusive = true;
        notes.add(path + " answered " + r.status() + " with neither records nor an empty list");
      }
    }

    if (!clearEvidence.isEmpty()) {
      Severity s = Redactor.severityOf(clearTotal);
      result.fail(
          new Finding(
              "Replies to "
                  + a.name()
                  + " carry "
                  + ApiRecords.labels(only(clearTotal))
                  + " in clear",
              client.url(clearPaths.get(0)).toString(),
              s,
              clearEvidence,
              METADATA.remediation()),
          e.name()
              + ": "
              + String.join(", ", clearPaths)
              + " carry "
              + ApiRecords.labels(only(clearTotal))
              + " in clear ("
              + s
              + ")");
      return;
    }
    if (inconclusive) {
      result.part(Outcome.INCONCLUSIVE, e.name() + ": " + String.join("; ", notes));
      return;
    }
    result.part(
        Outcome.PASS,
        e.name()
            + ": "
            + paths.size()
            + " replies to "
            + a.name()
            + " carry no identity number or test result in clear and only its own records");
  }

  /**
   * The list endpoints of an API without accounts, asked as anyone: identity numbers or test
   * results in clear there fail (whoever asks gets them), masked ones pass, a refusal leaves the
   * role question open.
   */
  private static void anonymous(
      TargetContext ctx, Endpoint e, ApiClient client, CheckResult.Builder result) {
    ToAnyone seen = new ToAnyone(ctx, result);
    List<String> unclear = new ArrayList<>();
    for (String path : lists(e)) {
      ProbeResponse r = client.anonymous(path);
      if (!seen.look("list " + path, r) && !seen.served(r)) {
        unclear.add(path + " (" + r.status() + ")");
      }
    }
    if (seen.concluded(e)) {
      return;
    }
    if (!unclear.isEmpty()) {
      result.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": no identity is declared, and "
              + String.join(", ", unclear)
              + " served no list to a caller without one; declare an identity to judge what a"
              + " role gets");
      return;
    }
    result.part(
        Outcome.PASS,
        e.name()
            + ": "
            + seen.judged
            + " list replies to anyone carry no identity number or test result in clear");
  }

  /**
   * An HTTP endpoint without an api section (declared so, or found by discovery): what it serves
   * anyone, read where its data is (the root as HTML and as JSON, its data-like links one level
   * down: {@link DataPlaces}). JSON records with identity numbers or test results in clear fail;
   * records without pass for what anyone gets (roles with accounts are not judged without an api
   * section, and the reason says so); an API that serves no records to anyone is not applicable
   * here (AUT-1 asks whether it refuses strangers).
   */
  private static void undeclared(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    ToAnyone seen = new ToAnyone(ctx, result);
    DataPlaces.walk(
        ctx,
        e,
        UNDECLARED_READS,
        DataPlaces.RANGE_BYTES,
        p -> seen.look(p.what(), p.reply()) && false);
    if (seen.concluded(e)) {
      return;
    }
    if (seen.judged > 0) {
      result.part(
          Outcome.PASS,
          e.name()
              + ": "
              + seen.judged
              + (seen.judged == 1 ? " reply" : " replies")
              + " with records, served to anyone, carry no identity number or test result in"
              + " clear (no api section: what roles with accounts get is not judged)");
      return;
    }
    result.part(
        Outcome.NOT_APPLICABLE,
        e.name()
            + ": no api section, and no records are served to a caller without credentials;"
            + " declare an api section with identities to judge what a role gets");
  }

  /** Replies read of an HTTP endpoint without an api section. */
  static final int UNDECLARED_READS = 6;

  /** What a caller without an account was served, reply by reply. */
  private static final class ToAnyone {
    private final TargetContext ctx;
    private final CheckResult.Builder result;
    private final Map<PiiType, Integer> clearTotal = new EnumMap<>(PiiType.class);
    private final List<Evidence> clearEvidence = new ArrayList<>();
    private final List<String> clearWhere = new ArrayList<>();
    private URI firstClear;
    int judged;

    ToAnyone(TargetContext ctx, CheckResult.Builder result) {
      this.ctx = ctx;
      this.result = result;
    }

    /** Whether the reply is a 2xx list or record set (so it was judged or failed). */
    boolean served(ProbeResponse r) {
      return r.isSuccess()
          && r.jsonSoFar()
              .map(j -> !ApiRecords.records(j).isEmpty() || ApiRecords.isList(j))
              .orElse(false);
    }

    /** Judges one reply; returns true when it carried identity numbers or results in clear. */
    boolean look(String what, ProbeResponse r) {
      List<JsonNode> records =
          r.isSuccess() ? r.jsonSoFar().map(ApiRecords::records).orElse(List.of()) : List.of();
      if (!r.isSuccess() || records.isEmpty() && !served(r)) {
        return false;
      }
      Map<PiiType, Integer> counts = ApiRecords.personalData(ctx.scanner(), r.text());
      Map<PiiType, Integer> clear = only(counts);
      Map<String, Object> facts = ApiRecords.replyFacts(r);
      facts.put("identity", "anyone (no account)");
      facts.put("records", records.size());
      facts.put("personalData", ApiRecords.named(counts));
      facts.put("inClear", ApiRecords.named(clear));
      Evidence ev =
          ctx.redactor()
              .capture(
                  what + " as anyone",
                  r.request(),
                  r.status(),
                  r.body(),
                  facts,
                  !clear.isEmpty() && !records.isEmpty()
                      ? List.of(records.get(0).toString())
                      : List.of());
      result.observe(ev);
      if (clear.isEmpty()) {
        judged++;
        return false;
      }
      clearEvidence.add(ev);
      clearWhere.add(what);
      if (firstClear == null) {
        firstClear = r.url();
      }
      ApiRecords.add(clearTotal, counts);
      return true;
    }

    /** Fails the endpoint when anything was served in clear; returns whether it did. */
    boolean concluded(Endpoint e) {
      if (clearEvidence.isEmpty()) {
        return false;
      }
      Severity s = Redactor.severityOf(clearTotal);
      result.fail(
          new Finding(
              "Replies to anyone, without an account, carry "
                  + ApiRecords.labels(only(clearTotal))
                  + " in clear",
              firstClear.toString(),
              s,
              clearEvidence,
              METADATA.remediation()),
          e.name()
              + ": "
              + String.join(", ", clearWhere)
              + " carry "
              + ApiRecords.labels(only(clearTotal))
              + " in clear to anyone ("
              + s
              + ")");
      return true;
    }
  }

  /** Whether a record names one of the identity's own ids. */
  private static boolean ownsOne(JsonNode rec, Identity a) {
    return ApiRecords.values(rec).stream().anyMatch(a.owns()::contains);
  }

  /** What the profile says an identity may see of its own records in clear. */
  private static Set<PiiType> ownAllowed(Endpoint e) {
    Set<PiiType> out = java.util.EnumSet.noneOf(PiiType.class);
    for (String v : e.api().ownRecordsShow()) {
      switch (v) {
        case "nik" -> out.add(PiiType.NIK);
        case "passport" -> out.add(PiiType.PASSPORT);
        case "test-result" -> out.add(PiiType.TEST_RESULT);
        default -> {
          // The loader admits only the values above.
        }
      }
    }
    return out;
  }

  /** Ids in list records shaped like the identity's own that it does not own. */
  private static List<String> othersIds(List<JsonNode> records, Identity a, Pattern shape) {
    List<String> out = new ArrayList<>();
    for (JsonNode rec : records) {
      for (String v : ApiRecords.values(rec)) {
        if (shape.matcher(v).matches() && !a.owns().contains(v)) {
          out.add(v);
          break;
        }
      }
    }
    return out;
  }

  private static Map<PiiType, Integer> only(Map<PiiType, Integer> counts) {
    Map<PiiType, Integer> out = new EnumMap<>(PiiType.class);
    counts.forEach(
        (k, v) -> {
          if (EXCESSIVE.contains(k)) {
            out.put(k, v);
          }
        });
    return out;
  }

  @Override
  public String proof() {
    return """
        the first identity logs in and reads 2 of its own records and each `api.personalData` list
        (paths without `{id}`); an identity number (NIK, passport) or a test result in clear
        fails, as does a list returning records whose ids the identity does not own; masked values
        (`3174********0001`) pass. What the role needs of its own records is the profile's to say:
        `api.ownRecordsShow: [test-result]` (also `nik`, `passport`) lets those appear in clear in
        the identity's own records (read by id, or a list holding only records it owns), as a
        patient portal shows patients their own results; never in others'. An API without accounts
        (no `api.identities`) is judged by what anyone gets from its lists: identity numbers or
        test results in clear fail, masked ones pass, a refusal is INCONCLUSIVE. An `http`
        endpoint without an `api` section (declared so, or found by discovery) is read where its
        data is, as anyone (see PII-1: the root as HTML and as JSON, its data-like links one level
        down, at most 6 replies): records with identity numbers or test results in clear fail,
        records without pass (the reason says roles with accounts were not judged), and an API
        that serves no records to anyone is not applicable (AUT-1 asks whether it refuses
        strangers). One record per offending reply sampled, masked
        """;
  }
}

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
import dev.periksa.check.support.DefaultCredentials;
import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Redactor;
import dev.periksa.evidence.Severity;
import dev.periksa.pii.PiiType;
import dev.periksa.probe.ProbeException;
import dev.periksa.probe.RedisReplies;
import dev.periksa.probe.Resp;
import dev.periksa.probe.TcpProbe;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Identity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * STO-3 for Redis: does a declared Redis let a stranger in, without a password or with a well-known
 * one?
 *
 * <p>Raw RESP over the TCP probe. {@code PING} answered {@code +PONG} is the first signal, {@code
 * INFO server} naming a {@code redis_version} the second; an invented command must get Redis's own
 * "unknown command" error, so a server that answers {@code +PONG} to everything is recognised as a
 * look-alike. A server that answers {@code -NOAUTH} is tried with the short list of well-known
 * passwords in {@code credentials/redis.txt}; one that works is a finding like no password at all,
 * reported masked. An open server is sampled minimally: {@code INFO keyspace}, one {@code SCAN}
 * page, and a few bytes of at most three keys.
 */
@AutoService(Check.class)
public final class RedisExposureCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "STO-3.redis",
          "Redis refuses sessions without credentials or with a well-known password",
          "Redis",
          List.of("STO-3"),
          List.of("redis"),
          List.of(306, 1392),
          "Require authentication (requirepass, or ACL users with the default user disabled) with"
              + " a long random password, bind Redis to a private address behind a firewall and"
              + " enable TLS; keep protected-mode on. Treat what was reachable as a personal-data"
              + " breach: assess it and notify as the law requires (UU PDP: within 3x24 hours;"
              + " GDPR Art. 33: 72 hours).");

  static final int DEFAULT_PORT = 6379;

  /** Keys sampled from an open server. */
  static final int MAX_KEYS_SAMPLED = 3;

  /** The COUNT hint of the one SCAN page read. */
  static final int SCAN_COUNT = 20;

  /** Bytes read from one string value, fields from one hash. */
  static final int MAX_VALUE_BYTES = 4096;

  /** Well-known passwords tried on one server, at most. */
  static final int MAX_DEFAULTS = 8;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    try (TcpProbe.Session s = ctx.tcp().open(e.url(), DEFAULT_PORT)) {
      probe(ctx, e, s, result);
    } catch (Resp.NotResp ex) {
      StoreProbing.noReply(ctx, e, result, "PING", "did not answer like Redis: " + ex.getMessage());
    } catch (ProbeException ex) {
      StoreProbing.noReply(ctx, e, result, "PING", ex.getMessage());
    }
  }

  private void probe(TargetContext ctx, Endpoint e, TcpProbe.Session s, CheckResult.Builder b) {
    Resp.Reply ping = Resp.call(s, "PING");
    String invented = "PERIKSA-" + StoreProbing.token();
    Resp.Reply random = Resp.call(s, invented);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("PING", describe(ping));
    facts.put("invented command", describe(random));
    Evidence greeting =
        ctx.redactor()
            .capture(
                "greeting (PING and an invented command)",
                "PING; " + invented,
                0,
                Redactor.utf8(describe(ping) + "\n" + describe(random)),
                facts);
    b.observe(greeting);

    if (RedisReplies.pong(ping)) {
      if (!RedisReplies.unknownCommand(random)) {
        if (RedisReplies.pong(random)) {
          b.part(
              Outcome.INCONCLUSIVE,
              e.name()
                  + ": answers every command with +PONG; a look-alike; whether Redis is behind it cannot be told");
        } else {
          b.part(
              Outcome.INCONCLUSIVE,
              e.name()
                  + ": answered PING, but not an invented command as Redis does ("
                  + ctx.redactor().redact(describe(random))
                  + ")");
        }
        return;
      }
      Optional<Info> info = info(ctx, s, b);
      if (info.isEmpty()) {
        b.part(Outcome.INCONCLUSIVE, e.name() + ": answered PONG, but INFO names no Redis version");
        return;
      }
      exposed(ctx, e, s, info.get(), null, new ArrayList<>(List.of(greeting)), b);
      return;
    }
    Optional<String> refusal = RedisReplies.refusal(ping);
    if (refusal.equals(Optional.of("NOAUTH"))) {
      tryDefaults(ctx, e, s, greeting, b);
      return;
    }
    if (refusal.equals(Optional.of("DENIED"))) {
      b.part(Outcome.PASS, e.name() + ": refuses outside clients (Redis protected mode)");
      return;
    }
    b.part(
        Outcome.INCONCLUSIVE,
        e.name()
            + ": did not answer PING like Redis ("
            + ctx.redactor().redact(describe(ping))
            + ")");
  }

  private void tryDefaults(
      TargetContext ctx, Endpoint e, TcpProbe.Session s, Evidence greeting, CheckResult.Builder b) {
    List<DefaultCredentials.Credential> defaults =
        DefaultCredentials.of("redis").stream().limit(MAX_DEFAULTS).toList();
    DefaultCredentials.Credential accepted = null;
    int refused = 0;
    String unexpected = null;
    for (DefaultCredentials.Credential c : defaults) {
      Resp.Reply r = auth(s, c.user(), c.password());
      if (RedisReplies.ok(r)) {
        accepted = c;
        break;
      }
      if (RedisReplies.wrongPassword(r)) {
        refused++;
        continue;
      }
      unexpected = describe(r);
      break;
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("tried", refused + (accepted != null ? 1 : 0));
    facts.put("refused", refused);
    facts.put("accepted", accepted == null ? "none" : accepted.masked());
    Evidence tried =
        ctx.redactor()
            .capture(
                "well-known passwords (AUTH)",
                "AUTH <" + defaults.size() + " well-known passwords, masked>",
                0,
                null,
                facts);
    b.observe(tried);
    if (unexpected != null) {
      b.part(
          Outcome.INCONCLUSIVE,
          e.name()
              + ": asked for a password, then answered AUTH unexpectedly ("
              + ctx.redactor().redact(unexpected)
              + ")");
      return;
    }
    if (accepted == null) {
      b.part(
          Outcome.PASS,
          e.name()
              + ": requires authentication (NOAUTH); none of "
              + refused
              + " well-known passwords was accepted");
      confirmWithIdentity(ctx, e, b);
      return;
    }
    Resp.Reply again = Resp.call(s, "PING");
    Optional<Info> info = RedisReplies.pong(again) ? info(ctx, s, b) : Optional.empty();
    if (info.isEmpty()) {
      b.part(
          Outcome.INCONCLUSIVE,
          e.name() + ": accepted a well-known password, but did not then answer like Redis");
      return;
    }
    exposed(ctx, e, s, info.get(), accepted, new ArrayList<>(List.of(greeting, tried)), b);
  }

  private void exposed(
      TargetContext ctx,
      Endpoint e,
      TcpProbe.Session s,
      Info info,
      DefaultCredentials.Credential credential,
      List<Evidence> evidence,
      CheckResult.Builder b) {
    evidence.add(info.evidence());
    Map<Integer, Long> keyspace = new TreeMap<>();
    Map<PiiType, Integer> total = new EnumMap<>(PiiType.class);
    try {
      sampleKeys(ctx, s, keyspace, evidence, total);
    } catch (ProbeException ex) {
      // Two signals are in already: a session that breaks while sampling leaves the finding
      // standing.
      evidence.add(StoreProbing.samplingStopped(ctx, ex));
    }
    long keys = keyspace.values().stream().mapToLong(Long::longValue).sum();
    Severity severity = Redactor.severityOf(total);
    String how =
        credential == null
            ? "answers anyone"
            : "accepts a well-known password (" + credential.masked() + ")";
    Finding f =
        new Finding(
            String.format(
                "Redis %s %s: %,d keys in %s; %s",
                info.version(),
                how,
                keys,
                StoreProbing.count(keyspace.size(), "database"),
                StoreProbing.holds(total)),
            e.url().toString(),
            severity,
            evidence,
            METADATA.remediation());
    b.fail(
        f,
        e.name()
            + (credential == null
                ? ": open to anyone ("
                : ": a well-known password lets anyone in (")
            + severity
            + ")");
  }

  /** Keys per database, then a few bytes of at most three keys of the fullest database. */
  private void sampleKeys(
      TargetContext ctx,
      TcpProbe.Session s,
      Map<Integer, Long> keyspace,
      List<Evidence> evidence,
      Map<PiiType, Integer> total) {
    Resp.Reply ks = Resp.call(s, "INFO", "keyspace");
    keyspace.putAll(RedisReplies.keyspace(ks));
    Map<String, Object> kf = new LinkedHashMap<>();
    kf.put("keys", keyspace.values().stream().mapToLong(Long::longValue).sum());
    List<Map<String, Object>> dbs = new ArrayList<>();
    keyspace.forEach((db, n) -> dbs.add(Map.of("db", db, "keys", n)));
    kf.put("databases", dbs);
    evidence.add(
        ctx.redactor().capture("keyspace (INFO keyspace)", "INFO keyspace", 0, raw(ks), kf));
    int largest =
        keyspace.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(0);
    if (largest != 0) {
      Resp.call(s, "SELECT", String.valueOf(largest));
    }
    Resp.Reply page = Resp.call(s, "SCAN", "0", "COUNT", String.valueOf(SCAN_COUNT));
    List<String> sampleKeys = scannedKeys(page).stream().limit(MAX_KEYS_SAMPLED).toList();
    int n = 0;
    for (String key : sampleKeys) {
      n++;
      Resp.Reply type = Resp.call(s, "TYPE", key);
      String t = type instanceof Resp.Simple st ? st.text() : "unknown";
      Sample sample = sample(s, key, t);
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("db", largest);
      facts.put("key", key);
      facts.put("type", t);
      facts.put("sampledBytes", sample.text() == null ? 0 : Redactor.utf8(sample.text()).length);
      List<String> samples = sample.text() == null ? List.of() : List.of(sample.text());
      samples.forEach(x -> StoreProbing.count(ctx, x, total));
      evidence.add(
          ctx.redactor()
              .capture(
                  "sample of key " + n + " of " + sampleKeys.size() + " (" + t + ")",
                  "TYPE " + key + "; " + sample.request(),
                  0,
                  sample.text() == null ? null : Redactor.utf8(sample.text()),
                  facts,
                  samples));
    }
  }

  /** A few bytes of one key, read with a command bounded by the type. */
  private Sample sample(TcpProbe.Session s, String key, String type) {
    switch (type) {
      case "string":
        {
          String end = String.valueOf(MAX_VALUE_BYTES - 1);
          return new Sample(
              "GETRANGE " + key + " 0 " + end, text(Resp.call(s, "GETRANGE", key, "0", end)));
        }
      case "hash":
        {
          Resp.Reply r = Resp.call(s, "HSCAN", key, "0", "COUNT", String.valueOf(SCAN_COUNT));
          List<String> flat = page(r);
          Map<String, String> fields = new LinkedHashMap<>();
          for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put(flat.get(i), flat.get(i + 1));
          }
          return new Sample("HSCAN " + key + " 0 COUNT " + SCAN_COUNT, json(fields));
        }
      case "list":
        return new Sample(
            "LRANGE " + key + " 0 1", json(strings(Resp.call(s, "LRANGE", key, "0", "1"))));
      case "set":
        return new Sample(
            "SRANDMEMBER " + key + " 2", json(strings(Resp.call(s, "SRANDMEMBER", key, "2"))));
      case "zset":
        return new Sample(
            "ZRANGE " + key + " 0 1", json(strings(Resp.call(s, "ZRANGE", key, "0", "1"))));
      default:
        return new Sample("(not sampled)", null);
    }
  }

  /** What was asked of one key, and what came back (raw, masked at capture). */
  private record Sample(String request, String text) {}

  /** With the declared identity the server should answer: proof the refusal came from it. */
  private void confirmWithIdentity(TargetContext ctx, Endpoint e, CheckResult.Builder b) {
    if (e.identity() == null) {
      return;
    }
    Optional<Identity> id = ctx.profile().identity(e.identity());
    // The confirmation logs in: an identity with a token or key alone has nothing to log in with.
    if (id.isEmpty() || !id.get().canLogIn()) {
      return;
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("identity", id.get().name());
    try (TcpProbe.Session s = ctx.tcp().open(e.url(), DEFAULT_PORT)) {
      Resp.Reply r = auth(s, id.get().username(), id.get().password().reveal());
      boolean in = RedisReplies.ok(r);
      facts.put("authenticated", in);
      facts.put("answered", in && RedisReplies.pong(Resp.call(s, "PING")));
    } catch (ProbeException ex) {
      facts.put("error", ctx.redactor().redact(ex.getMessage()));
    }
    b.observe(
        ctx.redactor().capture("with the declared identity", "AUTH ••••••; PING", 0, null, facts));
  }

  private static Resp.Reply auth(TcpProbe.Session s, String user, String password) {
    if ("default".equals(user)) {
      return Resp.call(s, "AUTH", password);
    }
    Resp.Reply r = Resp.call(s, "AUTH", user, password);
    // A Redis before 6 knows no users: the password alone is what it would take.
    return RedisReplies.authTakesPasswordOnly(r) ? Resp.call(s, "AUTH", password) : r;
  }

  /** {@code INFO server}, when it names a Redis version. */
  private Optional<Info> info(TargetContext ctx, TcpProbe.Session s, CheckResult.Builder b) {
    Resp.Reply r = Resp.call(s, "INFO", "server");
    Map<String, String> fields = RedisReplies.infoFields(r);
    Map<String, Object> facts = new LinkedHashMap<>();
    for (String k : List.of("redis_version", "redis_mode", "os", "uptime_in_seconds")) {
      if (fields.containsKey(k)) {
        facts.put(k, fields.get(k));
      }
    }
    Evidence ev = ctx.redactor().capture("server (INFO server)", "INFO server", 0, raw(r), facts);
    String version = fields.get("redis_version");
    if (version == null || version.isBlank()) {
      b.observe(ev);
      return Optional.empty();
    }
    return Optional.of(new Info(version, ev));
  }

  private record Info(String version, Evidence evidence) {}

  /** The keys of one SCAN page: {@code [cursor, [key, ...]]}. */
  static List<String> scannedKeys(Resp.Reply r) {
    return page(r);
  }

  /** The elements of a {@code [cursor, [elements]]} page. */
  private static List<String> page(Resp.Reply r) {
    if (r instanceof Resp.Multi m
        && m.items() != null
        && m.items().size() == 2
        && m.items().get(1) instanceof Resp.Multi inner) {
      return strings(inner);
    }
    return List.of();
  }

  private static List<String> strings(Resp.Reply r) {
    List<String> out = new ArrayList<>();
    if (r instanceof Resp.Multi m && m.items() != null) {
      for (Resp.Reply x : m.items()) {
        String t = text(x);
        if (t != null) {
          out.add(t);
        }
      }
    }
    return out;
  }

  private static String text(Resp.Reply r) {
    if (r instanceof Resp.Bulk bulk && bulk.bytes() != null) {
      String t = bulk.text();
      return t.length() > MAX_VALUE_BYTES ? t.substring(0, MAX_VALUE_BYTES) : t;
    }
    return null;
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException ex) {
      return String.valueOf(o);
    }
  }

  private static byte[] raw(Resp.Reply r) {
    return r instanceof Resp.Bulk bulk && bulk.bytes() != null
        ? bulk.bytes()
        : Redactor.utf8(describe(r));
  }

  /** A reply as one short line for evidence and reasons. */
  static String describe(Resp.Reply r) {
    if (r instanceof Resp.Simple s) {
      return "+" + StoreProbing.brief(s.text());
    }
    if (r instanceof Resp.Err err) {
      return "-" + StoreProbing.brief(err.text());
    }
    if (r instanceof Resp.Int i) {
      return ":" + i.value();
    }
    if (r instanceof Resp.Bulk bulk) {
      return bulk.bytes() == null ? "(nil)" : "bulk string of " + bulk.bytes().length + " bytes";
    }
    Resp.Multi m = (Resp.Multi) r;
    return m.items() == null ? "(nil array)" : "array of " + m.items().size();
  }

  @Override
  public String proof() {
    return """
        `PING` → `+PONG` plus `INFO server` naming `redis_version` (an invented command must get
        Redis's own error); on `-NOAUTH` the well-known passwords of `credentials/redis.txt` are
        tried and one that works is a FAIL, reported masked; `INFO keyspace`, one `SCAN` page, a
        few bytes of 3 keys
        """;
  }
}

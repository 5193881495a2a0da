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
import dev.periksa.pii.PiiType;
import dev.periksa.probe.MemcachedReplies;
import dev.periksa.probe.MemcachedWire;
import dev.periksa.probe.ProbeException;
import dev.periksa.probe.TcpProbe;
import dev.periksa.target.Endpoint;
import dev.periksa.target.Identity;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * STO-3 for Memcached: does a declared memcached serve a stranger?
 *
 * <p>Memcached has no authentication unless it is started with SASL (then it speaks only the binary
 * protocol and refuses every command but the handshake) or with an ASCII auth file (then it answers
 * {@code CLIENT_ERROR unauthenticated}). The text {@code version} reply is the first signal of an
 * open server, a {@code stats} block that names the same version the second; an invented command
 * must get memcached's {@code ERROR}, so a server that repeats one line to everything is a
 * look-alike. An open server is sampled minimally: the item counts, at most 20 key names from the
 * LRU crawler's metadump (or {@code stats cachedump}) and a few bytes of at most three values.
 */
@AutoService(Check.class)
public final class MemcachedExposureCheck extends EndpointCheck {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "STO-3.memcached",
          "Memcached refuses sessions without credentials",
          "Memcached",
          List.of("STO-3"),
          List.of("memcached"),
          List.of(306),
          "Start memcached with SASL authentication (-S) or an authentication file (-Y), bind it"
              + " to a private address (-l) behind a firewall and disable UDP (-U 0); keep personal"
              + " data out of the cache or encrypt it. Treat what was reachable as a personal-data"
              + " breach: assess it and notify as the law requires (UU PDP: within 3x24 hours;"
              + " GDPR Art. 33: 72 hours).");

  static final int DEFAULT_PORT = 11211;

  /** Values sampled from an open server. */
  static final int MAX_VALUES_SAMPLED = 3;

  /** Key lines read from a metadump before the session is dropped. */
  static final int MAX_KEYS_LISTED = 20;

  /** Bytes kept from one value; a larger value is cut and the session dropped. */
  static final int MAX_VALUE_BYTES = 4096;

  /** Most lines of one stats block. */
  static final int MAX_STATS_LINES = 400;

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected void probe(TargetContext ctx, Endpoint e, CheckResult.Builder result) {
    try {
      talk(ctx, e, result);
    } catch (MemcachedWire.NotMemcached ex) {
      StoreProbing.noReply(
          ctx, e, result, "version", "did not answer like memcached: " + ex.getMessage());
    } catch (ProbeException ex) {
      StoreProbing.noReply(ctx, e, result, "version", ex.getMessage());
    }
  }

  private void talk(TargetContext ctx, Endpoint e, CheckResult.Builder b) {
    try (TcpProbe.Session s = ctx.tcp().open(e.url(), DEFAULT_PORT)) {
      s.send(MemcachedWire.TEXT_GREETING);
      String first = MemcachedWire.readLineOrClosed(s);
      if (first == null) {
        binary(ctx, e, b);
        return;
      }
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("reply", StoreProbing.brief(first));
      if (MemcachedReplies.unauthenticated(first)) {
        b.observe(
            ctx.redactor()
                .capture("greeting (version)", "version", 0, Redactor.utf8(first), facts));
        b.part(Outcome.PASS, e.name() + ": requires authentication (CLIENT_ERROR unauthenticated)");
        return;
      }
      Optional<String> announced = MemcachedReplies.version(first);
      if (announced.isEmpty()) {
        b.observe(
            ctx.redactor()
                .capture("greeting (version)", "version", 0, Redactor.utf8(first), facts));
        b.part(
            Outcome.INCONCLUSIVE,
            e.name()
                + ": did not answer version like memcached ("
                + ctx.redactor().redact(StoreProbing.brief(first))
                + ")");
        return;
      }
      String version = announced.get();
      String second = MemcachedWire.readLine(s);
      String third = MemcachedWire.readLine(s);
      String invented = "periksa-" + StoreProbing.token();
      s.send(invented + "\r\n");
      String unknown = MemcachedWire.readLine(s);
      facts.put("version", version);
      facts.put("invented command", StoreProbing.brief(unknown));
      Evidence greeting =
          ctx.redactor()
              .capture(
                  "greeting (version and an invented command)",
                  "version; " + invented,
                  0,
                  Redactor.utf8(first + "\n" + second + "\n" + third + "\n" + unknown),
                  facts);
      b.observe(greeting);
      if (!second.equals(first) || !third.equals(first)) {
        b.part(Outcome.INCONCLUSIVE, e.name() + ": answered version inconsistently");
        return;
      }
      if (unknown.equals(first)) {
        b.part(
            Outcome.INCONCLUSIVE,
            e.name()
                + ": answers every command with the same line; a look-alike; whether memcached is behind it cannot be told");
        return;
      }
      if (!MemcachedReplies.unknownCommand(unknown)) {
        b.part(
            Outcome.INCONCLUSIVE,
            e.name() + ": answered version, but not an invented command as memcached does");
        return;
      }
      s.send("stats\r\n");
      Map<String, String> stats = statBlock(s);
      Evidence statsEvidence = statsEvidence(ctx, stats);
      b.observe(statsEvidence);
      if (!stats.containsKey("pid")
          || !stats.containsKey("uptime")
          || !version.equals(stats.get("version"))) {
        b.part(
            Outcome.INCONCLUSIVE,
            e.name() + ": answered version, but its stats are not memcached's");
        return;
      }
      exposed(ctx, e, s, version, stats, new ArrayList<>(List.of(greeting, statsEvidence)), b);
    }
  }

  private void exposed(
      TargetContext ctx,
      Endpoint e,
      TcpProbe.Session s,
      String version,
      Map<String, String> stats,
      List<Evidence> evidence,
      CheckResult.Builder b) {
    Map<PiiType, Integer> total = new EnumMap<>(PiiType.class);
    try {
      sampleValues(ctx, e, s, evidence, total);
    } catch (ProbeException ex) {
      // Two signals are in already: a session that breaks while sampling leaves the finding
      // standing.
      evidence.add(StoreProbing.samplingStopped(ctx, ex));
    }
    long items = number(stats.get("curr_items"));
    Severity severity = Redactor.severityOf(total);
    Finding f =
        new Finding(
            String.format(
                "Memcached %s answers anyone: %,d items cached; %s",
                version, items, StoreProbing.holds(total)),
            e.url().toString(),
            severity,
            evidence,
            METADATA.remediation());
    b.fail(f, e.name() + ": open to anyone (" + severity + ")");
  }

  /** Key names, then a few bytes of at most three values. */
  private void sampleValues(
      TargetContext ctx,
      Endpoint e,
      TcpProbe.Session s,
      List<Evidence> evidence,
      Map<PiiType, Integer> total) {
    List<String> keys = keysFromCachedump(ctx, s);
    String listedBy = "stats cachedump";
    if (keys.isEmpty()) {
      keys = keysFromMetadump(ctx, e);
      listedBy = "lru_crawler metadump all";
    }
    Map<String, Object> lf = new LinkedHashMap<>();
    lf.put("listedBy", listedBy);
    lf.put("keysListed", keys.size());
    lf.put("keys", keys.stream().limit(MAX_VALUES_SAMPLED).toList());
    evidence.add(ctx.redactor().capture("key names", listedBy, 0, null, lf));

    int n = 0;
    List<String> sampled = keys.stream().limit(MAX_VALUES_SAMPLED).toList();
    for (String key : sampled) {
      n++;
      s.send("get " + key + "\r\n");
      String header = MemcachedWire.readLine(s);
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("key", key);
      if (header.equals("END")) {
        facts.put("found", false);
        evidence.add(
            ctx.redactor()
                .capture(
                    "sample of value " + n + " of " + sampled.size(),
                    "get " + key,
                    0,
                    null,
                    facts));
        continue;
      }
      String[] parts = header.split(" ");
      if (parts.length < 4 || !parts[0].equals("VALUE")) {
        throw new MemcachedWire.NotMemcached("get did not answer VALUE or END");
      }
      int bytes;
      try {
        bytes = Integer.parseInt(parts[3]);
      } catch (NumberFormatException ex) {
        throw new MemcachedWire.NotMemcached("get announced a value size that is not a number");
      }
      int keep = Math.min(bytes, MAX_VALUE_BYTES);
      byte[] value = s.readExactly(keep);
      String text = new String(value, StandardCharsets.UTF_8);
      StoreProbing.count(ctx, text, total);
      facts.put("found", true);
      facts.put("bytes", bytes);
      facts.put("sampledBytes", keep);
      evidence.add(
          ctx.redactor()
              .capture(
                  "sample of value " + n + " of " + sampled.size(),
                  "get " + key,
                  0,
                  value,
                  facts,
                  List.of(text)));
      if (keep < bytes) {
        break; // the rest of this value is never read; the session ends here
      }
      s.readExactly(2); // CRLF after the data block
      if (!MemcachedWire.readLine(s).equals("END")) {
        throw new MemcachedWire.NotMemcached("get did not end its reply with END");
      }
    }
  }

  /** Key names from {@code stats cachedump} of the fullest slab classes (bounded by design). */
  private List<String> keysFromCachedump(TargetContext ctx, TcpProbe.Session s) {
    s.send("stats items\r\n");
    Map<String, String> items = statBlock(s);
    List<Map.Entry<String, Long>> classes = new ArrayList<>();
    items.forEach(
        (k, v) -> {
          String[] p = k.split(":");
          if (p.length == 3 && p[0].equals("items") && p[2].equals("number")) {
            classes.add(Map.entry(p[1], number(v)));
          }
        });
    classes.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
    List<String> keys = new ArrayList<>();
    for (Map.Entry<String, Long> c : classes.stream().limit(3).toList()) {
      if (!c.getKey().matches("[0-9]{1,3}")) {
        continue;
      }
      s.send("stats cachedump " + c.getKey() + " " + MAX_VALUES_SAMPLED + "\r\n");
      for (int i = 0; ; i++) {
        String line = MemcachedWire.readLine(s);
        if (line.equals("END")) {
          break;
        }
        if (!line.startsWith("ITEM ")) {
          return keys; // an error line: cachedump is off here
        }
        if (i > MAX_KEYS_LISTED) {
          throw new MemcachedWire.NotMemcached("cachedump listed more keys than it was asked");
        }
        String[] p = line.split(" ");
        if (p.length > 1 && isKey(p[1])) {
          keys.add(p[1]);
        }
      }
    }
    return keys;
  }

  /**
   * Key names from the LRU crawler's metadump, on a session of its own: the server streams every
   * key, so after {@link #MAX_KEYS_LISTED} lines the session is simply dropped.
   */
  private List<String> keysFromMetadump(TargetContext ctx, Endpoint e) {
    List<String> keys = new ArrayList<>();
    try (TcpProbe.Session s = ctx.tcp().open(e.url(), DEFAULT_PORT)) {
      s.send("lru_crawler metadump all\r\n");
      for (int i = 0; i < MAX_KEYS_LISTED; i++) {
        String line = MemcachedWire.readLine(s);
        if (!line.startsWith("key=")) {
          break;
        }
        String k = line.substring(4);
        int sp = k.indexOf(' ');
        String key = URLDecoder.decode(sp < 0 ? k : k.substring(0, sp), StandardCharsets.UTF_8);
        if (isKey(key)) {
          keys.add(key);
        }
      }
    } catch (ProbeException | IllegalArgumentException ex) {
      // No key names: the finding stands on version and stats, with nothing sampled.
    }
    return keys;
  }

  /** A SASL-only server: binary version, then stats, which it must refuse without a login. */
  private void binary(TargetContext ctx, Endpoint e, CheckResult.Builder b) {
    try (TcpProbe.Session s = ctx.tcp().open(e.url(), DEFAULT_PORT)) {
      s.send(MemcachedWire.binary(MemcachedWire.OP_VERSION));
      MemcachedWire.BinaryReply v = MemcachedWire.readBinary(s);
      s.send(MemcachedWire.binary(MemcachedWire.OP_SASL_LIST_MECHS));
      MemcachedWire.BinaryReply mechs = MemcachedWire.readBinary(s);
      s.send(MemcachedWire.binary(MemcachedWire.OP_STAT));
      MemcachedWire.BinaryReply stat = MemcachedWire.readBinary(s);
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("text protocol", "connection closed without a reply");
      facts.put("version", v.status() == 0 ? StoreProbing.brief(v.valueText()) : "refused");
      facts.put(
          "saslMechanisms", mechs.status() == 0 ? StoreProbing.brief(mechs.valueText()) : "none");
      facts.put("stats status", String.format("0x%02x", stat.status()));
      Evidence seen =
          ctx.redactor()
              .capture(
                  "binary protocol (version, SASL mechanisms, stat)",
                  "binary VERSION; SASL_LIST_MECHS; STAT",
                  stat.status(),
                  stat.value(),
                  facts);
      b.observe(seen);
      if (!MemcachedReplies.binaryVersion(v)) {
        b.part(
            Outcome.INCONCLUSIVE, e.name() + ": closed on text and did not answer binary version");
        return;
      }
      if (MemcachedReplies.binaryAuthRequired(stat)) {
        b.part(
            Outcome.PASS,
            e.name()
                + ": memcached "
                + StoreProbing.brief(v.valueText())
                + " requires SASL authentication (stats refused)");
        confirmWithIdentity(ctx, e, b);
        return;
      }
      if (stat.opcode() == MemcachedWire.OP_STAT && stat.status() == 0) {
        Finding f =
            new Finding(
                "Memcached "
                    + StoreProbing.brief(v.valueText())
                    + " answers anyone over its binary protocol (values not sampled)",
                e.url().toString(),
                SeverityRule.NOTHING_PERSONAL.severity(),
                List.of(seen),
                METADATA.remediation());
        b.fail(f, e.name() + ": binary protocol open to anyone");
        return;
      }
      b.part(Outcome.INCONCLUSIVE, e.name() + ": binary stat answered unexpectedly");
    }
  }

  /** With the declared identity, SASL PLAIN should succeed: proof the refusal came from it. */
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
      s.send(MemcachedWire.saslPlain(id.get().username(), id.get().password().reveal()));
      MemcachedWire.BinaryReply r = MemcachedWire.readBinary(s);
      facts.put("authenticated", r.status() == 0);
    } catch (ProbeException ex) {
      facts.put("error", ctx.redactor().redact(ex.getMessage()));
    }
    b.observe(
        ctx.redactor().capture("with the declared identity", "SASL PLAIN ••••••", 0, null, facts));
  }

  /**
   * A name memcached could hold: printable ASCII without spaces, at most 250 bytes. Anything else
   * is never sent back, so a hostile listing cannot smuggle a command into {@code get}.
   */
  static boolean isKey(String k) {
    return !k.isEmpty() && k.length() <= 250 && k.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }

  /** {@code STAT name value} lines up to {@code END}. */
  static Map<String, String> statBlock(TcpProbe.Session s) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < MAX_STATS_LINES; i++) {
      String line = MemcachedWire.readLine(s);
      if (line.equals("END")) {
        return out;
      }
      if (!line.startsWith("STAT ")) {
        throw new MemcachedWire.NotMemcached("stats answered a line that is neither STAT nor END");
      }
      String[] p = line.split(" ", 3);
      if (p.length == 3) {
        out.put(p[1], p[2]);
      }
    }
    throw new MemcachedWire.NotMemcached("stats longer than " + MAX_STATS_LINES + " lines");
  }

  private Evidence statsEvidence(TargetContext ctx, Map<String, String> stats) {
    Map<String, Object> facts = new LinkedHashMap<>();
    for (String k :
        List.of(
            "version", "uptime", "curr_items", "total_items", "bytes", "curr_connections", "pid")) {
      if (stats.containsKey(k)) {
        facts.put(k, stats.get(k));
      }
    }
    return ctx.redactor()
        .capture("statistics (stats)", "stats", 0, Redactor.utf8(String.valueOf(stats)), facts);
  }

  private static long number(String v) {
    try {
      return v == null ? 0 : Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public String proof() {
    return """
        `version` plus `stats` naming the same version; at most 3 values sampled (`stats
        cachedump` or the LRU crawler's metadump for key names); SASL-only (binary, stats refused)
        or `CLIENT_ERROR unauthenticated` is a PASS
        """;
  }
}

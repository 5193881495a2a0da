package dev.periksa.probe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Redis's replies as discovery and the Redis check read them: {@code +PONG}, its refusals ({@code
 * -NOAUTH}, protected mode's {@code -DENIED}), its "unknown command" error, {@code AUTH} outcomes
 * and {@code INFO} sections. Next to {@link Resp}, whose reply types it reads.
 */
public final class RedisReplies {
  private RedisReplies() {}

  /** {@code +PONG}. */
  public static boolean pong(Resp.Reply r) {
    return r instanceof Resp.Simple s && s.text().equals("PONG");
  }

  /** {@code +OK}, as {@code AUTH} answers a password it takes. */
  public static boolean ok(Resp.Reply r) {
    return r instanceof Resp.Simple s && s.text().equals("OK");
  }

  /** Redis's own error for a command it does not know. */
  public static boolean unknownCommand(Resp.Reply r) {
    return r instanceof Resp.Err err && err.text().startsWith("ERR unknown command");
  }

  /**
   * Redis refusing a stranger: {@code NOAUTH} (a password is required) or {@code DENIED} (protected
   * mode); the code, or empty for any other reply.
   */
  public static Optional<String> refusal(Resp.Reply r) {
    if (r instanceof Resp.Err err && (err.code().equals("NOAUTH") || err.code().equals("DENIED"))) {
      return Optional.of(err.code());
    }
    return Optional.empty();
  }

  /**
   * {@code AUTH} refused: {@code WRONGPASS} (Redis 6 and later), the older servers' "invalid
   * password" errors, or an "authentication required" reply to the {@code AUTH} itself (older Redis
   * and some compatibles answer a wrong password with {@code -NOAUTH}, as they answer any command
   * before a password).
   */
  public static boolean wrongPassword(Resp.Reply r) {
    if (!(r instanceof Resp.Err err)) {
      return false;
    }
    String t = err.text();
    return err.code().equals("WRONGPASS")
        || err.code().equals("NOAUTH")
        || t.startsWith("ERR invalid password")
        || t.startsWith("ERR invalid username-password pair")
        || t.startsWith("ERR Authentication required");
  }

  /**
   * {@code AUTH user password} refused for its form: a Redis before 6 has no users and takes {@code
   * AUTH password} only.
   */
  public static boolean authTakesPasswordOnly(Resp.Reply r) {
    return r instanceof Resp.Err err
        && err.text().toLowerCase(java.util.Locale.ROOT).startsWith("err wrong number of arguments")
        && err.text().toLowerCase(java.util.Locale.ROOT).contains("auth");
  }

  /**
   * What discovery knows Redis by, from {@code PING} and an invented command: {@code +PONG} then
   * "unknown command" (a server that answers {@code +PONG} to everything does not give it), or a
   * refusal then "unknown command" or the same refusal again.
   */
  public static boolean identifies(Resp.Reply ping, Resp.Reply invented) {
    if (pong(ping)) {
      return unknownCommand(invented);
    }
    Optional<String> locked = refusal(ping);
    return locked.isPresent() && (unknownCommand(invented) || refusal(invented).equals(locked));
  }

  /** {@code key:value} lines of an {@code INFO} reply (section headers skipped). */
  public static Map<String, String> infoFields(Resp.Reply r) {
    Map<String, String> out = new LinkedHashMap<>();
    if (r instanceof Resp.Bulk bulk && bulk.bytes() != null) {
      for (String line : bulk.text().split("\r?\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && !line.startsWith("#")) {
          out.put(line.substring(0, colon), line.substring(colon + 1).strip());
        }
      }
    }
    return out;
  }

  /** Keys per database from {@code INFO keyspace}: {@code db0:keys=200,expires=0,...}. */
  public static Map<Integer, Long> keyspace(Resp.Reply r) {
    Map<Integer, Long> out = new TreeMap<>();
    infoFields(r)
        .forEach(
            (k, v) -> {
              if (!k.matches("db[0-9]{1,5}")) {
                return;
              }
              for (String part : v.split(",")) {
                if (part.startsWith("keys=")) {
                  try {
                    out.put(Integer.parseInt(k.substring(2)), Long.parseLong(part.substring(5)));
                  } catch (NumberFormatException ex) {
                    // Not a count: leave this database out.
                  }
                }
              }
            });
    return out;
  }
}

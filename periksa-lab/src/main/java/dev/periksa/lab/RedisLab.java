package dev.periksa.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The e-HAC app's session cache in Redis: real redis-server processes holding {@code
 * session:<token>} keys whose values name the traveller. The legacy twin's answers anyone; the
 * hardened twin's requires a password (a throwaway per lab start) and has the same keys.
 */
final class RedisLab implements LabService {
  static final String LEGACY = "PERIKSA_LAB_LEGACY_REDIS";
  static final String HARDENED = "PERIKSA_LAB_HARDENED_REDIS";

  static final int SESSIONS = 200;

  private RedisServer legacy;
  private RedisServer hardened;

  @Override
  public String name() {
    return "Redis (redis-server)";
  }

  @Override
  public Map<String, String> start(LabContext ctx) throws Exception {
    Map<String, String> sessions = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(SESSIONS, ctx.records()); i++) {
      sessions.put(EhacSessions.key(i), EhacSessions.value(i));
    }
    legacy =
        RedisServer.start(ctx.dir().resolve("redis-legacy"), ctx.legacyHost(), null, null, null);
    legacy.set(sessions);
    String secret = ctx.secret("hardened");
    hardened =
        RedisServer.start(
            ctx.dir().resolve("redis-hardened"),
            ctx.hardenedHost(),
            secret,
            LabContext.HARDENED_USER,
            secret);
    hardened.set(sessions);
    Map<String, String> v = new LinkedHashMap<>();
    v.put(LEGACY, legacy.url().toString());
    v.put(HARDENED, hardened.url().toString());
    return v;
  }

  @Override
  public List<String> describe() {
    return List.of(
        "legacy   redis    " + legacy.url() + "  (no password)",
        "hardened redis    "
            + hardened.url()
            + "  (requirepass, ACL user "
            + LabContext.HARDENED_USER
            + ")");
  }

  @Override
  public void close() {
    try {
      if (legacy != null) {
        legacy.close();
      }
    } finally {
      if (hardened != null) {
        hardened.close();
      }
    }
  }
}

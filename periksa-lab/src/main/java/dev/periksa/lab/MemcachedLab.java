package dev.periksa.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The e-HAC app's session cache in Memcached: real memcached processes with a few {@code
 * session:<token>} entries naming the traveller. The legacy twin's serves anyone; the hardened
 * twin's requires SASL authentication (a throwaway password per lab start) and has the same
 * entries.
 */
final class MemcachedLab implements LabService {
  static final String LEGACY = "PERIKSA_LAB_LEGACY_MEMCACHED";
  static final String HARDENED = "PERIKSA_LAB_HARDENED_MEMCACHED";

  static final int SESSIONS = 50;

  private MemcachedServer legacy;
  private MemcachedServer hardened;

  @Override
  public String name() {
    return "Memcached (memcached)";
  }

  @Override
  public Map<String, String> start(LabContext ctx) throws Exception {
    Map<String, String> sessions = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(SESSIONS, ctx.records()); i++) {
      sessions.put(EhacSessions.key(i), EhacSessions.value(i));
    }
    legacy =
        MemcachedServer.start(ctx.dir().resolve("memcached-legacy"), ctx.legacyHost(), null, null);
    legacy.set(sessions);
    hardened =
        MemcachedServer.start(
            ctx.dir().resolve("memcached-hardened"),
            ctx.hardenedHost(),
            LabContext.HARDENED_USER,
            ctx.secret("hardened"));
    hardened.set(sessions);
    Map<String, String> v = new LinkedHashMap<>();
    v.put(LEGACY, legacy.url().toString());
    v.put(HARDENED, hardened.url().toString());
    return v;
  }

  @Override
  public List<String> describe() {
    return List.of(
        "legacy   memcached " + legacy.url() + "  (no authentication)",
        "hardened memcached " + hardened.url() + "  (SASL, binary protocol only)");
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

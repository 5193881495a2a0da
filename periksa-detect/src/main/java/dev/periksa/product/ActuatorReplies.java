package dev.periksa.product;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Spring Boot Actuator: its HAL index ({@code /actuator}), Spring Boot's own JSON error, the
 * environment ({@code /actuator/env}) by names and counts, and the HPROF header a heap dump starts
 * with.
 */
public final class ActuatorReplies {
  private ActuatorReplies() {}

  /** The HPROF header a HotSpot heap dump starts with (1.0.2 today, 1.0.1 on old JVMs). */
  public static final String HPROF_MAGIC = "JAVA PROFILE 1.0.";

  /** What {@code /actuator/env} exposes, by name and count: never a value. */
  public record EnvReport(
      List<String> activeProfiles,
      List<String> sources,
      int properties,
      List<String> secretNames,
      int masked) {}

  /**
   * The links of a 2xx actuator index: a {@code _links} object whose {@code self} ends in {@code
   * /actuator} and whose every link has an {@code href}; templated links are left out.
   */
  public static Optional<Map<String, Boolean>> index(HttpReply r) {
    if (!r.isSuccess()) {
      return Optional.empty();
    }
    return r.json()
        .flatMap(
            j -> {
              Json l = j.path("_links");
              String self = l.path("self").path("href").asText("");
              if (!l.isObject() || !self.replaceAll("/+$", "").endsWith("/actuator")) {
                return Optional.empty();
              }
              Map<String, Boolean> out = new LinkedHashMap<>();
              for (Map.Entry<String, Json> f : l.fields().entrySet()) {
                if (!f.getValue().path("href").isText()) {
                  return Optional.empty();
                }
                if (!f.getValue().path("templated").asBoolean(false)) {
                  out.put(f.getKey(), Boolean.FALSE);
                }
              }
              return Optional.of(out);
            });
  }

  /** Spring Boot's own error reply on a missing path: 404 with status 404, error and path. */
  public static boolean springError(HttpReply r) {
    return r.status() == 404
        && r.json()
            .map(
                j ->
                    j.path("status").asLong(0) == 404
                        && j.path("error").isText()
                        && j.path("path").isText())
            .orElse(false);
  }

  /**
   * What a 2xx {@code /actuator/env} exposes: {@code activeProfiles} and named {@code
   * propertySources}, each with a {@code properties} object. Values are only counted (and those the
   * server masked as "******"); names that {@code secretName} judges credential-like are kept, at
   * most {@code maxNames}.
   */
  public static Optional<EnvReport> env(HttpReply r, Predicate<String> secretName, int maxNames) {
    if (!r.isSuccess()) {
      return Optional.empty();
    }
    return r.json()
        .flatMap(
            j -> {
              Json ps = j.path("propertySources");
              if (!ps.isArray() || !j.path("activeProfiles").isArray()) {
                return Optional.empty();
              }
              List<String> profiles = new ArrayList<>();
              j.path("activeProfiles").elements().forEach(p -> profiles.add(p.asText("")));
              List<String> sources = new ArrayList<>();
              List<String> secrets = new ArrayList<>();
              int properties = 0;
              int masked = 0;
              for (Json s : ps.elements()) {
                if (!s.path("name").isText() || !s.path("properties").isObject()) {
                  return Optional.empty();
                }
                sources.add(s.path("name").asText(""));
                for (Map.Entry<String, Json> p : s.path("properties").fields().entrySet()) {
                  properties++;
                  if ("******".equals(p.getValue().path("value").asText(null))) {
                    masked++;
                  }
                  if (secretName.test(p.getKey())
                      && !secrets.contains(p.getKey())
                      && secrets.size() < maxNames) {
                    secrets.add(p.getKey());
                  }
                }
              }
              return Optional.of(new EnvReport(profiles, sources, properties, secrets, masked));
            });
  }

  /**
   * The HPROF version string when a 2xx body starts a HotSpot heap dump: the magic, a version digit
   * or few, then a NUL. Text that merely quotes the magic is not a dump.
   */
  public static Optional<String> heapDump(HttpReply r) {
    if (!r.isSuccess()) {
      return Optional.empty();
    }
    byte[] b = r.body();
    byte[] magic = HPROF_MAGIC.getBytes(StandardCharsets.US_ASCII);
    if (b.length < magic.length + 2) {
      return Optional.empty();
    }
    for (int i = 0; i < magic.length; i++) {
      if (b[i] != magic[i]) {
        return Optional.empty();
      }
    }
    int end = magic.length;
    while (end < b.length && b[end] != 0 && end < magic.length + 4) {
      end++;
    }
    if (end >= b.length || b[end] != 0) {
      return Optional.empty();
    }
    return Optional.of(new String(b, 0, end, StandardCharsets.US_ASCII));
  }

  /** What discovery knows an actuator by: its index. */
  public static boolean identifies(HttpReply index) {
    return index(index).isPresent();
  }
}

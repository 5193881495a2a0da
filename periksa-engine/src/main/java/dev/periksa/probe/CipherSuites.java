package dev.periksa.probe;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The IANA cipher suite registry as Bouncy Castle's TLS library keeps it ({@code
 * org.bouncycastle.tls.CipherSuite}: 300-odd codes, from {@code TLS_NULL_WITH_NULL_NULL} and the
 * EXPORT suites to TLS 1.3), so a scan can offer suites that no modern JDK will speak. Signalling
 * values (SCSVs) are left out.
 */
public final class CipherSuites {
  private static final List<CipherSuite> ALL = load();
  private static final Map<Integer, CipherSuite> BY_CODE =
      ALL.stream().collect(Collectors.toMap(CipherSuite::code, Function.identity()));

  private CipherSuites() {}

  /** Every known suite, by code. */
  public static List<CipherSuite> all() {
    return ALL;
  }

  /** Suites for TLS 1.3 hellos. */
  public static List<CipherSuite> tls13() {
    return ALL.stream().filter(CipherSuite::tls13).toList();
  }

  /** Suites for SSLv3 to TLS 1.2 hellos. */
  public static List<CipherSuite> legacy() {
    return ALL.stream().filter(s -> !s.tls13()).toList();
  }

  public static Optional<CipherSuite> byCode(int code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }

  private static List<CipherSuite> load() {
    List<CipherSuite> out = new ArrayList<>();
    for (Field f : org.bouncycastle.tls.CipherSuite.class.getFields()) {
      int m = f.getModifiers();
      if (f.getType() != int.class || !Modifier.isStatic(m) || !Modifier.isFinal(m)) {
        continue;
      }
      String name = f.getName();
      if (!name.startsWith("TLS_") || name.endsWith("_SCSV")) {
        continue;
      }
      try {
        out.add(new CipherSuite(f.getInt(null), name));
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read cipher suite " + name, e);
      }
    }
    // One name per code: the registry lists a few codes twice under older names.
    Map<Integer, CipherSuite> unique = new java.util.TreeMap<>();
    for (CipherSuite s : out) {
      unique.merge(s.code(), s, (a, b) -> a.name().length() <= b.name().length() ? a : b);
    }
    List<CipherSuite> list = new ArrayList<>(unique.values());
    list.sort(Comparator.comparingInt(CipherSuite::code));
    return List.copyOf(list);
  }
}

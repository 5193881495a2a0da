package dev.periksa.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The e-HAC traveller API of both twins (see {@link EhacApi}): legacy over plain HTTP with every
 * flaw, hardened over HTTPS with none. Three test identities own a few records each; the legacy
 * build also keeps its default {@code admin/admin} account.
 */
final class EhacApiLab implements LabService {
  /** Traveller records the API serves: EHAC-00000001 to EHAC-00001000. */
  static final int RECORDS = 1_000;

  public static final String LEGACY_API = "PERIKSA_LAB_LEGACY_API";
  public static final String HARDENED_API = "PERIKSA_LAB_HARDENED_API";

  /** Identity name → records it owns (ids of EhacData travellers). */
  static final Map<String, List<String>> IDENTITIES = identities();

  private EhacApi legacy;
  private EhacApi hardened;
  private String legacyUrl;
  private String hardenedUrl;

  private static Map<String, List<String>> identities() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("traveller-a", ids(101, 5));
    m.put("traveller-b", ids(201, 5));
    m.put("traveller-c", ids(301, 1));
    return m;
  }

  private static List<String> ids(int first, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(EhacData.travellerId(first - 1 + i));
    }
    return out;
  }

  /** The variable holding an identity's throwaway password, e.g. PERIKSA_LAB_API_PASSWORD_A. */
  static String passwordVariable(String identity) {
    return "PERIKSA_LAB_API_PASSWORD_" + identity.substring(identity.length() - 1).toUpperCase();
  }

  @Override
  public String name() {
    return "e-HAC traveller API (JDK HTTP server, JWT)";
  }

  @Override
  public Map<String, String> start(LabContext ctx) throws Exception {
    List<EhacApi.User> users = new ArrayList<>();
    Map<String, String> v = new LinkedHashMap<>();
    IDENTITIES.forEach(
        (name, owns) -> {
          String password = ctx.secret("api-" + name);
          users.add(new EhacApi.User(name, password, "traveller", owns));
          v.put(passwordVariable(name), password);
        });
    List<EhacApi.User> legacyUsers = new ArrayList<>(users);
    legacyUsers.add(new EhacApi.User("admin", "admin", "admin", List.of()));
    legacy = EhacApi.legacy(ctx.legacyHost(), legacyUsers);
    hardened =
        EhacApi.hardened(
            ctx.hardenedHost(), ctx.serverTls("api.ehac.lab", ctx.hardenedHost()), users);
    legacyUrl = "http://" + ctx.legacyHost() + ":" + legacy.port();
    hardenedUrl = "https://" + ctx.hardenedHost() + ":" + hardened.port();
    v.put(LEGACY_API, legacyUrl);
    v.put(HARDENED_API, hardenedUrl);
    return v;
  }

  @Override
  public List<String> describe() {
    return List.of(
        "legacy   api      " + legacyUrl + "  (e-HAC traveller API with every auth flaw)",
        "hardened api      " + hardenedUrl + "  (e-HAC traveller API, flaws fixed)");
  }

  @Override
  public void close() {
    if (legacy != null) {
      legacy.close();
    }
    if (hardened != null) {
      hardened.close();
    }
  }
}

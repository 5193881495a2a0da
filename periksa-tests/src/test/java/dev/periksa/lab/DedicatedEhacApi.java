package dev.periksa.lab;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A private e-HAC traveller API (the lab's {@link EhacApi}, legacy or hardened) for one test: its
 * failure counts and lockouts are its own, so a burst of wrong passwords here never locks an
 * account that other tests use in the shared lab.
 */
public final class DedicatedEhacApi implements AutoCloseable {
  private final EhacApi api;
  private final URI url;
  private final Map<String, String> passwords;

  private DedicatedEhacApi(EhacApi api, URI url, Map<String, String> passwords) {
    this.api = api;
    this.url = url;
    this.passwords = passwords;
  }

  /** The hardened build over HTTPS (a throwaway lab CA), with the lab's three travellers. */
  public static DedicatedEhacApi hardened(String host) throws Exception {
    Map<String, String> pw = newPasswords();
    EhacApi api =
        EhacApi.hardened(host, new LabCertificates().serverContext("api.test", host), users(pw));
    return new DedicatedEhacApi(api, URI.create("https://" + host + ":" + api.port()), pw);
  }

  /** The legacy build over plain HTTP, with the lab's three travellers and admin/admin. */
  public static DedicatedEhacApi legacy(String host) throws Exception {
    Map<String, String> pw = newPasswords();
    List<EhacApi.User> users = users(pw);
    users.add(new EhacApi.User("admin", "admin", "admin", List.of()));
    EhacApi api = EhacApi.legacy(host, users);
    return new DedicatedEhacApi(api, URI.create("http://" + host + ":" + api.port()), pw);
  }

  private static Map<String, String> newPasswords() {
    Map<String, String> pw = new LinkedHashMap<>();
    java.security.SecureRandom r = new java.security.SecureRandom();
    for (String name : EhacApiLab.IDENTITIES.keySet()) {
      byte[] b = new byte[18];
      r.nextBytes(b);
      pw.put(name, Base64.getUrlEncoder().withoutPadding().encodeToString(b));
    }
    return pw;
  }

  private static List<EhacApi.User> users(Map<String, String> pw) {
    List<EhacApi.User> users = new ArrayList<>();
    EhacApiLab.IDENTITIES.forEach(
        (name, owns) -> users.add(new EhacApi.User(name, pw.get(name), "traveller", owns)));
    return users;
  }

  public URI url() {
    return url;
  }

  /** Each traveller identity's throwaway password, by name (traveller-a, -b, -c). */
  public Map<String, String> passwords() {
    return passwords;
  }

  /** The records each traveller identity owns, by name. */
  public static Map<String, List<String>> owned() {
    return EhacApiLab.IDENTITIES;
  }

  @Override
  public void close() {
    api.close();
  }
}

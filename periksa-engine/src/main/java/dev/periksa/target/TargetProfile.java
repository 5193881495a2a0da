package dev.periksa.target;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A target as declared in {@code targets/*.yaml}: its name, the hosts in scope, what to probe and
 * the identities checks may use.
 *
 * @param name target name shown in reports
 * @param description free text for the report
 * @param scope hosts that may be contacted
 * @param rateLimit most requests per second to any one host
 * @param timeoutSeconds timeout of one request
 * @param endpoints what to probe
 * @param identities test identities
 * @param skipped optional endpoints left out because a variable they use is unset, with why
 * @param discovery where to look for undeclared products, or null for no discovery
 * @param source the file it was read from (not part of the YAML)
 * @param tls CAs the TLS checks trust besides the JDK's ({@link TlsSettings#NONE} when none)
 * @param dast the DAST scan's settings, or null when the profile asks for none
 */
public record TargetProfile(
    String name,
    String description,
    Scope scope,
    double rateLimit,
    int timeoutSeconds,
    List<Endpoint> endpoints,
    List<Identity> identities,
    List<String> skipped,
    DiscoverySettings discovery,
    Path source,
    TlsSettings tls,
    DastSettings dast) {

  public TargetProfile {
    endpoints = List.copyOf(endpoints);
    identities = List.copyOf(identities);
    skipped = List.copyOf(skipped);
    tls = tls == null ? TlsSettings.NONE : tls;
  }

  /** A profile without a {@code dast} section. */
  public TargetProfile(
      String name,
      String description,
      Scope scope,
      double rateLimit,
      int timeoutSeconds,
      List<Endpoint> endpoints,
      List<Identity> identities,
      List<String> skipped,
      DiscoverySettings discovery,
      Path source,
      TlsSettings tls) {
    this(
        name,
        description,
        scope,
        rateLimit,
        timeoutSeconds,
        endpoints,
        identities,
        skipped,
        discovery,
        source,
        tls,
        null);
  }

  /** A profile without a {@code tls} section. */
  public TargetProfile(
      String name,
      String description,
      Scope scope,
      double rateLimit,
      int timeoutSeconds,
      List<Endpoint> endpoints,
      List<Identity> identities,
      List<String> skipped,
      DiscoverySettings discovery,
      Path source) {
    this(
        name,
        description,
        scope,
        rateLimit,
        timeoutSeconds,
        endpoints,
        identities,
        skipped,
        discovery,
        source,
        TlsSettings.NONE);
  }

  /**
   * What discovery may try.
   *
   * @param hosts hosts to look at (default: the scope's hosts)
   * @param ports ports to try (default: every fingerprint's usual ports)
   * @param concurrency how many host/port pairs are tried at once
   */
  public record DiscoverySettings(List<String> hosts, List<Integer> ports, int concurrency) {
    public static final int DEFAULT_CONCURRENCY = 8;

    public DiscoverySettings {
      hosts = List.copyOf(hosts);
      ports = List.copyOf(ports);
    }
  }

  /** A copy that declares only the endpoints of one kind, without discovery. */
  public TargetProfile only(String kind) {
    return new TargetProfile(
        name,
        description,
        scope,
        rateLimit,
        timeoutSeconds,
        endpoints.stream().filter(e -> e.kind().equals(kind)).toList(),
        identities,
        skipped,
        null,
        source,
        tls,
        dast);
  }

  /** A copy with the given DAST settings. */
  public TargetProfile withDast(DastSettings settings) {
    return new TargetProfile(
        name,
        description,
        scope,
        rateLimit,
        timeoutSeconds,
        endpoints,
        identities,
        skipped,
        discovery,
        source,
        tls,
        settings);
  }

  /** The identity with that name. */
  public Optional<Identity> identity(String name) {
    return identities.stream().filter(i -> i.name().equals(name)).findFirst();
  }
}

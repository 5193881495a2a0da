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
 * @param source the file it was read from (not part of the YAML)
 */
public record TargetProfile(
    String name,
    String description,
    Scope scope,
    double rateLimit,
    int timeoutSeconds,
    List<Endpoint> endpoints,
    List<Identity> identities,
    Path source) {

  public TargetProfile {
    endpoints = List.copyOf(endpoints);
    identities = List.copyOf(identities);
  }

  /** Endpoints of one kind, in declaration order. */
  public List<Endpoint> endpoints(String kind) {
    return endpoints.stream().filter(e -> e.kind().equals(kind)).toList();
  }

  /** The identity with that name. */
  public Optional<Identity> identity(String name) {
    return identities.stream().filter(i -> i.name().equals(name)).findFirst();
  }
}

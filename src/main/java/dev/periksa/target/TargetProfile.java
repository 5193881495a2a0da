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
    List<String> skipped,
    Path source) {

  public TargetProfile {
    endpoints = List.copyOf(endpoints);
    identities = List.copyOf(identities);
    skipped = List.copyOf(skipped);
  }

  /** The identity with that name. */
  public Optional<Identity> identity(String name) {
    return identities.stream().filter(i -> i.name().equals(name)).findFirst();
  }
}

package dev.periksa.lab;

import java.util.List;
import java.util.function.Supplier;

/**
 * One class of public health-data leak, replayed in the lab: what was exposed, how and when, the
 * public sources that reported it, the requirements that catch it, and the lab services its twins
 * run on. The account names organisations where the public record does, never individuals; the
 * twins hold synthetic data only.
 *
 * @param name the name {@code periksa demo --breach} takes
 * @param title one line
 * @param when when it happened or was reported
 * @param exposed what was exposed, and how much
 * @param how how it was reachable
 * @param sources public reports of it
 * @param requirements the requirement ids whose checks catch it on the legacy twin
 * @param twin what the lab's twins reproduce
 * @param services the lab services the twins run on, in start order
 */
public record Breach(
    String name,
    String title,
    String when,
    String exposed,
    String how,
    List<String> sources,
    List<String> requirements,
    String twin,
    List<Supplier<LabService>> services) {

  public Breach {
    sources = List.copyOf(sources);
    requirements = List.copyOf(requirements);
    services = List.copyOf(services);
  }

  /** The legacy twin's target profile, a resource of the jar. */
  public String legacyProfile() {
    return "targets/breaches/" + name + "-legacy.yaml";
  }

  /** The hardened twin's target profile, a resource of the jar. */
  public String hardenedProfile() {
    return "targets/breaches/" + name + "-hardened.yaml";
  }
}

package dev.periksa.steps;

import dev.periksa.check.Check;
import dev.periksa.check.registry.Checks;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Steps of the process requirements (GOV-1): what a probe can see, plus attestations. */
public final class GovernanceSteps {
  private final ScanWorld world;

  public GovernanceSteps(ScanWorld world) {
    this.world = world;
  }

  @When(
      "Periksa reads the security.txt each web front of the {string} publishes, and the"
          + " attestations on record")
  public void readSecurityTxt(String subject) {
    // The contact (advisory) and the breach-notification process (asked when certifying process).
    java.util.List<Check> checks = Checks.findAll("GOV-1", subject);
    if (checks.isEmpty()) {
      world.run("GOV-1", subject); // says that no check knows this subject
    }
    for (Check c : checks) {
      world.run(c);
    }
  }

  @Then(
      "a current security contact is published over HTTPS and the breach-notification process is"
          + " attested")
  public void contactAndProcess() {
    world.conclude();
  }
}

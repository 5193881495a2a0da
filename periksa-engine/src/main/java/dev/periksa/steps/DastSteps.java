package dev.periksa.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Steps of DAST-1: a row names the scanner. */
public final class DastSteps {
  private final ScanWorld world;

  public DastSteps(ScanWorld world) {
    this.world = world;
  }

  @When(
      "{string} spiders each base the target names for a DAST scan and actively scans it within"
          + " the time budget")
  public void scan(String scanner) {
    world.run("DAST-1", scanner);
  }

  @Then("no alert reaches the threshold, apart from those accepted as false positives")
  public void noAlertReachesTheThreshold() {
    world.conclude();
  }
}

package dev.periksa.steps;

import dev.periksa.check.storage.SearchClusterExposureCheck;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Steps of the exposed-storage requirements (STO-*). */
public final class StorageSteps {
  private final ScanWorld world;

  public StorageSteps(ScanWorld world) {
    this.world = world;
  }

  @When(
      "a stranger asks each search cluster the target declares, without credentials, who it is"
          + " and which indices it holds")
  public void askSearchClusters() {
    world.run(new SearchClusterExposureCheck());
  }

  @Then("none of them answers with its banner and its index listing")
  public void noSearchClusterAnswers() {
    world.conclude();
  }
}

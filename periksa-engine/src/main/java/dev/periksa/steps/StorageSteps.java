package dev.periksa.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Steps of the exposed-storage requirements (STO-1 to STO-6); each row names a product. */
public final class StorageSteps {
  private final ScanWorld world;

  public StorageSteps(ScanWorld world) {
    this.world = world;
  }

  @When(
      "a stranger asks each {string} search service the target declares, without credentials,"
          + " who it is and what it holds")
  public void askSearchServices(String product) {
    world.run("STO-1", product);
  }

  @When(
      "a stranger asks each {string} object store the target declares, without credentials, to"
          + " list and serve its objects")
  public void askObjectStores(String product) {
    world.run("STO-2", product);
  }

  @When(
      "a stranger opens a session with each {string} database the target declares, without"
          + " credentials or with the product's default ones")
  public void openDatabaseSessions(String product) {
    world.run("STO-3", product);
  }

  @When(
      "a stranger asks each {string} web front the target declares for exports, repository"
          + " files, secrets, backups and diagnostics")
  public void askWebFronts(String product) {
    world.run("STO-4", product);
  }

  @When(
      "a stranger asks each {string} health API the target declares for patient records,"
          + " without a token")
  public void askHealthApis(String product) {
    world.run("STO-5", product);
  }

  @When(
      "a stranger sends each {string} interface the target declares a harmless query for a"
          + " synthetic patient")
  public void queryInterfaces(String product) {
    world.run("STO-6", product);
  }

  @Then("none of them answers the stranger")
  public void noInterfaceAnswers() {
    world.conclude();
  }

  @Then("none of them answers with what it holds")
  public void noSearchServiceAnswers() {
    world.conclude();
  }

  @Then("none of them lists or serves an object")
  public void noObjectStoreAnswers() {
    world.conclude();
  }

  @Then("none of them lets the stranger in")
  public void noDatabaseLetsIn() {
    world.conclude();
  }

  @Then("none of them serves such a file")
  public void noWebFrontServesAFile() {
    world.conclude();
  }

  @Then("none of them serves a patient's record")
  public void noHealthApiServes() {
    world.conclude();
  }
}

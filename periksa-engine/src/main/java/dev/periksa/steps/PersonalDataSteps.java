package dev.periksa.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/**
 * Steps of the personal-data requirements (PII-1, PII-2); each row names what a check looks at:
 * "HTTP" for plain-HTTP transport, "URLs" and "Error replies" for where data must not leak.
 */
public final class PersonalDataSteps {
  private final ScanWorld world;

  public PersonalDataSteps(ScanWorld world) {
    this.world = world;
  }

  @When(
      "Periksa reads as little as it can of what each plain {string} endpoint of the target serves")
  public void readPlainEndpoints(String product) {
    world.run("PII-1", product);
  }

  @When(
      "Periksa examines the {string} of each HTTP interface the target declares, sending a"
          + " synthetic identity number where they take input")
  public void examineUrlsAndErrors(String product) {
    world.run("PII-2", product);
  }

  @Then("no reply crosses the network in clear with personal data in it")
  public void nothingInClear() {
    world.conclude();
  }

  @Then("no URL or error reply of them carries personal data")
  public void noUrlOrErrorCarriesPersonalData() {
    world.conclude();
  }
}

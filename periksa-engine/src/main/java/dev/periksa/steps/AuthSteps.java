package dev.periksa.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/**
 * Steps of the authentication and authorization requirements (AUT-1 to AUT-5, AUZ-1, AUZ-2); each
 * row names the kind of interface a check exists for.
 */
public final class AuthSteps {
  private final ScanWorld world;

  public AuthSteps(ScanWorld world) {
    this.world = world;
  }

  @When(
      "a stranger calls each {string} endpoint the target says returns personal data, without"
          + " credentials")
  public void callWithoutCredentials(String product) {
    world.run("AUT-1", product);
  }

  @When("a stranger tries the well-known default credentials at each {string} login")
  public void tryDefaultCredentials(String product) {
    world.run("AUT-2", product);
  }

  @When(
      "a stranger presents forged, tampered and expired tokens to each {string} the target declares")
  public void presentForgedTokens(String product) {
    world.run("AUT-3", product);
  }

  @When(
      "someone guesses the password of the declared test identity at each {string} login, a"
          + " bounded number of times")
  public void guessPasswords(String product) {
    world.run("AUT-4", product);
  }

  @When("Periksa watches how each {string} carries credentials, tokens and session cookies")
  public void watchCredentials(String product) {
    world.run("AUT-5", product);
  }

  @When(
      "one declared identity asks each {string} for another identity's records and their"
          + " neighbours")
  public void askForOthersRecords(String product) {
    world.run("AUZ-1", product);
  }

  @When("a declared identity reads its own records from each {string}")
  public void readOwnRecords(String product) {
    world.run("AUZ-2", product);
  }

  @Then("none of them returns personal data")
  public void noneReturnsPersonalData() {
    world.conclude();
  }

  @Then("every one of them is rejected")
  public void everyOneRejected() {
    world.conclude();
  }

  @Then("every one of them is refused")
  public void everyOneRefused() {
    world.conclude();
  }

  @Then("the guessing is slowed down or stopped")
  public void guessingIsSlowed() {
    world.conclude();
  }

  @Then("none travels in clear or in a URL, and session cookies are protected")
  public void credentialsAreProtected() {
    world.conclude();
  }

  @Then("none of them is served")
  public void noneServed() {
    world.conclude();
  }

  @Then("no response carries more personal data than the role needs")
  public void noExcessiveData() {
    world.conclude();
  }
}

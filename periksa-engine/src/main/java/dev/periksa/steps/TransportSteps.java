package dev.periksa.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/**
 * Steps of the transport-security requirements (TLS-1 to TLS-3); each row names the product a check
 * exists for ("TLS").
 */
public final class TransportSteps {
  private final ScanWorld world;

  public TransportSteps(ScanWorld world) {
    this.world = world;
  }

  @When("Periksa offers every SSL and TLS version and cipher suite to each {string} service")
  public void offerVersionsAndSuites(String product) {
    world.run("TLS-1", product);
  }

  @When("Periksa reads the certificate chain each {string} service presents")
  public void readCertificates(String product) {
    world.run("TLS-2", product);
  }

  @When("Periksa asks each web front over plain HTTP and over HTTPS, as {string} requires")
  public void askPlainAndHttps(String product) {
    world.run("TLS-3", product);
  }

  @Then("only TLS 1.2 and TLS 1.3 are accepted, with strong cipher suites")
  public void onlyModernTls() {
    world.conclude();
  }

  @Then("every certificate chains to a trusted CA, names the address, is current and strong")
  public void certificatesValid() {
    world.conclude();
  }

  @Then("plain HTTP is permanently redirected to HTTPS, and HTTPS replies carry a long HSTS policy")
  public void httpsEnforced() {
    world.conclude();
  }
}

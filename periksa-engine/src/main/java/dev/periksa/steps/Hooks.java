package dev.periksa.steps;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;

/** Labels every scenario for the report, and makes sure none ends without a recorded verdict. */
public final class Hooks {
  private final ScanWorld world;

  public Hooks(ScanWorld world) {
    this.world = world;
  }

  @Before(order = 0)
  public void begin(Scenario scenario) {
    world.begin(scenario);
  }

  @After(order = 0)
  public void finish(Scenario scenario) {
    world.finish(scenario);
  }
}

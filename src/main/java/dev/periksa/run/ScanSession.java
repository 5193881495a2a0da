package dev.periksa.run;

import dev.periksa.check.CheckRunner;
import dev.periksa.check.TargetContext;
import dev.periksa.target.TargetProfile;
import java.io.PrintStream;

/**
 * The target being scanned, handed from the runner to the Cucumber glue. Features run one target at
 * a time, so one current session is enough.
 */
public final class ScanSession {
  private static volatile ScanSession current;

  private final TargetProfile profile;
  private final TargetContext context;
  private final CheckRunner runner;
  private final RunRecorder recorder;
  private final PrintStream console;

  public ScanSession(
      TargetProfile profile,
      TargetContext context,
      CheckRunner runner,
      RunRecorder recorder,
      PrintStream console) {
    this.profile = profile;
    this.context = context;
    this.runner = runner;
    this.recorder = recorder;
    this.console = console;
  }

  /** The session of the scan in progress. */
  public static ScanSession current() {
    ScanSession s = current;
    if (s == null) {
      throw new IllegalStateException(
          "no scan in progress: Periksa's features run through 'periksa scan', not on their own");
    }
    return s;
  }

  static void begin(ScanSession s) {
    current = s;
  }

  static void end() {
    current = null;
  }

  public TargetProfile profile() {
    return profile;
  }

  public TargetContext context() {
    return context;
  }

  public CheckRunner runner() {
    return runner;
  }

  public RunRecorder recorder() {
    return recorder;
  }

  public PrintStream console() {
    return console;
  }
}

package dev.periksa.run;

import dev.periksa.check.CheckRunner;
import dev.periksa.check.TargetContext;
import dev.periksa.target.TargetProfile;
import dev.periksa.waiver.Exemptions;
import java.io.PrintStream;

/**
 * The target being scanned, handed from the runner to the Cucumber glue. Targets are scanned
 * concurrently, each on its own thread, whose Cucumber launch runs the target's scenarios on that
 * thread or, several at once, on worker threads the launch starts: the session is the target
 * thread's and is inherited by every thread started from it, so each scenario sees its own target's
 * session.
 */
public final class ScanSession {
  private static final InheritableThreadLocal<ScanSession> CURRENT = new InheritableThreadLocal<>();

  private final TargetProfile profile;
  private final TargetContext context;
  private final CheckRunner runner;
  private final RunRecorder recorder;
  private final PrintStream console;
  private final Exemptions exemptions;
  private final java.util.List<String> notApplicable =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  public ScanSession(
      TargetProfile profile,
      TargetContext context,
      CheckRunner runner,
      RunRecorder recorder,
      PrintStream console) {
    this(profile, context, runner, recorder, console, Exemptions.NONE);
  }

  public ScanSession(
      TargetProfile profile,
      TargetContext context,
      CheckRunner runner,
      RunRecorder recorder,
      PrintStream console,
      Exemptions exemptions) {
    this.profile = profile;
    this.context = context;
    this.runner = runner;
    this.recorder = recorder;
    this.console = console;
    this.exemptions = exemptions;
  }

  /** The session of the scan in progress. */
  public static ScanSession current() {
    ScanSession s = CURRENT.get();
    if (s == null) {
      throw new IllegalStateException(
          "no scan in progress: Periksa's features run through 'periksa scan', not on their own");
    }
    return s;
  }

  static void begin(ScanSession s) {
    CURRENT.set(s);
  }

  static void end() {
    CURRENT.remove();
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

  /** Scenarios that found nothing to judge on this target, for one line at its end. */
  public java.util.List<String> notApplicable() {
    return notApplicable;
  }

  /** The run's waivers and attestations, applied where each check result is concluded. */
  public Exemptions exemptions() {
    return exemptions;
  }
}

package dev.periksa.check;

import dev.periksa.evidence.Redactor;
import dev.periksa.pii.PersonalDataScanner;
import dev.periksa.probe.HostHealth;
import dev.periksa.probe.HostLimits;
import dev.periksa.probe.HostRateLimiter;
import dev.periksa.probe.HttpProbe;
import dev.periksa.probe.ProbeLog;
import dev.periksa.probe.TcpProbe;
import dev.periksa.target.Endpoint;
import dev.periksa.target.TargetProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a check may use on one target: the profile, the endpoints to probe (declared, plus any that
 * discovery found), HTTP and TCP probes bound to the profile's scope and rate limit, and the
 * personal-data scanner and redactor.
 */
public final class TargetContext {
  private final TargetProfile profile;
  private final List<Endpoint> endpoints;
  private final HttpProbe http;
  private final TcpProbe tcp;
  private final PersonalDataScanner scanner;
  private final Redactor redactor;
  private final List<Attestation> attestations;
  private final ProbeLog log;
  private final CheckRun run;
  private final RunResources resources;
  private final boolean process;
  private final ObservedReplies observed;

  public TargetContext(
      TargetProfile profile,
      List<Endpoint> discovered,
      HttpProbe http,
      TcpProbe tcp,
      PersonalDataScanner scanner) {
    this.profile = profile;
    List<Endpoint> all = new ArrayList<>(profile.endpoints());
    all.addAll(discovered);
    this.endpoints = List.copyOf(all);
    this.http = http;
    this.tcp = tcp;
    this.scanner = scanner;
    this.redactor = new Redactor(scanner);
    this.attestations = List.of();
    this.log = ProbeLog.detached();
    this.run = new CheckRun();
    this.resources = new RunResources();
    this.process = false;
    this.observed = new ObservedReplies();
  }

  private TargetContext(
      TargetContext base,
      List<Attestation> attestations,
      HttpProbe http,
      TcpProbe tcp,
      ProbeLog log,
      CheckRun run,
      RunResources resources,
      boolean process) {
    this.profile = base.profile;
    this.endpoints = base.endpoints;
    this.http = http;
    this.tcp = tcp;
    this.scanner = base.scanner;
    this.redactor = base.redactor;
    this.attestations = List.copyOf(attestations);
    this.log = log;
    this.run = run;
    this.resources = resources;
    this.process = process;
    this.observed = base.observed;
  }

  /** The same context, with the run's attestations for the process checks to read. */
  public TargetContext withAttestations(List<Attestation> attestations) {
    return new TargetContext(this, attestations, http, tcp, log, run, resources, process);
  }

  /** The same context, sharing the run's resources (started once, closed when the run ends). */
  public TargetContext withResources(RunResources resources) {
    return new TargetContext(this, attestations, http, tcp, log, run, resources, process);
  }

  /** The same context in a run that certifies process requirements too (or not). */
  public TargetContext withProcessCertified(boolean certified) {
    return new TargetContext(this, attestations, http, tcp, log, run, resources, certified);
  }

  /** Whether the run certifies process requirements (GOV-1's breach-notification process). */
  public boolean certifiesProcess() {
    return process;
  }

  /** What checks of this run share, closed when the run ends. */
  public RunResources resources() {
    return resources;
  }

  /**
   * The context one run of one check sees: its probes record into {@code log} and hold their
   * sockets there, so the check's end (or its deadline) closes everything it opened.
   */
  public TargetContext forCheck(ProbeLog log) {
    return new TargetContext(
        this,
        attestations,
        http.withLog(log),
        tcp.withLog(log),
        log,
        new CheckRun(),
        resources,
        process);
  }

  /** What the check running in this context asked, and everything it holds open. */
  public ProbeLog log() {
    return log;
  }

  /** The check run in progress in this context (its result so far, for the runner). */
  public CheckRun run() {
    return run;
  }

  /** The most one exchange may take: the profile's timeout, capped by the run. */
  public Duration timeout() {
    return http.timeout();
  }

  /** The run's attestations of process requirements on this target (by profile name). */
  public List<Attestation> attestations() {
    return attestations.stream().filter(a -> a.target().equals(profile.name())).toList();
  }

  /**
   * A context with the profile's own scope, rate limit and timeout, and no discovered endpoints.
   */
  public static TargetContext of(TargetProfile profile) {
    return of(profile, List.of());
  }

  /** A context with the profile's scope, rate limit and timeout, plus discovered endpoints. */
  public static TargetContext of(TargetProfile profile, List<Endpoint> discovered) {
    return of(profile, discovered, Duration.ofSeconds(profile.timeoutSeconds()));
  }

  /** As {@link #of(TargetProfile, List)}, with requests timing out after at most {@code cap}. */
  public static TargetContext of(TargetProfile profile, List<Endpoint> discovered, Duration cap) {
    return of(profile, discovered, cap, null);
  }

  /**
   * As {@link #of(TargetProfile, List)}, pacing every host through the run's shared limits (the
   * targets of a run scanned concurrently may reach one host); null for limits of its own.
   */
  public static TargetContext of(
      TargetProfile profile, List<Endpoint> discovered, HostLimits limits) {
    return of(profile, discovered, Duration.ofSeconds(profile.timeoutSeconds()), limits);
  }

  private static TargetContext of(
      TargetProfile profile, List<Endpoint> discovered, Duration cap, HostLimits limits) {
    HostRateLimiter limiter =
        limits == null
            ? new HostRateLimiter(profile.rateLimit())
            : limits.limiter(profile.rateLimit());
    // One memory of stalled services for every check of the run on this target.
    HostHealth health = new HostHealth();
    Duration profileTimeout = Duration.ofSeconds(profile.timeoutSeconds());
    Duration timeout = profileTimeout.compareTo(cap) < 0 ? profileTimeout : cap;
    ProbeLog log = ProbeLog.detached();
    return new TargetContext(
        profile,
        discovered,
        new HttpProbe(
            profile.scope(), limiter, health, timeout, HttpProbe.DEFAULT_MAX_BODY_BYTES, log, true),
        new TcpProbe(
            profile.scope(), limiter, health, timeout, HttpProbe.DEFAULT_MAX_BODY_BYTES, log),
        new PersonalDataScanner());
  }

  public TargetProfile profile() {
    return profile;
  }

  /** Endpoints of one kind: declared ones first, then discovered ones. */
  public List<Endpoint> endpoints(String kind) {
    return endpoints.stream().filter(e -> e.kind().equals(kind)).toList();
  }

  public HttpProbe http() {
    return http;
  }

  public TcpProbe tcp() {
    return tcp;
  }

  public PersonalDataScanner scanner() {
    return scanner;
  }

  /**
   * The plain-HTTP replies with personal data that the run's checks on this target have read
   * (redacted), shared by every check of the target.
   */
  public ObservedReplies observed() {
    return observed;
  }

  public Redactor redactor() {
    return redactor;
  }
}

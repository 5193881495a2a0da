package dev.periksa.check;

import dev.periksa.pii.PersonalDataScanner;
import dev.periksa.pii.Redactor;
import dev.periksa.probe.HostRateLimiter;
import dev.periksa.probe.HttpProbe;
import dev.periksa.target.TargetProfile;
import java.time.Duration;

/**
 * What a check may use on one target: the profile, an HTTP probe bound to the profile's scope and
 * rate limit, and the personal-data scanner and redactor.
 */
public final class TargetContext {
  private final TargetProfile profile;
  private final HttpProbe http;
  private final PersonalDataScanner scanner;
  private final Redactor redactor;

  public TargetContext(TargetProfile profile, HttpProbe http, PersonalDataScanner scanner) {
    this.profile = profile;
    this.http = http;
    this.scanner = scanner;
    this.redactor = new Redactor(scanner);
  }

  /** A context with the profile's own scope, rate limit and timeout. */
  public static TargetContext of(TargetProfile profile) {
    HttpProbe http =
        new HttpProbe(
            profile.scope(),
            new HostRateLimiter(profile.rateLimit()),
            Duration.ofSeconds(profile.timeoutSeconds()),
            HttpProbe.DEFAULT_MAX_BODY_BYTES);
    return new TargetContext(profile, http, new PersonalDataScanner());
  }

  public TargetProfile profile() {
    return profile;
  }

  public HttpProbe http() {
    return http;
  }

  public PersonalDataScanner scanner() {
    return scanner;
  }

  public Redactor redactor() {
    return redactor;
  }
}

package dev.periksa.check.transport;

import dev.periksa.check.CheckResult;
import dev.periksa.check.Outcome;
import dev.periksa.check.ProbingCheck;
import dev.periksa.check.TargetContext;
import java.net.URI;
import java.util.List;

/** A check of each TLS service of a target (every https:// endpoint, once per host and port). */
abstract class TlsServiceCheck extends ProbingCheck<TlsTargets.Service> {

  @Override
  protected List<TlsTargets.Service> targets(TargetContext ctx) {
    return TlsTargets.of(ctx);
  }

  @Override
  protected String name(TlsTargets.Service s) {
    return s.name();
  }

  @Override
  protected URI address(TlsTargets.Service s) {
    return URI.create("https://" + s.host() + ":" + s.port());
  }

  @Override
  protected void nothingToProbe(TargetContext ctx, CheckResult.Builder result) {
    result.part(Outcome.NOT_APPLICABLE, "no https:// endpoint declared or discovered");
  }

  @Override
  protected String unansweredTitle(TlsTargets.Service s) {
    return "no TLS answer from " + s.name();
  }
}

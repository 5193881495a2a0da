package dev.periksa.check.governance;

import com.google.auto.service.AutoService;
import dev.periksa.check.Attestation;
import dev.periksa.check.Attestation.Aspects;
import dev.periksa.check.Check;
import dev.periksa.check.CheckMetadata;
import dev.periksa.check.CheckResult;
import dev.periksa.check.Outcome;
import dev.periksa.check.ProbingCheck;
import dev.periksa.check.TargetContext;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * GOV-1's breach-notification process (UU PDP Pasal 46: 3x24 hours; GDPR Art. 33: 72 hours), which
 * no probe can see. Asked only in a run that certifies process requirements ({@code
 * --certify-process}, a regulator's run): then a current attestation meets it (ATTESTED) and its
 * absence leaves it INCONCLUSIVE; in any other run it is not applicable and says so, so a technical
 * certification is never incomplete for want of paperwork.
 */
@AutoService(Check.class)
public final class BreachProcessCheck extends ProbingCheck<Void> {

  public static final CheckMetadata METADATA =
      new CheckMetadata(
          "GOV-1.breach-process",
          "The breach-notification process is attested",
          "Organisation",
          List.of("GOV-1"),
          List.of(),
          List.of(),
          "Keep a breach-notification runbook that meets UU PDP Pasal 46 (data subjects and the"
              + " authority within 3x24 hours) and GDPR Art. 33 (the supervisory authority within"
              + " 72 hours), and have its owner attest it in the attestation file.");

  @Override
  public CheckMetadata metadata() {
    return METADATA;
  }

  @Override
  protected List<Void> targets(TargetContext ctx) {
    return List.of();
  }

  @Override
  protected String name(Void t) {
    return "";
  }

  @Override
  protected URI address(Void t) {
    return URI.create("attestation:");
  }

  @Override
  protected void probe(TargetContext ctx, Void t, CheckResult.Builder result) {}

  @Override
  protected void conclude(TargetContext ctx, CheckResult.Builder b) {
    if (!ctx.certifiesProcess()) {
      b.part(
          Outcome.NOT_APPLICABLE,
          "breach-notification process: process requirements are not certified in this run"
              + " (--certify-process)");
      return;
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Optional<Attestation> a =
        SecurityContactCheck.attestation(ctx, Aspects.BREACH_NOTIFICATION, today, b);
    if (a.isPresent()) {
      b.part(Outcome.ATTESTED, "breach-notification process attested by " + a.get().by());
      return;
    }
    String expired =
        ctx.attestations().stream()
            .filter(x -> x.covers().contains(Aspects.BREACH_NOTIFICATION))
            .map(x -> " (the attestation on record expired on " + x.expires() + ")")
            .findFirst()
            .orElse("");
    b.part(
        Outcome.INCONCLUSIVE,
        "breach-notification process (UU PDP Pasal 46: 3x24 hours; GDPR Art. 33: 72 hours)"
            + " cannot be verified remotely; attest it"
            + expired);
  }

  @Override
  public String proof() {
    return """
        The breach-notification process (`GOV-1.breach-process`; UU PDP Pasal 46: 3x24 hours; GDPR
        Art. 33: 72 hours) cannot be seen remotely: in a run that certifies process requirements
        (`--certify-process`, a regulator's run; the demo does) it is ATTESTED from the
        attestation file or INCONCLUSIVE ("cannot be verified remotely; attest it"); in any other
        run it is NOT_APPLICABLE.
        """;
  }
}

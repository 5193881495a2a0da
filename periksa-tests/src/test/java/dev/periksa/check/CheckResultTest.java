package dev.periksa.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.periksa.evidence.Evidence;
import dev.periksa.evidence.Redactor;
import dev.periksa.evidence.Severity;
import dev.periksa.pii.PersonalDataScanner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckResultTest {
  static final CheckMetadata META =
      new CheckMetadata(
          "T-1.test",
          "a test check",
          "Test",
          List.of("STO-1"),
          List.of("search"),
          List.of(306),
          "fix it");

  @Test
  void aPartWithoutAnAnswerIsInconclusiveAndKeepsItsErrorAsRedactedEvidence() {
    CheckResult r =
        CheckResult.builder(META)
            .part(Outcome.PASS, "")
            .unanswered(
                new Redactor(new PersonalDataScanner()),
                "no usable reply from api",
                "http://127.0.0.2:1/?nik=3174014101800001",
                "api",
                "connection refused")
            .build();
    assertEquals(Outcome.INCONCLUSIVE, r.outcome(), "an unanswered part never passes");
    assertEquals("api: connection refused", r.reason());
    Evidence e = r.observations().get(0);
    assertEquals("no usable reply from api", e.title());
    assertEquals(0, e.status());
    assertEquals("connection refused", e.facts().get("error"));
    assertEquals(-1, e.request().indexOf("3174014101800001"), e.request());
  }

  static Finding finding(Severity s) {
    return new Finding("open", "http://127.0.0.2:1", s, List.of(), "fix it");
  }

  @Test
  void anyFailWinsThenDoubtThenPass() {
    assertEquals(
        Outcome.FAIL, Outcome.worst(List.of(Outcome.PASS, Outcome.INCONCLUSIVE, Outcome.FAIL)));
    assertEquals(Outcome.INCONCLUSIVE, Outcome.worst(List.of(Outcome.PASS, Outcome.INCONCLUSIVE)));
    assertEquals(Outcome.PASS, Outcome.worst(List.of(Outcome.PASS, Outcome.NOT_APPLICABLE)));
    assertEquals(Outcome.FAIL, Outcome.worst(List.of(Outcome.WAIVED, Outcome.FAIL)));
    assertEquals(
        Outcome.INCONCLUSIVE, Outcome.worst(List.of(Outcome.WAIVED, Outcome.INCONCLUSIVE)));
    assertEquals(Outcome.WAIVED, Outcome.worst(List.of(Outcome.PASS, Outcome.WAIVED)));
    assertEquals(Outcome.ATTESTED, Outcome.worst(List.of(Outcome.PASS, Outcome.ATTESTED)));
    assertEquals(Outcome.NOT_APPLICABLE, Outcome.worst(List.of()));
    assertEquals(Outcome.NOT_APPLICABLE, Outcome.worst(List.of(Outcome.NOT_APPLICABLE)));
  }

  @Test
  void aFailMustCarryAFindingAndOnlyAFailMay() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new CheckResult(
                META, Outcome.FAIL, "", List.of(), List.of(), Instant.now(), Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new CheckResult(
                META,
                Outcome.PASS,
                "",
                List.of(finding(Severity.LOW)),
                List.of(),
                Instant.now(),
                Duration.ZERO));
  }

  @Test
  void severityIsTheHighestOfTheFindings() {
    CheckResult r =
        CheckResult.builder(META)
            .fail(finding(Severity.MEDIUM), "a")
            .fail(finding(Severity.CRITICAL), "b")
            .part(Outcome.PASS, "c")
            .build();
    assertEquals(Outcome.FAIL, r.outcome());
    assertEquals(Severity.CRITICAL, r.severity());
    assertEquals("a; b; c", r.reason());
    assertNull(CheckResult.builder(META).part(Outcome.PASS, "").build().severity());
  }

  @Test
  void aBuilderWithNoPartIsNotApplicable() {
    assertEquals(Outcome.NOT_APPLICABLE, CheckResult.builder(META).build().outcome());
  }

  @Test
  void metadataNeedsARequirement() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new CheckMetadata("x", "x", "x", List.of(), List.of(), List.of(), "x"));
  }

  @Test
  void fingerprintIsStablePerCheckLocationAndTitle() {
    Finding f = finding(Severity.LOW);
    assertEquals(f.fingerprint("A"), finding(Severity.HIGH).fingerprint("A"));
    assertEquals(16, f.fingerprint("A").length());
    org.junit.jupiter.api.Assertions.assertNotEquals(f.fingerprint("A"), f.fingerprint("B"));
  }
}

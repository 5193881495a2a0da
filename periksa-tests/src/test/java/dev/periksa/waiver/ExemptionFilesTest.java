package dev.periksa.waiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.Attestation;
import dev.periksa.regulation.Catalogue;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Waiver and attestation files: what is read, and every malformed kind refused with its entry. */
class ExemptionFilesTest {
  private static final Path W = Path.of("w.yaml");
  private static final Path A = Path.of("a.yaml");
  private final ExemptionFiles files =
      new ExemptionFiles(Catalogue.standard(), LocalDate.of(2026, 11, 29));

  static final String GOOD =
      """
      waivers:
        - requirement: AUT-4
          target: "t"
          justification: "retired soon"
          approver: "CISO"
          expires: 2027-06-30
        - check: STO-4.web-server
          target: "t"
          fingerprint: "0123456789abcdef"
          justification: "j"
          approver: "a"
          expires: "2021-09-30"
      """;

  @Test
  void readsRequirementAndCheckWaivers() throws Exception {
    List<Waiver> w = files.waivers(W, GOOD);
    assertEquals(2, w.size());
    assertEquals("AUT-4", w.get(0).requirement());
    assertNull(w.get(0).fingerprint());
    assertEquals(LocalDate.of(2027, 6, 30), w.get(0).expires());
    assertEquals("STO-4.web-server", w.get(1).check());
    assertEquals("0123456789abcdef", w.get(1).fingerprint());
    assertTrue(w.get(0).currentOn(LocalDate.of(2027, 6, 30)), "the expiry day still counts");
    assertTrue(!w.get(0).currentOn(LocalDate.of(2027, 7, 1)));
  }

  @Test
  void theShippedDemoFilesAreValid() throws Exception {
    ExemptionFiles today = new ExemptionFiles(Catalogue.standard(), ExemptionFiles.today());
    assertEquals(2, today.waivers(Path.of("targets/demo-waivers.yaml")).size());
    List<Attestation> a = today.attestations(Path.of("targets/demo-attestations.yaml"));
    assertEquals(List.of("breach-notification"), a.get(0).covers());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "YAML error|waivers: [ {requirement: AUT-4|not valid YAML at line",
        "unknown field|waivers: [{requirement: AUT-4, target: t, justification: j, approver: a,"
            + " expires: 2027-01-01, expiry: 2027-01-01}]|waivers[0] (requirement AUT-4, target t):"
            + " unknown field 'expiry'",
        "no expiry|waivers: [{requirement: AUT-4, target: t, justification: j, approver: a}]"
            + "|waivers[0] (requirement AUT-4, target t): missing field 'expires'",
        "missing approver|waivers: [{requirement: AUT-4, target: t, justification: j, expires:"
            + " 2027-01-01}]|missing field 'approver'",
        "bad date|waivers: [{requirement: AUT-4, target: t, justification: j, approver: a,"
            + " expires: 30/06/2027}]|expires must be a date YYYY-MM-DD",
        "impossible date|waivers: [{requirement: AUT-4, target: t, justification: j, approver: a,"
            + " expires: 2027-02-30}]|expires is not a real date",
        "unknown check|waivers: [{check: STO-9.nothing, target: t, justification: j, approver: a,"
            + " expires: 2027-01-01}]|unknown check id 'STO-9.nothing'",
        "unknown requirement|waivers: [{requirement: XYZ-9, target: t, justification: j, approver:"
            + " a, expires: 2027-01-01}]|unknown requirement id 'XYZ-9'",
        "both check and requirement|waivers: [{requirement: AUT-4, check: AUT-4.login-throttling,"
            + " target: t, justification: j, approver: a, expires: 2027-01-01}]|exactly one of",
        "bad fingerprint|waivers: [{requirement: AUT-4, target: t, fingerprint: xyz,"
            + " justification: j, approver: a, expires: 2027-01-01}]|fingerprint must be the 16 hex",
        "no list|waiver: []|unknown field 'waiver'",
      })
  void malformedWaiverFilesAreRefusedNamingTheEntry(String kind, String text, String message) {
    ExemptionFileException e =
        assertThrows(ExemptionFileException.class, () -> files.waivers(W, text));
    assertTrue(e.getMessage().startsWith("w.yaml"), e.getMessage());
    assertTrue(e.getMessage().contains(message), kind + ": " + e.getMessage());
  }

  @Test
  void readsAttestations() throws Exception {
    List<Attestation> a =
        files.attestations(
            A,
            """
            attestations:
              - requirement: GOV-1
                target: t
                covers: [breach-notification, security-contact]
                statement: runbook
                attestedBy: {name: N, role: DPO}
                date: 2026-01-01
            """);
    assertEquals(List.of("breach-notification", "security-contact"), a.get(0).covers());
    assertNull(a.get(0).expires());
    assertEquals("N (DPO)", a.get(0).by());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "probe requirement|attestations: [{requirement: STO-1, target: t, statement: s,"
            + " attestedBy: {name: n, role: r}, date: 2026-01-01}]|STO-1 is verified by probes",
        "no role|attestations: [{requirement: GOV-1, target: t, statement: s, attestedBy: {name:"
            + " n}, date: 2026-01-01}]|missing field 'role'",
        "no attester|attestations: [{requirement: GOV-1, target: t, statement: s, date:"
            + " 2026-01-01}]|missing field 'attestedBy'",
        "future date|attestations: [{requirement: GOV-1, target: t, statement: s, attestedBy:"
            + " {name: n, role: r}, date: 2030-01-01}]|is in the future",
        "expiry before date|attestations: [{requirement: GOV-1, target: t, statement: s,"
            + " attestedBy: {name: n, role: r}, date: 2026-01-01, expires: 2025-01-01}]|is before",
        "unknown aspect|attestations: [{requirement: GOV-1, target: t, covers: [fire-drill],"
            + " statement: s, attestedBy: {name: n, role: r}, date: 2026-01-01}]|unknown aspect",
        "unknown requirement|attestations: [{requirement: GOV-7, target: t, statement: s,"
            + " attestedBy: {name: n, role: r}, date: 2026-01-01}]|attestations[0] (requirement"
            + " GOV-7, target t): unknown requirement id 'GOV-7'",
        "unknown field|attestations: [{requirement: GOV-1, target: t, statement: s, attestedBy:"
            + " {name: n, role: r}, date: 2026-01-01, signedBy: x}]|unknown field 'signedBy'",
      })
  void malformedAttestationFilesAreRefused(String kind, String text, String message) {
    ExemptionFileException e =
        assertThrows(ExemptionFileException.class, () -> files.attestations(A, text));
    assertTrue(e.getMessage().contains(message), kind + ": " + e.getMessage());
  }
}

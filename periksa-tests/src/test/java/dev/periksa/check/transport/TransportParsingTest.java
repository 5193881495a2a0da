package dev.periksa.check.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.testing.TestCertificates;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** HSTS header parsing and the certificate name rules, on values rather than servers. */
class TransportParsingTest {

  @Test
  void hstsMaxAgeIsReadAsRfc6797Says() {
    assertEquals(
        OptionalLong.of(31536000),
        HttpsEnforcedCheck.Hsts.maxAge("max-age=31536000; includeSubDomains"));
    assertEquals(OptionalLong.of(63072000), HttpsEnforcedCheck.Hsts.maxAge("MAX-AGE=\"63072000\""));
    assertEquals(
        OptionalLong.of(0), HttpsEnforcedCheck.Hsts.maxAge("includeSubDomains; max-age=0"));
    assertEquals(OptionalLong.empty(), HttpsEnforcedCheck.Hsts.maxAge(""));
    assertEquals(OptionalLong.empty(), HttpsEnforcedCheck.Hsts.maxAge("includeSubDomains"));
    assertEquals(OptionalLong.empty(), HttpsEnforcedCheck.Hsts.maxAge("max-age=soon"));
    assertEquals(OptionalLong.empty(), HttpsEnforcedCheck.Hsts.maxAge("max-age=1; max-age=2"));
  }

  @Test
  void dnsNamesMatchExactlyOrByOneWildcardLabel() {
    assertTrue(CertificateAssessment.dnsMatches("portal.ehac.lab", "portal.ehac.lab"));
    assertTrue(CertificateAssessment.dnsMatches("*.ehac.lab", "portal.ehac.lab"));
    assertFalse(CertificateAssessment.dnsMatches("*.ehac.lab", "a.portal.ehac.lab"));
    assertFalse(CertificateAssessment.dnsMatches("*.lab", "ehac.lab"), "no wildcard on a TLD");
    assertFalse(CertificateAssessment.dnsMatches("portal.ehac.lab", "ehac.lab"));
  }

  @Test
  void addressesMatchOnlyIpEntriesAndNamesOnlyDnsEntries() throws Exception {
    var c =
        TestCertificates.leaf("127.0.0.5")
            .dns("portal.ehac.lab")
            .ip("127.0.0.3")
            .build()
            .certificate();
    assertTrue(CertificateAssessment.namesHost(c, "127.0.0.3"));
    assertTrue(CertificateAssessment.namesHost(c, "PORTAL.ehac.lab"));
    assertFalse(CertificateAssessment.namesHost(c, "127.0.0.5"), "the common name is not read");
    assertFalse(CertificateAssessment.namesHost(c, "127.0.0.2"));
  }
}

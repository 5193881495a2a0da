package dev.periksa.check.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.transport.TlsPolicy.Grade;
import dev.periksa.evidence.Severity;
import dev.periksa.probe.CipherSuite;
import dev.periksa.probe.CipherSuites;
import dev.periksa.probe.TlsVersion;
import org.junit.jupiter.api.Test;

/** The TLS-1 policy on the IANA registry's names. */
class TlsPolicyTest {

  private static TlsPolicy.Judgement judge(String name) {
    CipherSuite s =
        CipherSuites.all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    return TlsPolicy.suite(s);
  }

  @Test
  void theRegistryHoldsTheOldAndTheNew() {
    assertTrue(CipherSuites.all().size() > 300, "suites: " + CipherSuites.all().size());
    assertEquals("TLS_RSA_WITH_NULL_MD5", CipherSuites.byCode(0x0001).orElseThrow().name());
    assertEquals("TLS_AES_128_GCM_SHA256", CipherSuites.byCode(0x1301).orElseThrow().name());
    assertTrue(CipherSuites.byCode(0x00ff).isEmpty(), "signalling values are not suites");
    assertTrue(CipherSuites.tls13().stream().allMatch(CipherSuite::tls13));
  }

  @Test
  void namesAreSplitIntoKeyExchangeCipherAndMac() {
    CipherSuite s = CipherSuites.byCode(0xC02F).orElseThrow();
    assertEquals("ECDHE_RSA", s.keyExchange());
    assertEquals("AES_128_GCM", s.cipher());
    assertEquals("SHA256", s.mac());
    assertEquals(CipherSuite.Authentication.RSA, s.authentication());
    CipherSuite ccm = CipherSuites.byCode(0xC0AE).orElseThrow();
    assertEquals("AES_128_CCM_8", ccm.cipher());
    assertEquals("", ccm.mac());
    assertEquals(CipherSuite.Authentication.ECDSA, ccm.authentication());
    CipherSuite export = CipherSuites.byCode(0x0003).orElseThrow();
    assertEquals("RSA_EXPORT", export.keyExchange());
    assertEquals("RC4_40", export.cipher());
    assertEquals("MD5", export.mac());
    assertEquals("0x0003", export.hex());
    assertEquals(
        CipherSuite.Authentication.NONE,
        CipherSuites.byCode(0xC018).orElseThrow().authentication());
  }

  @Test
  void versionsBelowTls12AreWeak() {
    assertEquals(Grade.WEAK, TlsPolicy.version(TlsVersion.SSL_3_0).grade());
    assertEquals(Severity.HIGH, TlsPolicy.version(TlsVersion.SSL_3_0).severity());
    assertEquals(Grade.WEAK, TlsPolicy.version(TlsVersion.TLS_1_0).grade());
    assertEquals(Grade.WEAK, TlsPolicy.version(TlsVersion.TLS_1_1).grade());
    assertEquals(Grade.RECOMMENDED, TlsPolicy.version(TlsVersion.TLS_1_2).grade());
    assertEquals(Grade.RECOMMENDED, TlsPolicy.version(TlsVersion.TLS_1_3).grade());
  }

  @Test
  void brokenSuitesAreWeakAndHigh() {
    for (String name :
        new String[] {
          "TLS_RSA_WITH_NULL_SHA",
          "TLS_ECDHE_RSA_WITH_NULL_SHA",
          "TLS_DH_anon_WITH_AES_128_CBC_SHA",
          "TLS_ECDH_anon_WITH_AES_256_CBC_SHA",
          "TLS_RSA_EXPORT_WITH_RC4_40_MD5",
          "TLS_RSA_WITH_RC4_128_SHA",
          "TLS_ECDHE_RSA_WITH_RC4_128_SHA",
          "TLS_RSA_WITH_DES_CBC_SHA",
          "TLS_RSA_WITH_RC4_128_MD5"
        }) {
      TlsPolicy.Judgement j = judge(name);
      assertEquals(Grade.WEAK, j.grade(), name);
      assertEquals(Severity.HIGH, j.severity(), name);
    }
  }

  @Test
  void unlistedCiphersNoForwardSecrecyAndDssAreWeak() {
    for (String name :
        new String[] {
          "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
          "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA",
          "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA",
          "TLS_ECDHE_RSA_WITH_ARIA_256_GCM_SHA384",
          "TLS_RSA_WITH_SEED_CBC_SHA",
          "TLS_RSA_WITH_IDEA_CBC_SHA",
          "TLS_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_RSA_WITH_AES_256_CBC_SHA",
          "TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_DHE_DSS_WITH_AES_128_GCM_SHA256",
          "TLS_PSK_WITH_AES_128_GCM_SHA256",
          "TLS_SHA256_SHA256"
        }) {
      TlsPolicy.Judgement j = judge(name);
      assertEquals(Grade.WEAK, j.grade(), name);
      assertEquals(Severity.MEDIUM, j.severity(), name);
    }
    assertEquals("no forward secrecy", judge("TLS_RSA_WITH_AES_128_GCM_SHA256").category());
    assertEquals("CAMELLIA", judge("TLS_RSA_WITH_CAMELLIA_128_CBC_SHA").category());
  }

  @Test
  void cbcWithForwardSecrecyIsAllowedButNotRecommended() {
    for (String name :
        new String[] {
          "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
          "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
          "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8",
          "TLS_AES_128_CCM_8_SHA256"
        }) {
      assertEquals(Grade.NOT_RECOMMENDED, judge(name).grade(), name);
    }
  }

  @Test
  void forwardSecretAeadSuitesAreRecommended() {
    for (String name :
        new String[] {
          "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
          "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
          "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
          "TLS_ECDHE_ECDSA_WITH_AES_256_CCM",
          "TLS_AES_128_GCM_SHA256",
          "TLS_AES_256_GCM_SHA384",
          "TLS_CHACHA20_POLY1305_SHA256",
          "TLS_AES_128_CCM_SHA256"
        }) {
      assertEquals(Grade.RECOMMENDED, judge(name).grade(), name);
    }
  }
}

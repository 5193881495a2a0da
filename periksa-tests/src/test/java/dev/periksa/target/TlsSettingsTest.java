package dev.periksa.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile's {@code tls} section: CAs to trust, read and checked when the profile loads. */
class TlsSettingsTest {
  @TempDir Path dir;

  private final ProfileLoader loader =
      new ProfileLoader(Map.of("CA", "ca.pem", "HOST", "127.0.0.3")::get);

  private static String profile(String tls) {
    return """
        name: lab
        scope:
          hosts: ["${HOST}"]
        endpoints:
          - name: portal
            kind: web
            url: "https://${HOST}:8443"
        """
        + tls;
  }

  private Path write(String yaml) throws Exception {
    Path p = dir.resolve("target.yaml");
    Files.writeString(p, yaml);
    return p;
  }

  private String error(String yaml) throws Exception {
    Path p = write(yaml);
    ProfileException e = assertThrows(ProfileException.class, () -> loader.load(p));
    return e.getMessage().substring(p.toString().length() + 2);
  }

  @Test
  void withoutATlsSectionOnlyTheJdkTrustStoreCounts() throws Exception {
    TargetProfile t = loader.load(write(profile("")));
    assertEquals(TlsSettings.NONE, t.tls());
  }

  @Test
  void readsTheCasNamedRelativeToTheProfile() throws Exception {
    TestCertificates.Issued ca = TestCertificates.ca("Profile CA");
    ca.writeCertificate(dir.resolve("ca.pem"));
    TargetProfile t = loader.load(write(profile("tls:\n  trust: [\"${CA}\"]\n")));
    assertEquals(1, t.tls().trustedCas().size());
    assertEquals(ca.certificate(), t.tls().trustedCas().get(0));
    assertEquals(dir.resolve("ca.pem"), t.tls().trust().get(0));
    assertEquals(t.tls(), t.only("web").tls(), "a copy for one kind keeps the CAs");
  }

  @Test
  void aMissingFileIsRefusedWithItsField() throws Exception {
    assertEquals(
        "tls.trust[0]: no such file: nowhere.pem",
        error(profile("tls:\n  trust: [nowhere.pem]\n")));
  }

  @Test
  void aFileWithoutACertificateIsRefused() throws Exception {
    Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
    String e = error(profile("tls:\n  trust: [\"${CA}\"]\n"));
    assertTrue(e.startsWith("tls.trust[0]: ca.pem "), e);
  }

  @Test
  void unknownKeysAreRefused() throws Exception {
    assertEquals(
        "tls.verify: unknown key (allowed here: trust)", error(profile("tls:\n  verify: false\n")));
  }
}

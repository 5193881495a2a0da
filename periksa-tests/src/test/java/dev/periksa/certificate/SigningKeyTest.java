package dev.periksa.certificate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {
  @TempDir Path dir;

  @Test
  void aThrowawayKeySignsAndOnlyItsOwnPublicKeyVerifies() {
    SigningKey k = SigningKey.throwaway();
    byte[] data = "payload".getBytes(StandardCharsets.UTF_8);
    byte[] sig = k.sign(data);
    assertEquals(64, sig.length);
    assertTrue(SigningKey.verify(k.publicKey(), data, sig));
    assertFalse(SigningKey.verify(k.publicKey(), "payloae".getBytes(StandardCharsets.UTF_8), sig));
    assertFalse(SigningKey.verify(SigningKey.throwaway().publicKey(), data, sig));
    assertEquals(SigningKey.Origin.THROWAWAY, k.origin());
    assertTrue(k.fingerprint().matches("SHA256:[0-9a-f]{64}"), k.fingerprint());
  }

  @Test
  void aPkcs8PemFileGivesTheSameKeyAndItsPublicHalfIsDerived() throws Exception {
    KeyPair kp = SigningKey.generate();
    Path f = dir.resolve("k.pem");
    Files.writeString(f, SigningKey.pem("PRIVATE KEY", kp.getPrivate().getEncoded()));
    SigningKey k = SigningKey.load(f, null);
    assertEquals(SigningKey.Origin.PROVIDED, k.origin());
    assertArrayEquals(kp.getPublic().getEncoded(), k.publicKey().getEncoded());
    byte[] data = {1, 2, 3};
    assertTrue(SigningKey.verify(kp.getPublic(), data, k.sign(data)));
  }

  @Test
  void theEnvironmentVariableMayHoldThePemOrItsBase64Body() throws Exception {
    KeyPair kp = SigningKey.generate();
    String pem = SigningKey.pem("PRIVATE KEY", kp.getPrivate().getEncoded());
    String body = java.util.Base64.getEncoder().encodeToString(kp.getPrivate().getEncoded());
    assertArrayEquals(
        kp.getPublic().getEncoded(), SigningKey.load(null, pem).publicKey().getEncoded());
    assertArrayEquals(
        kp.getPublic().getEncoded(), SigningKey.load(null, body).publicKey().getEncoded());
  }

  @Test
  void aFileWinsOverTheEnvironmentAndNeitherMeansNoKey() throws Exception {
    KeyPair a = SigningKey.generate();
    KeyPair b = SigningKey.generate();
    Path f = dir.resolve("a.pem");
    Files.writeString(f, SigningKey.pem("PRIVATE KEY", a.getPrivate().getEncoded()));
    String env = SigningKey.pem("PRIVATE KEY", b.getPrivate().getEncoded());
    assertArrayEquals(a.getPublic().getEncoded(), SigningKey.load(f, env).publicKey().getEncoded());
    assertNull(SigningKey.load(null, null));
    assertNull(SigningKey.load(null, "  "));
  }

  @Test
  void anOpensslKeyLoads() throws Exception {
    Path f = dir.resolve("openssl.pem");
    Process p =
        new ProcessBuilder("openssl", "genpkey", "-algorithm", "ed25519", "-out", f.toString())
            .redirectErrorStream(true)
            .start();
    org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "openssl is not installed");
    SigningKey k = SigningKey.load(f, null);
    Process pub =
        new ProcessBuilder("openssl", "pkey", "-in", f.toString(), "-pubout", "-outform", "DER")
            .start();
    byte[] der = pub.getInputStream().readAllBytes();
    assertEquals(0, pub.waitFor());
    assertArrayEquals(der, k.publicKey().getEncoded(), "the derived public key is openssl's");
  }

  @Test
  void badKeysAreRefusedWithAMessageThatNamesTheSourceAndNotTheKey() throws Exception {
    Path missing = dir.resolve("none.pem");
    assertTrue(
        assertThrows(SigningKey.KeyException.class, () -> SigningKey.load(missing, null))
            .getMessage()
            .contains("none.pem: cannot be read"));
    Path garbage = dir.resolve("g.pem");
    Files.writeString(garbage, "not a key");
    assertTrue(
        assertThrows(SigningKey.KeyException.class, () -> SigningKey.load(garbage, null))
            .getMessage()
            .contains("no PEM block"));
    Path pub = dir.resolve("pub.pem");
    Files.writeString(
        pub, SigningKey.pem("PUBLIC KEY", SigningKey.throwaway().publicKey().getEncoded()));
    assertTrue(
        assertThrows(SigningKey.KeyException.class, () -> SigningKey.load(pub, null))
            .getMessage()
            .contains("a PUBLIC KEY block"));
    Path enc = dir.resolve("enc.pem");
    Files.writeString(
        enc, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
    assertTrue(
        assertThrows(SigningKey.KeyException.class, () -> SigningKey.load(enc, null))
            .getMessage()
            .contains("encrypted keys are not supported"));
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    String rsaPem = SigningKey.pem("PRIVATE KEY", rsa.generateKeyPair().getPrivate().getEncoded());
    SigningKey.KeyException e =
        assertThrows(SigningKey.KeyException.class, () -> SigningKey.load(null, rsaPem));
    assertEquals(SigningKey.ENV + ": not an Ed25519 PKCS#8 private key", e.getMessage());
    assertThrows(SigningKey.KeyException.class, () -> SigningKey.load(null, "!!!notbase64"));
  }

  @Test
  void aPublicKeyPemReadsBack() throws Exception {
    SigningKey k = SigningKey.throwaway();
    String pem = SigningKey.pem("PUBLIC KEY", k.publicKey().getEncoded());
    assertArrayEquals(k.publicKey().getEncoded(), SigningKey.publicFromPem(pem, "x").getEncoded());
    assertThrows(
        SigningKey.KeyException.class,
        () -> SigningKey.publicFromPem(pem.replace("PUBLIC", "PRIVATE"), "x"));
  }
}

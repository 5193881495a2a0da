package dev.periksa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.certificate.SigningKey;
import dev.periksa.result.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keygen, verify's usage errors and scan's refusal of a bad signing key, without a lab. */
class CertificateCommandsTest {
  @TempDir Path dir;

  @Test
  void keygenWritesAPrivateKeyOnlyItsOwnerReadsAndItsPublicKey() throws Exception {
    Path keys = dir.resolve("keys");
    assertEquals(ExitCodes.CERTIFIED, Main.execute("keygen", "--out", keys.toString()));
    Path priv = keys.resolve(KeygenCommand.PRIVATE);
    Path pub = keys.resolve(KeygenCommand.PUBLIC);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(priv)));
    assertTrue(Files.readString(priv).startsWith("-----BEGIN PRIVATE KEY-----\n"));
    SigningKey k = SigningKey.load(priv, null);
    assertEquals(
        k.fingerprint(),
        SigningKey.fingerprint(SigningKey.publicFromPem(Files.readString(pub), "pub")));
    assertEquals(
        ExitCodes.USAGE, Main.execute("keygen", "--out", keys.toString()), "never overwrites");
  }

  @Test
  void verifyRefusesAMissingFolderOrABadPublicKeyWith64() throws Exception {
    assertEquals(ExitCodes.USAGE, Main.execute("verify", dir.resolve("none").toString()));
    Path bad = dir.resolve("bad.pem");
    Files.writeString(bad, "no key here");
    assertEquals(
        ExitCodes.USAGE, Main.execute("verify", dir.toString(), "--public-key", bad.toString()));
    assertEquals(ExitCodes.USAGE, Main.execute("verify"));
  }

  @Test
  void verifyOfAFolderWithoutACertificateIsAltered() {
    assertEquals(ExitCodes.FAILED, Main.execute("verify", dir.toString()));
  }

  @Test
  void aBadSigningKeyStopsTheScanWith64BeforeAnythingIsWritten() throws Exception {
    Path profile = dir.resolve("p.yaml");
    Files.writeString(
        profile,
        "name: p\nscope:\n  hosts: [127.0.0.7]\nendpoints:\n"
            + "  - name: search\n    kind: search\n    url: \"http://127.0.0.7:9\"\n");
    Path key = dir.resolve("rsa.pem");
    Files.writeString(
        key, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    Path out = dir.resolve("run");
    assertEquals(
        ExitCodes.USAGE,
        Main.execute(
            "scan",
            "--target",
            profile.toString(),
            "--signing-key",
            key.toString(),
            "--out",
            out.toString()));
    assertFalse(Files.exists(out), "nothing probed, nothing written");
    assertEquals(
        ExitCodes.USAGE,
        Main.execute(
            "scan",
            "--target",
            profile.toString(),
            "--signing-key",
            dir.resolve("missing.pem").toString(),
            "--out",
            out.toString()));
    assertFalse(Files.exists(out));
  }
}

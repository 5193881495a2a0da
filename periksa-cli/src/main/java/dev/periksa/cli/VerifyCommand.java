package dev.periksa.cli;

import dev.periksa.certificate.CertificateVerifier;
import dev.periksa.certificate.Certificates;
import dev.periksa.certificate.SigningKey;
import dev.periksa.result.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code periksa verify}: check a run folder against its signed certificate. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check a run folder against its certificate.json: the signature, every file",
      "of the manifest, and every evidence hash and outcome against results.json.",
      "Names each thing altered. Exits 0 when intact, 1 when something was",
      "altered, 64 on a usage error."
    })
final class VerifyCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "DIR", description = "The run folder.")
  Path dir;

  @Option(
      names = "--public-key",
      paramLabel = "FILE",
      description =
          "The signer's public key (PEM, -----BEGIN PUBLIC KEY-----); the certificate must be"
              + " signed with it. Without it the key embedded in the certificate is used.")
  Path publicKey;

  @Override
  public Integer call() {
    if (!Files.isDirectory(dir)) {
      Main.ERR.println("error: " + dir + ": not a folder");
      return ExitCodes.USAGE;
    }
    PublicKey pinned = null;
    if (publicKey != null) {
      try {
        pinned =
            SigningKey.publicFromPem(
                Files.readString(publicKey, StandardCharsets.US_ASCII),
                "--public-key " + publicKey);
      } catch (SigningKey.KeyException e) {
        Main.ERR.println("error: " + e.getMessage());
        return ExitCodes.USAGE;
      } catch (IOException | RuntimeException e) {
        Main.ERR.println("error: --public-key " + publicKey + ": cannot be read (" + e + ")");
        return ExitCodes.USAGE;
      }
    }
    long t0 = System.nanoTime();
    CertificateVerifier.Report r;
    try {
      r = CertificateVerifier.verify(dir, pinned);
    } catch (IOException e) {
      Main.ERR.println("error: " + dir + ": cannot be read (" + e.getMessage() + ")");
      return ExitCodes.USAGE;
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    Main.OUT.println("Verifying " + dir.resolve(Certificates.FILE));
    if (r.fingerprint() != null) {
      if (pinned != null) {
        Main.OUT.println(
            "  key: Ed25519 "
                + r.fingerprint()
                + (r.intact() || r.fingerprint().equals(SigningKey.fingerprint(pinned))
                    ? ", the pinned key (--public-key)"
                    : ", NOT the pinned key " + SigningKey.fingerprint(pinned)));
      } else {
        Main.OUT.println(
            "  key: Ed25519 "
                + r.fingerprint()
                + ", the one embedded in the certificate: not pinned, so anyone could re-sign an"
                + " altered run with a key of their own (pin it with --public-key FILE)");
      }
    }
    if ("throwaway".equals(r.keyOrigin())) {
      Main.OUT.println(
          "  key origin: throwaway (made for that run): proves integrity only, not who produced it");
    } else if (r.keyOrigin() != null) {
      Main.OUT.println("  key origin: " + r.keyOrigin());
    }
    Main.OUT.printf(
        "  checked: signature, %d files of the manifest, %d evidence hashes (%d ms)%n",
        r.files(), r.evidence(), ms);
    if (r.intact()) {
      Main.OUT.println("INTACT: the run folder is exactly as certified.");
      return ExitCodes.CERTIFIED;
    }
    Main.OUT.println("ALTERED: " + r.problems().size() + " problem(s)");
    for (String p : r.problems()) {
      Main.OUT.println("  - " + p);
    }
    return ExitCodes.FAILED;
  }
}

package dev.periksa.cli;

import dev.periksa.certificate.SigningKey;
import dev.periksa.result.ExitCodes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code periksa keygen}: make an Ed25519 key pair for signing certificates. */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = {
      "Make an Ed25519 key pair for signing certificates: DIR/periksa-signing.pem",
      "(PKCS#8, private, mode 0600) and DIR/periksa-signing.pub.pem (for",
      "periksa verify --public-key)."
    })
final class KeygenCommand implements Callable<Integer> {
  static final String PRIVATE = "periksa-signing.pem";
  static final String PUBLIC = "periksa-signing.pub.pem";

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write.")
  Path out;

  @Override
  public Integer call() {
    Path priv = out.resolve(PRIVATE);
    Path pub = out.resolve(PUBLIC);
    if (Files.exists(priv) || Files.exists(pub)) {
      Main.ERR.println("error: " + out + " already holds a key; not overwriting it");
      return ExitCodes.USAGE;
    }
    KeyPair kp = SigningKey.generate();
    try {
      Files.createDirectories(out);
      writePrivate(priv, SigningKey.pem("PRIVATE KEY", kp.getPrivate().getEncoded()));
      Files.writeString(
          pub,
          SigningKey.pem("PUBLIC KEY", kp.getPublic().getEncoded()),
          StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException e) {
      Main.ERR.println("error: " + e.getFile() + " already exists; not overwriting it");
      return ExitCodes.USAGE;
    } catch (IOException e) {
      Main.ERR.println("error: " + out + ": cannot write the key (" + e.getMessage() + ")");
      return ExitCodes.USAGE;
    }
    Main.OUT.println("Private key: " + priv + " (keep it secret; mode 0600)");
    Main.OUT.println("Public key:  " + pub + " (give it to whoever verifies)");
    Main.OUT.println("Fingerprint: " + SigningKey.fingerprint(kp.getPublic()));
    Main.OUT.println(
        "Sign with: periksa scan --signing-key "
            + priv
            + " ...   Verify with: periksa verify DIR --public-key "
            + pub);
    return ExitCodes.CERTIFIED;
  }

  /** Created with mode 0600 from the start, so the key is never readable by others. */
  private static void writePrivate(Path file, String pem) throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (posix) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
    try (OutputStream o = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
      o.write(pem.getBytes(StandardCharsets.US_ASCII));
    }
  }
}

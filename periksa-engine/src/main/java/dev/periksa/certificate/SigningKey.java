package dev.periksa.certificate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Ed25519 key that signs certificates, with the JDK's own providers only: read from a PKCS#8 PEM
 * file or {@value #ENV}, or made for one run (a throwaway key, never written anywhere).
 */
public final class SigningKey {
  /** The environment variable holding the PEM (or its base64 body). */
  public static final String ENV = "PERIKSA_SIGNING_KEY";

  public static final String ALGORITHM = "Ed25519";

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");

  /** Where a key came from, as the certificate's {@code keyOrigin} says. */
  public enum Origin {
    /** A key the user gave (file or environment): it can prove who signed. */
    PROVIDED,
    /** Made for this run and forgotten: it proves integrity only. */
    THROWAWAY;

    public String json() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A key that cannot be used; the message names the source, never the key's bytes. */
  public static final class KeyException extends IOException {
    private static final long serialVersionUID = 1L;

    public KeyException(String message) {
      super(message);
    }
  }

  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final Origin origin;

  private SigningKey(PrivateKey privateKey, PublicKey publicKey, Origin origin) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.origin = origin;
  }

  /** A fresh key for one run; only its public half ever leaves memory. */
  public static SigningKey throwaway() {
    KeyPair kp = generate();
    return new SigningKey(kp.getPrivate(), kp.getPublic(), Origin.THROWAWAY);
  }

  /** A fresh key pair, for {@code periksa keygen}. */
  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
  }

  /**
   * The key the user named: {@code file} if given, else the environment variable's value if set,
   * else null (the caller then makes a throwaway key).
   */
  public static SigningKey load(Path file, String envValue) throws KeyException {
    if (file != null) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.US_ASCII);
      } catch (IOException | RuntimeException e) {
        throw new KeyException("--signing-key " + file + ": cannot be read (" + e + ")");
      }
      return fromPem(text, "--signing-key " + file);
    }
    if (envValue != null && !envValue.isBlank()) {
      String v = envValue.trim();
      if (!v.contains("-----BEGIN")) {
        v = "-----BEGIN PRIVATE KEY-----\n" + v + "\n-----END PRIVATE KEY-----\n";
      }
      return fromPem(v, ENV);
    }
    return null;
  }

  /** A PKCS#8 PEM private key; {@code where} names its source in messages. */
  public static SigningKey fromPem(String text, String where) throws KeyException {
    byte[] der = pemBody(text, "PRIVATE KEY", where);
    PrivateKey priv;
    try {
      priv = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new KeyException(where + ": not an Ed25519 PKCS#8 private key");
    }
    PublicKey pub = publicOf(priv, where);
    return new SigningKey(priv, pub, Origin.PROVIDED);
  }

  /** An X.509 SubjectPublicKeyInfo PEM ({@code -----BEGIN PUBLIC KEY-----}) of an Ed25519 key. */
  public static PublicKey publicFromPem(String text, String where) throws KeyException {
    byte[] der = pemBody(text, "PUBLIC KEY", where);
    return publicFromDer(der, where);
  }

  /** An X.509 SubjectPublicKeyInfo of an Ed25519 key. */
  public static PublicKey publicFromDer(byte[] der, String where) throws KeyException {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new KeyException(where + ": not an Ed25519 public key");
    }
  }

  private static byte[] pemBody(String text, String type, String where) throws KeyException {
    Matcher m = PEM.matcher(text == null ? "" : text);
    if (!m.find()) {
      throw new KeyException(where + ": no PEM block (expected -----BEGIN " + type + "-----)");
    }
    if (!m.group(1).equals(type)) {
      String hint =
          m.group(1).startsWith("ENCRYPTED")
              ? "; encrypted keys are not supported, export it unencrypted (openssl pkey)"
              : "; convert it with: openssl pkey -in KEY -out key.pem";
      throw new KeyException(
          where + ": a " + m.group(1) + " block, expected -----BEGIN " + type + "-----" + hint);
    }
    try {
      return Base64.getMimeDecoder().decode(m.group(2).trim());
    } catch (IllegalArgumentException e) {
      throw new KeyException(where + ": the PEM body is not base64");
    }
  }

  /**
   * The public half of a PKCS#8 Ed25519 key. The JDK has no public API for it, but its key pair
   * generator derives the public key from 32 random bytes: fed the private key's own bytes, it
   * derives that key's public half.
   */
  private static PublicKey publicOf(PrivateKey priv, String where) throws KeyException {
    byte[] seed =
        ((EdECPrivateKey) priv)
            .getBytes()
            .orElseThrow(() -> new KeyException(where + ": the private key hides its bytes"));
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(ALGORITHM);
      g.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
      KeyPair kp = g.generateKeyPair();
      byte[] again = ((EdECPrivateKey) kp.getPrivate()).getBytes().orElse(new byte[0]);
      if (!Arrays.equals(again, seed)) {
        throw new KeyException(where + ": could not derive the public key");
      }
      byte[] probe = "periksa".getBytes(StandardCharsets.US_ASCII);
      if (!verify(kp.getPublic(), probe, sign(priv, probe))) {
        throw new KeyException(where + ": the derived public key does not match");
      }
      return kp.getPublic();
    } catch (GeneralSecurityException e) {
      throw new KeyException(where + ": could not derive the public key (" + e + ")");
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** Hands out the given bytes once, so the key generator rebuilds a known key. */
  private static final class FixedBytes extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] bytes;
    private boolean used;

    FixedBytes(byte[] bytes) {
      this.bytes = bytes.clone();
    }

    @Override
    public void nextBytes(byte[] out) {
      if (used || out.length != bytes.length) {
        throw new IllegalStateException("unexpected use of the seed");
      }
      System.arraycopy(bytes, 0, out, 0, out.length);
      Arrays.fill(bytes, (byte) 0);
      used = true;
    }
  }

  public byte[] sign(byte[] data) {
    try {
      return sign(privateKey, data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  private static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
    Signature s = Signature.getInstance(ALGORITHM);
    s.initSign(key);
    s.update(data);
    return s.sign();
  }

  /** Whether {@code signature} is {@code key}'s Ed25519 signature of {@code data}. */
  public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initVerify(key);
      s.update(data);
      return s.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public Origin origin() {
    return origin;
  }

  /** {@code SHA256:} and the hex SHA-256 of the key's X.509 SubjectPublicKeyInfo (DER). */
  public static String fingerprint(PublicKey key) {
    try {
      return "SHA256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String fingerprint() {
    return fingerprint(publicKey);
  }

  /** A PEM block with 64-character lines. */
  public static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  @Override
  public String toString() {
    return "Ed25519 key " + fingerprint() + " (" + origin.json() + ")";
  }
}

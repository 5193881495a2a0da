package dev.periksa.lab;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * What a lab service gets to start with: addresses, a folder, TLS, secrets, progress output.
 *
 * <p>Services start side by side ({@link Lab#start}), each with its own view of one context ({@link
 * #withProgress}): the views share the options, the folder, the lab CA and the secrets, and every
 * one of these is safe to use from several threads at once. The options are immutable; a secret is
 * made once, atomically, whichever service asks first ({@link ConcurrentHashMap#computeIfAbsent}),
 * so every service gets the same {@code secret("hardened")}; {@link LabCertificates} only reads the
 * CA's key and certificate and draws from a {@link SecureRandom}, which is thread-safe. Only the
 * progress output is the view's own.
 */
public final class LabContext {
  private final Lab.Options options;
  private final Path dir;
  private final LabCertificates certificates;
  private final Consumer<String> progress;
  private final Map<String, String> secrets;
  private final SecureRandom random;

  LabContext(
      Lab.Options options, Path dir, LabCertificates certificates, Consumer<String> progress) {
    this(options, dir, certificates, progress, new ConcurrentHashMap<>(), new SecureRandom());
  }

  private LabContext(
      Lab.Options options,
      Path dir,
      LabCertificates certificates,
      Consumer<String> progress,
      Map<String, String> secrets,
      SecureRandom random) {
    this.options = options;
    this.dir = dir;
    this.certificates = certificates;
    this.progress = progress;
    this.secrets = secrets;
    this.random = random;
  }

  /**
   * The same context (options, folder, lab CA, secrets) with progress lines going elsewhere: the
   * lab hands each service one whose lines it holds back until the service is up, so that services
   * starting side by side never mix their lines.
   */
  LabContext withProgress(Consumer<String> lines) {
    return new LabContext(options, dir, certificates, lines, secrets, random);
  }

  public String legacyHost() {
    return options.legacyHost();
  }

  public String hardenedHost() {
    return options.hardenedHost();
  }

  public String internalHost() {
    return options.internalHost();
  }

  /** Synthetic travellers the search cluster holds; other stores hold a smaller share. */
  public int records() {
    return options.records();
  }

  /** A folder of the lab's own, removed when the lab stops. */
  public Path dir() {
    return dir;
  }

  public void progress(String line) {
    progress.accept(line);
  }

  /** A server TLS context (TLS 1.2/1.3 only is up to the server) with a lab-CA certificate. */
  public SSLContext serverTls(String dnsName, String ip)
      throws java.security.GeneralSecurityException {
    return certificates.serverContext(dnsName, ip);
  }

  /**
   * The same server certificate as {@link #serverTls}, in a context that trusts only the lab CA for
   * client certificates: behind {@link TlsRelay#requiringClientCertificates}, only the lab's
   * partner systems ({@link #partnerTls}) complete a handshake.
   */
  public SSLContext serverTlsForPartners(String dnsName, String ip)
      throws java.security.GeneralSecurityException {
    return certificates.partnerServerContext(dnsName, ip);
  }

  /** A partner system's client context: a lab-CA client certificate named {@code name}. */
  SSLContext partnerTls(String name) throws java.security.GeneralSecurityException {
    return certificates.clientContext(name);
  }

  /**
   * The same kind of server certificate as {@link #serverTls}, as a PKCS12 key store whose entry
   * "server" is protected by {@code password}, for servers configured with key material.
   */
  public java.security.KeyStore serverKeyStore(String dnsName, String ip, char[] password)
      throws java.security.GeneralSecurityException {
    return certificates.serverKeyStore(dnsName, ip, password);
  }

  /** A server's private key and certificate chain as PEM files. */
  public record PemFiles(Path key, Path certificate) {}

  /**
   * The same kind of server certificate as {@link #serverTls}, written as PEM files under the lab's
   * folder (name-key.pem, name-chain.pem), for servers configured with files such as nginx.
   */
  public PemFiles serverPem(String name, String dnsName, String ip)
      throws java.security.GeneralSecurityException, java.io.IOException {
    return certificates.writeServerPem(dir.resolve("tls"), name, dnsName, ip);
  }

  /**
   * A legacy server's certificate, as PEM files: self-signed, expired, issued to {@code otherName}
   * rather than the server's address, with a 1024-bit RSA key and a SHA-1 signature.
   */
  public PemFiles legacyPem(String name, String otherName)
      throws java.security.GeneralSecurityException, java.io.IOException {
    return certificates.writeLegacyPem(dir.resolve("tls"), name, otherName);
  }

  /** The lab CA certificate file (PEM). */
  public Path caCertificate() {
    return dir.resolve("lab-ca.pem");
  }

  /**
   * A throwaway secret made once per lab start under this name (the same name gives the same
   * secret). Never print it; hand it to profiles through the lab's variables.
   */
  public String secret(String name) {
    return secrets.computeIfAbsent(
        name,
        n -> {
          byte[] b = new byte[18];
          random.nextBytes(b);
          return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        });
  }

  /** The user name every hardened service accepts (with {@code secret("hardened")}). */
  public static final String HARDENED_USER = "ehac-reader";
}

package dev.periksa.lab;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway certificate authority for the lab and server certificates it signs. Made fresh at
 * every lab start; the CA certificate is written to the lab folder so a browser or client can trust
 * it.
 */
final class LabCertificates {
  /** How long the lab CA and its server certificates are valid: beyond TLS-2's 30-day warning. */
  static final Duration VALIDITY = Duration.ofDays(90);

  private final KeyPair caKeys;
  private final X509Certificate ca;
  private final SecureRandom random = new SecureRandom();

  LabCertificates() throws GeneralSecurityException {
    caKeys = ecKeys();
    X500Name name = new X500Name("CN=Periksa Lab CA, O=Periksa lab (synthetic)");
    Instant now = Instant.now();
    X509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            name,
            serial(),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(VALIDITY)),
            name,
            caKeys.getPublic());
    try {
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      b.addExtension(
          Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      ca = new JcaX509CertificateConverter().getCertificate(b.build(signer(caKeys)));
    } catch (IOException | OperatorCreationException e) {
      throw new GeneralSecurityException("cannot make the lab CA", e);
    }
  }

  X509Certificate ca() {
    return ca;
  }

  void writeCaPem(Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file);
        JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(ca);
    }
  }

  /** A TLS 1.2/1.3 server context whose certificate names the host (DNS name and IP address). */
  SSLContext serverContext(String dnsName, String ip) throws GeneralSecurityException {
    return context(serverKeyStore(dnsName, ip, new char[0]), null);
  }

  /**
   * The same server context, trusting the lab CA alone for client certificates: for a server that
   * demands one ({@link TlsRelay#requiringClientCertificates}), only the lab's partners get in.
   */
  SSLContext partnerServerContext(String dnsName, String ip) throws GeneralSecurityException {
    return context(serverKeyStore(dnsName, ip, new char[0]), caTrust());
  }

  /**
   * A client context for one of the lab's partner systems: a lab-CA client certificate (CN {@code
   * name}, client authentication only) and the lab CA as the only trusted issuer.
   */
  SSLContext clientContext(String name) throws GeneralSecurityException {
    return context(
        leaf(new X500Name("CN=" + name), null, KeyPurposeId.id_kp_clientAuth, new char[0]),
        caTrust());
  }

  private SSLContext context(KeyStore keys, TrustManagerFactory trust)
      throws GeneralSecurityException {
    char[] pass = new char[0];
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, pass);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), random);
    return ctx;
  }

  private TrustManagerFactory caTrust() throws GeneralSecurityException {
    KeyStore ks = emptyStore();
    ks.setCertificateEntry("lab-ca", ca);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    return tmf;
  }

  /**
   * The same kind of server certificate as a PKCS12 key store (entry "server"), for servers that
   * take key material rather than an {@link SSLContext} (Spring Boot's SSL bundles).
   */
  KeyStore serverKeyStore(String dnsName, String ip, char[] pass) throws GeneralSecurityException {
    return leaf(
        new X500Name("CN=" + dnsName),
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.dNSName, dnsName),
              new GeneralName(GeneralName.iPAddress, ip)
            }),
        KeyPurposeId.id_kp_serverAuth,
        pass);
  }

  /** A lab-CA leaf certificate and its key in a PKCS12 key store, entry "server". */
  private KeyStore leaf(X500Name subject, GeneralNames names, KeyPurposeId purpose, char[] pass)
      throws GeneralSecurityException {
    KeyPair keys = ecKeys();
    Instant now = Instant.now();
    X509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            ca,
            serial(),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(VALIDITY)),
            subject,
            keys.getPublic());
    X509Certificate leaf;
    try {
      if (names != null) {
        b.addExtension(Extension.subjectAlternativeName, false, names);
      }
      b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      leaf = new JcaX509CertificateConverter().getCertificate(b.build(signer(caKeys)));
    } catch (IOException | OperatorCreationException e) {
      throw new GeneralSecurityException("cannot make a lab certificate", e);
    }
    KeyStore ks = emptyStore();
    ks.setKeyEntry("server", keys.getPrivate(), pass, new X509Certificate[] {leaf, ca});
    return ks;
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try {
      ks.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    return ks;
  }

  /**
   * A lab-CA server certificate naming the host, as PEM files for servers configured with files
   * (nginx): the key (readable by its owner only) and the chain, leaf then CA.
   */
  LabContext.PemFiles writeServerPem(Path dir, String name, String dnsName, String ip)
      throws GeneralSecurityException, IOException {
    KeyStore ks = serverKeyStore(dnsName, ip, new char[0]);
    java.security.PrivateKey key = (java.security.PrivateKey) ks.getKey("server", new char[0]);
    java.security.cert.Certificate[] chain = ks.getCertificateChain("server");
    return writePem(dir, name, key, chain);
  }

  /**
   * A certificate with every flaw TLS-2 looks for, as PEM files: self-signed, expired a month ago,
   * issued to another name than the server's address, a 1024-bit RSA key and a SHA-1 signature.
   */
  LabContext.PemFiles writeLegacyPem(Path dir, String name, String otherName)
      throws GeneralSecurityException, IOException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(1024, random);
    KeyPair keys = g.generateKeyPair();
    X500Name subject = new X500Name("CN=" + otherName + ", O=e-HAC (synthetic lab)");
    Instant now = Instant.now();
    X509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            subject,
            serial(),
            Date.from(now.minus(Duration.ofDays(400))),
            Date.from(now.minus(Duration.ofDays(30))),
            subject,
            keys.getPublic());
    X509Certificate cert;
    try {
      b.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(new GeneralName(GeneralName.dNSName, otherName)));
      cert =
          new JcaX509CertificateConverter()
              .getCertificate(
                  b.build(new JcaContentSignerBuilder("SHA1withRSA").build(keys.getPrivate())));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot make the legacy certificate", e);
    }
    return writePem(dir, name, keys.getPrivate(), new java.security.cert.Certificate[] {cert});
  }

  private static LabContext.PemFiles writePem(
      Path dir, String name, java.security.PrivateKey key, java.security.cert.Certificate[] chain)
      throws IOException {
    Files.createDirectories(dir);
    Path keyFile = dir.resolve(name + "-key.pem");
    Path certFile = dir.resolve(name + "-chain.pem");
    Files.deleteIfExists(keyFile);
    Files.createFile(
        keyFile,
        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    // PKCS#8, the form every OpenSSL reads whatever provider made the key.
    Files.writeString(
        keyFile,
        "-----BEGIN PRIVATE KEY-----\n"
            + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(key.getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    try (Writer w = Files.newBufferedWriter(certFile);
        JcaPEMWriter pem = new JcaPEMWriter(w)) {
      for (java.security.cert.Certificate c : chain) {
        pem.writeObject(c);
      }
    }
    return new LabContext.PemFiles(keyFile, certFile);
  }

  private ContentSigner signer(KeyPair keys) throws OperatorCreationException {
    return new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
  }

  private BigInteger serial() {
    return new BigInteger(64, random).abs().add(BigInteger.ONE);
  }

  private KeyPair ecKeys() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), random);
    return g.generateKeyPair();
  }
}

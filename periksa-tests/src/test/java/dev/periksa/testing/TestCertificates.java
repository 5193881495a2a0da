package dev.periksa.testing;

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
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates for TLS tests, made with Bouncy Castle: a throwaway CA and server certificates with
 * exactly the flaw a test needs (expired, self-signed, another name, a small key, a SHA-1
 * signature), as a JSSE server context or as PEM files for nginx.
 */
public final class TestCertificates {
  private static final SecureRandom RANDOM = new SecureRandom();

  private TestCertificates() {}

  /** A key pair, its certificate, and the chain a server sends (leaf first). */
  public record Issued(KeyPair keys, X509Certificate certificate, List<X509Certificate> chain) {

    /** A TLS server context presenting this certificate and its chain. */
    public SSLContext serverContext() throws GeneralSecurityException, IOException {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(
          "server", keys.getPrivate(), new char[0], chain.toArray(new X509Certificate[0]));
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, new char[0]);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, RANDOM);
      return ctx;
    }

    /** Writes name-key.pem and name-chain.pem into dir; returns {key, chain}. */
    public Path[] writePem(Path dir, String name) throws IOException {
      Path key = dir.resolve(name + "-key.pem");
      Path cert = dir.resolve(name + "-chain.pem");
      Files.writeString(
          key,
          "-----BEGIN PRIVATE KEY-----\n"
              + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                  .encodeToString(keys.getPrivate().getEncoded())
              + "\n-----END PRIVATE KEY-----\n");
      try (Writer w = Files.newBufferedWriter(cert);
          JcaPEMWriter pem = new JcaPEMWriter(w)) {
        for (X509Certificate c : chain) {
          pem.writeObject(c);
        }
      }
      return new Path[] {key, cert};
    }

    /** Writes the certificate alone as PEM (for a profile's tls.trust). */
    public Path writeCertificate(Path file) throws IOException {
      try (Writer w = Files.newBufferedWriter(file);
          JcaPEMWriter pem = new JcaPEMWriter(w)) {
        pem.writeObject(certificate);
      }
      return file;
    }
  }

  /** A CA valid from an hour ago for 90 days. */
  public static Issued ca(String name) throws GeneralSecurityException {
    return leaf(name).ca().build();
  }

  public static Builder leaf(String commonName) {
    return new Builder(commonName);
  }

  /** What a test certificate should be like; by default a sound EC P-256 server certificate. */
  public static final class Builder {
    private final String commonName;
    private final List<GeneralName> names = new ArrayList<>();
    private Issued issuer;
    private Instant notBefore = Instant.now().minus(Duration.ofHours(1));
    private Instant notAfter = Instant.now().plus(Duration.ofDays(90));
    private String keyAlgorithm = "EC";
    private int rsaBits = 2048;
    private String curve = "secp256r1";
    private String signature;
    private boolean ca;

    private Builder(String commonName) {
      this.commonName = commonName;
    }

    /** Signed by this CA; without one the certificate is self-signed. */
    public Builder issuedBy(Issued ca) {
      this.issuer = ca;
      return this;
    }

    public Builder dns(String name) {
      names.add(new GeneralName(GeneralName.dNSName, name));
      return this;
    }

    public Builder ip(String address) {
      names.add(new GeneralName(GeneralName.iPAddress, address));
      return this;
    }

    public Builder valid(Instant from, Instant until) {
      this.notBefore = from;
      this.notAfter = until;
      return this;
    }

    public Builder rsa(int bits) {
      this.keyAlgorithm = "RSA";
      this.rsaBits = bits;
      return this;
    }

    public Builder ec(String curveName) {
      this.keyAlgorithm = "EC";
      this.curve = curveName;
      return this;
    }

    /** The signature algorithm of the issuer's (or own) key, e.g. "SHA1withRSA". */
    public Builder signature(String algorithm) {
      this.signature = algorithm;
      return this;
    }

    Builder ca() {
      this.ca = true;
      return this;
    }

    public Issued build() throws GeneralSecurityException {
      KeyPair keys;
      if (keyAlgorithm.equals("RSA")) {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(rsaBits, RANDOM);
        keys = g.generateKeyPair();
      } else {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve), RANDOM);
        keys = g.generateKeyPair();
      }
      X500Name subject = new X500Name("CN=" + commonName + ", O=Periksa tests");
      X500Name issuerName =
          issuer == null
              ? subject
              : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
      KeyPair signer = issuer == null ? keys : issuer.keys();
      String alg =
          signature != null
              ? signature
              : signer.getPublic().getAlgorithm().equals("RSA")
                  ? "SHA256withRSA"
                  : "SHA256withECDSA";
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              issuerName,
              new BigInteger(64, RANDOM).abs().add(BigInteger.ONE),
              Date.from(notBefore),
              Date.from(notAfter),
              subject,
              keys.getPublic());
      try {
        if (ca) {
          b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
          b.addExtension(
              Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        }
        if (!names.isEmpty()) {
          b.addExtension(
              Extension.subjectAlternativeName,
              false,
              new GeneralNames(names.toArray(new GeneralName[0])));
        }
        X509Certificate cert =
            new JcaX509CertificateConverter()
                .getCertificate(
                    b.build(new JcaContentSignerBuilder(alg).build(signer.getPrivate())));
        List<X509Certificate> chain = new ArrayList<>(List.of(cert));
        if (issuer != null) {
          chain.addAll(issuer.chain());
        }
        return new Issued(keys, cert, chain);
      } catch (IOException | org.bouncycastle.operator.OperatorCreationException e) {
        throw new GeneralSecurityException("cannot make a test certificate", e);
      }
    }
  }
}

package dev.periksa.probe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

/**
 * Builds the ClientHello records a TLS scan sends: one version, a chosen list of suites by their
 * IANA codes, and the extensions a server needs to choose among them (server name, groups, point
 * formats, signature algorithms; for TLS 1.3 also supported_versions and an X25519 key share). The
 * hello is never followed up: the scan only reads what the server answers.
 */
final class TlsHello {

  /** Groups offered: the common elliptic curves first, then finite-field groups (RFC 7919). */
  static final int[] GROUPS = {
    0x001d, // x25519
    0x0017, // secp256r1
    0x0018, // secp384r1
    0x0019, // secp521r1
    0x001e, // x448
    0x0016, // secp256k1
    0x001a, // brainpoolP256r1
    0x001b, // brainpoolP384r1
    0x001c, // brainpoolP512r1
    0x000e, // sect571r1
    0x000d, // sect571k1
    0x000b, // sect409k1
    0x000c, // sect409r1
    0x0009, // sect283k1
    0x000a, // sect283r1
    0x0100, // ffdhe2048
    0x0101, // ffdhe3072
    0x0102, // ffdhe4096
    0x0103, // ffdhe6144
    0x0104 // ffdhe8192
  };

  /**
   * Signature schemes offered, old ones included, so that a server holding a SHA-1, DSA or small
   * RSA certificate still answers and the certificate can be judged.
   */
  static final int[] SIGNATURE_SCHEMES = {
    0x0403,
    0x0503,
    0x0603, // ecdsa with SHA-256/384/512
    0x0807,
    0x0808, // ed25519, ed448
    0x0804,
    0x0805,
    0x0806, // rsa_pss_rsae
    0x0809,
    0x080a,
    0x080b, // rsa_pss_pss
    0x0401,
    0x0501,
    0x0601, // rsa_pkcs1
    0x0303,
    0x0301,
    0x0302, // SHA-224 variants
    0x0402,
    0x0502,
    0x0602, // dsa
    0x0201,
    0x0203,
    0x0202 // SHA-1 variants
  };

  static final int X25519 = 0x001d;
  static final int EMPTY_RENEGOTIATION_INFO_SCSV = 0x00ff;

  private TlsHello() {}

  /**
   * One ClientHello record.
   *
   * @param host the server's name, sent as SNI unless it is an IP address
   */
  static byte[] record(
      TlsVersion version, List<CipherSuite> suites, String host, SecureRandom rnd) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    boolean tls13 = version == TlsVersion.TLS_1_3;
    u16(body, tls13 ? TlsVersion.TLS_1_2.code() : version.code());
    body.writeBytes(bytes(rnd, 32));
    if (tls13) {
      // A session id of 32 bytes keeps middleboxes that expect TLS 1.2 out of the way.
      body.write(32);
      body.writeBytes(bytes(rnd, 32));
    } else {
      body.write(0);
    }
    ByteArrayOutputStream cs = new ByteArrayOutputStream();
    for (CipherSuite s : suites) {
      u16(cs, s.code());
    }
    if (!tls13) {
      u16(cs, EMPTY_RENEGOTIATION_INFO_SCSV);
    }
    u16(body, cs.size());
    body.writeBytes(cs.toByteArray());
    body.write(1); // compression methods: null only
    body.write(0);
    if (version != TlsVersion.SSL_3_0) {
      byte[] ext = extensions(version, host, rnd);
      u16(body, ext.length);
      body.writeBytes(ext);
    }
    byte[] b = body.toByteArray();
    ByteArrayOutputStream hs = new ByteArrayOutputStream();
    hs.write(1); // client_hello
    u24(hs, b.length);
    hs.writeBytes(b);
    byte[] h = hs.toByteArray();
    ByteArrayOutputStream rec = new ByteArrayOutputStream();
    rec.write(22); // handshake
    u16(rec, version == TlsVersion.SSL_3_0 ? 0x0300 : 0x0301);
    u16(rec, h.length);
    rec.writeBytes(h);
    return rec.toByteArray();
  }

  private static byte[] extensions(TlsVersion version, String host, SecureRandom rnd) {
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    if (host != null && !isIpLiteral(host)) {
      byte[] name = host.getBytes(StandardCharsets.US_ASCII);
      ByteArrayOutputStream sni = new ByteArrayOutputStream();
      u16(sni, name.length + 3);
      sni.write(0); // host_name
      u16(sni, name.length);
      sni.writeBytes(name);
      extension(e, 0x0000, sni.toByteArray());
    }
    ByteArrayOutputStream groups = new ByteArrayOutputStream();
    u16(groups, GROUPS.length * 2);
    for (int g : GROUPS) {
      u16(groups, g);
    }
    extension(e, 0x000a, groups.toByteArray());
    extension(e, 0x000b, new byte[] {1, 0}); // ec_point_formats: uncompressed
    if (version.code() >= TlsVersion.TLS_1_2.code()) {
      ByteArrayOutputStream sig = new ByteArrayOutputStream();
      u16(sig, SIGNATURE_SCHEMES.length * 2);
      for (int s : SIGNATURE_SCHEMES) {
        u16(sig, s);
      }
      extension(e, 0x000d, sig.toByteArray());
    }
    if (version == TlsVersion.TLS_1_3) {
      extension(e, 0x002b, new byte[] {2, 0x03, 0x04}); // supported_versions: TLS 1.3 only
      ByteArrayOutputStream share = new ByteArrayOutputStream();
      u16(share, 2 + 2 + 32);
      u16(share, X25519);
      u16(share, 32);
      // Any 32 bytes are an X25519 public value; the handshake is never finished.
      share.writeBytes(bytes(rnd, 32));
      extension(e, 0x0033, share.toByteArray());
      extension(e, 0x002d, new byte[] {1, 1}); // psk_key_exchange_modes: psk_dhe_ke
    }
    return e.toByteArray();
  }

  static boolean isIpLiteral(String host) {
    return host.contains(":") || host.matches("[0-9.]+");
  }

  private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
    u16(out, type);
    u16(out, data.length);
    out.writeBytes(data);
  }

  private static byte[] bytes(SecureRandom rnd, int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }

  static void u16(ByteArrayOutputStream out, int v) {
    out.write((v >>> 8) & 0xff);
    out.write(v & 0xff);
  }

  static void u24(ByteArrayOutputStream out, int v) {
    out.write((v >>> 16) & 0xff);
    out.write((v >>> 8) & 0xff);
    out.write(v & 0xff);
  }
}

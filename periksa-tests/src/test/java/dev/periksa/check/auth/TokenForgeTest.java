package dev.periksa.check.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Crafting attack tokens from a captured one. */
class TokenForgeTest {
  private static final byte[] STRONG = "0123456789abcdef0123456789abcdef".getBytes();

  static JWTClaimsSet claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer("https://ehac.lab/api")
        .subject("traveller-a")
        .claim("role", "traveller")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(900)))
        .build();
  }

  static String hs256(JWTClaimsSet c, byte[] secret) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), c);
    jwt.sign(new MACSigner(secret));
    return jwt.serialize();
  }

  @Test
  void parsesASignedTokenIntoItsPartsAndClaims() throws Exception {
    String token = hs256(claims(), STRONG);
    TokenForge.Captured t = TokenForge.parse(token).orElseThrow();
    assertEquals("HS256", t.alg());
    assertTrue(t.isHmac());
    assertEquals("traveller-a", t.claims().getSubject());
    assertEquals(
        java.util.Set.of("iss", "sub", "role", "iat", "exp"), java.util.Set.copyOf(t.claimNames()));
    assertEquals("JWT", t.headerFields().get("typ"));
    String[] parts = token.split("\\.");
    assertArrayEquals(
        (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), t.signingInput());
    assertEquals(parts[2], t.signature().toString());
  }

  @Test
  void refusesWhatIsNotASignedJwt() {
    assertTrue(TokenForge.parse("opaque-session-id-1234").isEmpty());
    assertTrue(TokenForge.parse(null).isEmpty());
    assertTrue(TokenForge.parse(TokenForge.unsigned("none", claims())).isEmpty());
    assertTrue(
        TokenForge.parse("eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln").isEmpty(), "payload not JSON");
    assertTrue(TokenForge.looksLikeJwt(TokenForge.unsigned("none", claims())));
    assertFalse(TokenForge.looksLikeJwt("abc.def.ghi"));
  }

  @Test
  void unsignedTokensCarryTheClaimsAnEmptySignatureAndTheAskedSpelling() throws Exception {
    for (String alg : List.of("none", "None", "NONE")) {
      String t = TokenForge.unsigned(alg, claims());
      assertTrue(t.endsWith("."), t);
      String[] parts = t.split("\\.", -1);
      assertEquals(3, parts.length);
      assertEquals("", parts[2]);
      Map<String, Object> h = JSONObjectUtils.parse(new Base64URL(parts[0]).decodeToString());
      assertEquals(Map.of("alg", alg, "typ", "JWT"), h);
      assertEquals(
          "traveller-a", JWTClaimsSet.parse(new Base64URL(parts[1]).decodeToString()).getSubject());
    }
  }

  @Test
  void aTamperedTokenKeepsTheHeaderAndSignatureAndNoLongerVerifies() throws Exception {
    String token = hs256(claims(), STRONG);
    TokenForge.Captured t = TokenForge.parse(token).orElseThrow();
    String forged =
        TokenForge.tampered(t, new JWTClaimsSet.Builder(t.claims()).subject("traveller-b").build());
    String[] a = token.split("\\.");
    String[] b = forged.split("\\.");
    assertEquals(a[0], b[0]);
    assertEquals(a[2], b[2]);
    SignedJWT parsed = SignedJWT.parse(forged);
    assertEquals("traveller-b", parsed.getJWTClaimsSet().getSubject());
    assertEquals("traveller", parsed.getJWTClaimsSet().getStringClaim("role"));
    assertFalse(parsed.verify(new MACVerifier(STRONG)), "the old signature no longer matches");
  }

  @Test
  void aResignedTokenVerifiesUnderAShortSecretNimbusWouldRefuseToSignWith() throws Exception {
    byte[] weak = "secret".getBytes(StandardCharsets.UTF_8);
    TokenForge.Captured t = TokenForge.parse(hs256(claims(), STRONG)).orElseThrow();
    JWTClaimsSet expired =
        new JWTClaimsSet.Builder(t.claims())
            .expirationTime(Date.from(Instant.now().minusSeconds(3600)))
            .build();
    String forged = TokenForge.resigned(t, expired, weak);
    TokenForge.Captured f = TokenForge.parse(forged).orElseThrow();
    assertEquals(t.header(), f.header());
    assertArrayEquals(
        TokenForge.hmac("HmacSHA256", weak, f.signingInput()), f.signature().decode());
    assertTrue(f.claims().getExpirationTime().before(new Date()));
    JWTClaimsSet noExp = new JWTClaimsSet.Builder(t.claims()).expirationTime(null).build();
    TokenForge.Captured g = TokenForge.parse(TokenForge.resigned(t, noExp, weak)).orElseThrow();
    assertNull(g.claims().getExpirationTime());
    assertFalse(g.claimNames().contains("exp"));
  }

  @Test
  void keyConfusionSignsHs256WithEachEncodingOfThePublicKey() throws Exception {
    RSAKey rsa = new RSAKeyGenerator(2048).keyID("k1").generate();
    SignedJWT rs =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims());
    rs.sign(new RSASSASigner(rsa));
    TokenForge.Captured t = TokenForge.parse(rs.serialize()).orElseThrow();
    assertFalse(t.isHmac());

    List<TokenForge.KeyEncoding> encs = TokenForge.encodings(rsa.toRSAPublicKey());
    assertEquals(
        List.of(
            "X.509 PEM with trailing newline",
            "X.509 PEM without trailing newline",
            "X.509 DER",
            "PKCS#1 PEM"),
        encs.stream().map(TokenForge.KeyEncoding::name).toList());
    String pem = new String(encs.get(0).bytes(), StandardCharsets.US_ASCII);
    assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\nMIIBIjAN"), pem);
    assertTrue(pem.endsWith("\n-----END PUBLIC KEY-----\n"));
    assertTrue(pem.lines().allMatch(l -> l.length() <= 64));
    assertEquals(pem.stripTrailing(), new String(encs.get(1).bytes(), StandardCharsets.US_ASCII));
    assertArrayEquals(rsa.toRSAPublicKey().getEncoded(), encs.get(2).bytes());
    assertTrue(
        new String(encs.get(3).bytes(), StandardCharsets.US_ASCII)
            .startsWith("-----BEGIN RSA PUBLIC KEY-----\nMIIBCgKCAQEA"));

    for (TokenForge.KeyEncoding enc : encs) {
      SignedJWT c = SignedJWT.parse(TokenForge.confused(t.claims(), enc.bytes(), "k1"));
      assertEquals(JWSAlgorithm.HS256, c.getHeader().getAlgorithm());
      assertEquals("k1", c.getHeader().getKeyID());
      assertTrue(c.verify(new MACVerifier(enc.bytes())), enc.name());
      assertEquals("traveller-a", c.getJWTClaimsSet().getSubject());
    }
  }

  @Test
  void macAlgorithmsAreTheHmacOnesOnly() {
    assertEquals("HmacSHA256", TokenForge.macAlgorithm("HS256").orElseThrow());
    assertEquals("HmacSHA384", TokenForge.macAlgorithm("HS384").orElseThrow());
    assertEquals("HmacSHA512", TokenForge.macAlgorithm("HS512").orElseThrow());
    assertTrue(TokenForge.macAlgorithm("RS256").isEmpty());
    assertTrue(TokenForge.macAlgorithm("none").isEmpty());
  }
}

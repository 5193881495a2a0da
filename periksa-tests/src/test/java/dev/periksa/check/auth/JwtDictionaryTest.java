package dev.periksa.check.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline dictionary on tokens signed with known secrets. */
class JwtDictionaryTest {

  /** A token signed like the lab's legacy API: raw HMAC, whatever the secret's length. */
  static String signed(String alg, String secret) {
    String head =
        com.nimbusds.jose.util.Base64URL.encode("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}")
            .toString();
    String body = TokenForgeTest.claims().toPayload().toBase64URL().toString();
    String mac = TokenForge.macAlgorithm(alg).orElseThrow();
    byte[] sig =
        TokenForge.hmac(
            mac,
            secret.getBytes(StandardCharsets.UTF_8),
            (head + "." + body).getBytes(StandardCharsets.US_ASCII));
    return head + "." + body + "." + com.nimbusds.jose.util.Base64URL.encode(sig);
  }

  @Test
  void theShippedListIsSizeableAndHoldsTheUsualSuspects() {
    JwtDictionary d = JwtDictionary.shipped();
    assertTrue(d.size() >= 500 && d.size() <= 1_500, "size " + d.size());
    List<String> words = JwtDictionary.load(JwtDictionary.WORDLIST);
    for (String w :
        List.of(
            "secret",
            "your-256-bit-secret",
            "changeme",
            "jwt_secret",
            "password",
            "123456",
            "keyboard cat",
            "rahasia")) {
      assertTrue(words.contains(w), w);
    }
    assertFalse(words.stream().anyMatch(w -> w.startsWith("#") || w.isEmpty()));
    assertEquals(words.size(), words.stream().distinct().count());
  }

  @Test
  void findsAShortSecretFromTheList() {
    for (String alg : List.of("HS256", "HS384", "HS512")) {
      TokenForge.Captured t = TokenForge.parse(signed(alg, "secret")).orElseThrow();
      JwtDictionary.Result r = JwtDictionary.shipped().crack(t).orElseThrow();
      assertEquals("secret", r.secret().orElseThrow(), alg);
      assertEquals("s••• (6 characters)", r.masked());
      assertTrue(r.tried() >= 1);
    }
  }

  @Test
  void findsTheLabsSecretWithNimbusSignedTokensToo() throws Exception {
    // A secret of 256 bits or more: nimbus signs it, the dictionary still finds it.
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), TokenForgeTest.claims());
    jwt.sign(new MACSigner("your-256-bit-secret-and-then-some".getBytes(StandardCharsets.UTF_8)));
    JwtDictionary d = JwtDictionary.of(List.of("a", "b", "your-256-bit-secret-and-then-some", "c"));
    JwtDictionary.Result r = d.crack(TokenForge.parse(jwt.serialize()).orElseThrow()).orElseThrow();
    assertEquals("your-256-bit-secret-and-then-some", r.secret().orElseThrow());
    assertEquals(3, r.tried());
    assertEquals("y••• (33 characters)", r.masked());
  }

  @Test
  void aStrongSecretIsNotFoundAndEveryCandidateIsTried() {
    TokenForge.Captured t =
        TokenForge.parse(signed("HS256", "k7$Qv!9zR2m#Xw4pL8sT1bN6yH3dF0gJ")).orElseThrow();
    JwtDictionary.Result r = JwtDictionary.shipped().crack(t).orElseThrow();
    assertTrue(r.secret().isEmpty());
    assertEquals(JwtDictionary.shipped().size(), r.tried());
    assertEquals("", r.masked());
  }

  @Test
  void anRs256TokenHasNoSecretToGuess() throws Exception {
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), TokenForgeTest.claims());
    jwt.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
    assertTrue(
        JwtDictionary.shipped().crack(TokenForge.parse(jwt.serialize()).orElseThrow()).isEmpty());
  }

  @Test
  void emptyCandidatesAreSkippedNotFatal() {
    TokenForge.Captured t = TokenForge.parse(signed("HS256", "x")).orElseThrow();
    JwtDictionary.Result r = JwtDictionary.of(List.of("", "x")).crack(t).orElseThrow();
    assertEquals("x", r.secret().orElseThrow());
  }

  @Test
  void masksShowOnlyTheFirstCharacterAndTheLength() {
    assertEquals("y••• (19 characters)", JwtDictionary.mask("your-256-bit-secret"));
    assertEquals("x••• (1 character)", JwtDictionary.mask("x"));
    assertEquals("•••", JwtDictionary.mask(""));
  }
}

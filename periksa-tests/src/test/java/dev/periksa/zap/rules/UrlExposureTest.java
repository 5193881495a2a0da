package dev.periksa.zap.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.pii.PiiType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What rule 120102 reports about the URLs of an exchange. */
class UrlExposureTest {
  /** A NIK of the lab's structure that is no lab traveller's (district 26 is never generated). */
  private static final String NIK = "3273264508010007";

  private static final String JWT =
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0cmF2ZWxsZXItYSJ9.c2lnbmF0dXJlc2lnbmF0dXJl";

  private static UrlExposure.Offending judge(String url) {
    return UrlExposure.judge(url, UrlExposure.Where.REQUEST_URL, "request");
  }

  @Test
  void aNikInTheRequestUrlIsHighRiskAndMasked() {
    UrlExposure.Offending o =
        judge("http://127.0.0.2:8080/api/v1/verify?nik=" + NIK + "&id=EHAC-1");
    assertNotNull(o);
    assertEquals(Map.of(PiiType.NIK, 1), o.counts());
    assertEquals(HealthRule.RISK_HIGH, o.risk());
    assertEquals("nik", o.param());
    assertEquals("nik=3273••••••••0007", o.evidence());
    assertEquals("http://127.0.0.2:8080/api/v1/verify?nik=3273••••••••0007&id=EHAC-1", o.masked());
  }

  @Test
  void passportAndBpjsNumbersAreIdentityNumbersToo() {
    UrlExposure.Offending passport = judge("http://h/card?no_paspor=B1234567");
    assertEquals(Map.of(PiiType.PASSPORT, 1), passport.counts());
    assertEquals("no_paspor=B•••••••", passport.evidence());
    UrlExposure.Offending bpjs = judge("http://h/card?no_bpjs=0001234567890");
    assertEquals(Map.of(PiiType.BPJS, 1), bpjs.counts());
    assertEquals(HealthRule.RISK_HIGH, bpjs.risk());
  }

  @Test
  void aNumberTheDetectorsAreUnsureOfIsNotReportedButStillMaskedWhenShown() {
    assertNull(judge("http://h/c?q=" + NIK));
    assertEquals("http://h/c?q=3273••••••••0007", UrlExposure.mask("http://h/c?q=" + NIK));
  }

  @Test
  void linksInJsonAndHtmlAndRedirectsAreRead() {
    List<UrlExposure.Offending> json =
        UrlExposure.in(
            "http://h/api/v1/hac/EHAC-1",
            Map.of(),
            "{\"nik\":\"x\",\"verifikasi\":\"/api/v1/verify?nik=" + NIK + "&id=EHAC-1\"}");
    assertEquals(1, json.size());
    assertEquals(UrlExposure.Where.BODY, json.get(0).where());
    List<UrlExposure.Offending> html =
        UrlExposure.in(
            "http://h/", Map.of(), "<a href=\"/card?paspor=B1234567&amp;nik=" + NIK + "\">x</a>");
    assertEquals(1, html.size());
    assertFalse(html.get(0).masked().contains(NIK));
    List<UrlExposure.Offending> redirect =
        UrlExposure.in(
            "http://h/api/v1/search", Map.of("location", List.of("/api/v1/search?nik=" + NIK)), "");
    assertEquals(UrlExposure.Where.HEADER, redirect.get(0).where());
    assertEquals("location header", redirect.get(0).detail());
  }

  @Test
  void tokensInUrlsAreFoundAndMasked() {
    UrlExposure.Offending jwt = judge("http://h/api/v1/me?access_token=" + JWT);
    assertNotNull(jwt);
    assertTrue(jwt.token());
    assertEquals(HealthRule.RISK_MEDIUM, jwt.risk());
    assertFalse(jwt.masked().contains(JWT.substring(20)), jwt.masked());
    UrlExposure.Offending session = judge("http://h/app;jsessionid=A1B2C3D4E5F6A7B8C9D0?x=1");
    assertNotNull(session);
    assertTrue(session.token());
    assertFalse(session.masked().contains("A1B2C3D4E5F6A7B8C9D0"), session.masked());
    UrlExposure.Offending sid = judge("http://h/?sessionid=9f8e7d6c5b4a39281706f5e4d3c2b1a0");
    assertNotNull(sid);
    assertFalse(sid.masked().contains("9f8e7d6c5b4a39281706f5e4d3c2b1a0"));
  }

  @Test
  void orderNumbersPagesOpaqueCodesAndShortFlagsAreNot() {
    assertNull(judge("http://h/orders?order=9912011399990001"));
    assertNull(judge("http://h/api/v1/travellers?page=2&size=20"));
    assertNull(judge("http://h/api/v1/verify/Zx81mQ0aP3kT7uVw9yBc2d"));
    assertNull(judge("http://h/login?token=1"));
    assertNull(judge("http://h/api/v1/travellers/EHAC-00000101"));
    assertTrue(UrlExposure.in("http://h/", Map.of(), "<a href=\"/about\">x</a>").isEmpty());
  }

  @Test
  void anyUrlIsMaskedBeforeItIsShown() {
    assertEquals("http://h/a?x=1", UrlExposure.mask("http://h/a?x=1"));
    assertFalse(UrlExposure.mask("http://h/v?nik=" + NIK).contains(NIK));
    assertFalse(UrlExposure.mask("http://h/t?jwt=" + JWT).contains(JWT));
  }
}

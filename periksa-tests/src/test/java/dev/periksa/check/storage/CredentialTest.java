package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Default-credential lists and how a login is shown: never its password. */
class CredentialTest {

  @Test
  void shippedListsParseAndStayShort() {
    for (String list :
        List.of(
            PostgresExposureCheck.DEFAULTS,
            MySqlExposureCheck.DEFAULTS,
            CouchDbExposureCheck.DEFAULTS)) {
      List<Credential> cs = Credential.list(list);
      assertFalse(cs.isEmpty(), list);
      assertTrue(cs.size() <= 10, list + " must stay short: each line is a login attempt");
    }
    assertTrue(
        Credential.list(PostgresExposureCheck.DEFAULTS)
            .contains(new Credential("postgres", "postgres")));
    assertEquals(new Credential("root", ""), Credential.list(MySqlExposureCheck.DEFAULTS).get(0));
  }

  @Test
  void aLoginIsShownMasked() {
    assertEquals("postgres/••••••", new Credential("postgres", "postgres").masked());
    assertEquals("postgres/••••••", new Credential("postgres", "s3cret").toString());
    assertEquals("root (empty password)", new Credential("root", "").masked());
    assertEquals("postgres (no password)", Credential.withoutPassword("postgres").masked());
  }

  @Test
  void messagesLoseThePassword() {
    Credential c = new Credential("admin", "changeme");
    assertEquals("bad login admin/••••••", c.scrub("bad login admin/changeme"));
    assertEquals("user root", new Credential("root", "root").scrub("user root"));
  }
}

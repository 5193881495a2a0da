package dev.periksa.zap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ZapScanTest {

  private static boolean included(String base, String url) {
    return url.matches(ZapScan.includeRegex(URI.create(base)));
  }

  @Test
  void theContextHoldsTheBaseAndWhatIsBelowItOnly() {
    assertTrue(included("http://127.0.0.2:8080", "http://127.0.0.2:8080/api/v1/x?q=1"));
    assertFalse(included("http://127.0.0.2:8080", "http://127.0.0.2:8081/"));
    assertFalse(included("http://127.0.0.2:8080", "http://127.0.0.2:80801/"));
    assertFalse(included("http://127.0.0.2:8080", "http://127.0.0.20:8080/"));
    assertTrue(included("https://127.0.0.3/app", "https://127.0.0.3/app/x"));
    assertTrue(included("https://127.0.0.3/app", "https://127.0.0.3:443/app?x=1"));
    assertTrue(included("https://127.0.0.3/app", "https://127.0.0.3/app"));
    assertFalse(included("https://127.0.0.3/app", "https://127.0.0.3/application"));
    assertFalse(included("https://127.0.0.3/app", "http://127.0.0.3/app"));
    assertFalse(included("http://127.0.0.2.evil:80/", "http://127.0.0.2/"));
  }

  @Test
  void baseDropsDefaultPortsQueriesAndFragments() {
    assertEquals("https://h/app", ZapScan.base(URI.create("https://h:443/app?x=1#f")));
    assertEquals("http://h:8080/", ZapScan.base(URI.create("http://h:8080")));
  }
}

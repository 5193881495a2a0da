package dev.periksa.zap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.zaproxy.clientapi.core.ClientApi;

class ManagedZapIT {

  @Test
  void startsAnswersAndStops() throws Exception {
    ZapDistribution dist = ZapDistribution.ensure(System.out::println);
    ManagedZap zap = ManagedZap.start(dist, java.util.List.of(), System.out::println);
    long pid = zap.pid();
    try {
      ClientApi api = zap.client();
      assertEquals(ZapDistribution.VERSION, api.core.version().toString());
      Files.readAllLines(zap.home().resolve("zap-console.log")).stream()
          .filter(l -> l.contains("ERROR") || l.contains("WARN"))
          .forEach(l -> System.out.println("ZAP: " + l));
      java.util.List<String> ids = new java.util.ArrayList<>();
      for (var item :
          ((org.zaproxy.clientapi.core.ApiResponseList) api.autoupdate.installedAddons())
              .getItems()) {
        ids.add(((org.zaproxy.clientapi.core.ApiResponseSet) item).getStringValue("id"));
      }
      System.out.println("installed add-ons: " + ids);
      for (String id :
          java.util.List.of("network", "commonlib", "spider", "callhome", "database")) {
        assertTrue(ids.contains(id), id + " not installed: " + ids);
      }
      System.out.printf(
          "start %.1f s, RSS %d MB%n",
          zap.startTime().toMillis() / 1000.0, zap.residentBytes() >> 20);
    } finally {
      zap.close();
    }
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    assertTrue(Files.notExists(zap.home()));
  }
}

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

  /** Kill -9 runs no shutdown hook: ZAP's launcher must notice its parent is gone by itself. */
  @Test
  void zapEndsWhenItsParentIsKilled() throws Exception {
    ZapDistribution dist = ZapDistribution.ensure(System.out::println);
    Process parent =
        new ProcessBuilder(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ZapParent.class.getName(),
                dist.dir().toString())
            .redirectErrorStream(true)
            .start();
    long zapPid = -1;
    try (java.io.BufferedReader r =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                parent.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        System.out.println("[parent] " + line);
        if (line.startsWith("zap-pid ")) {
          zapPid = Long.parseLong(line.substring(8).strip());
          break;
        }
      }
    }
    assertTrue(zapPid > 0, "the parent did not start ZAP");
    ProcessHandle zap = ProcessHandle.of(zapPid).orElseThrow();
    assertTrue(zap.isAlive());
    parent.destroyForcibly().waitFor();
    long t0 = System.nanoTime();
    try {
      zap.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      zap.destroyForcibly();
    }
    System.out.printf(
        "ZAP ended %.1f s after its parent was killed%n", (System.nanoTime() - t0) / 1e9);
    assertFalse(zap.isAlive());
  }
}

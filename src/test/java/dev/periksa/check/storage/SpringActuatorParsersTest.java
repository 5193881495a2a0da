package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.periksa.probe.ProbeResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The actuator reply parsers on replies in Spring Boot 3's formats; the check itself is proven
 * against a real Spring Boot application in {@link SpringActuatorCheckIT}.
 */
class SpringActuatorParsersTest {

  private static ProbeResponse reply(int status, byte[] body) {
    return new ProbeResponse(
        "GET http://h/x", URI.create("http://h/x"), status, Map.of(), body, false, Duration.ZERO);
  }

  private static ProbeResponse reply(int status, String body) {
    return reply(status, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void environmentValuesShownInClearAreCountedNeverKept() throws Exception {
    // management.endpoint.env.show-values=ALWAYS: values in clear.
    String env =
        "{\"activeProfiles\":[\"prod\"],\"defaultProfiles\":[\"default\"],\"propertySources\":["
            + "{\"name\":\"server.ports\",\"properties\":{\"local.server.port\":{\"value\":8080}}},"
            + "{\"name\":\"Config resource 'class path resource [application.properties]'\","
            + "\"properties\":{\"spring.datasource.password\":{\"value\":\"hunter2-very-secret\","
            + "\"origin\":\"class path resource [application.properties] - 3:28\"},"
            + "\"app.name\":{\"value\":\"x\"},\"jwt.secret\":{\"value\":\"******\"}}}]}";
    SpringActuatorCheck.EnvReport r =
        SpringActuatorCheck.EnvReport.of(new ObjectMapper().readTree(env)).orElseThrow();
    assertEquals(List.of("prod"), r.activeProfiles());
    assertEquals(4, r.properties());
    assertEquals(1, r.masked());
    assertEquals(List.of("spring.datasource.password", "jwt.secret"), r.secretNames());
    assertFalse(r.toString().contains("hunter2"));
  }

  @Test
  void onlyTheActuatorsOwnShapesCount() throws Exception {
    String hal =
        "{\"_links\":{\"self\":{\"href\":\"http://h:1/actuator\",\"templated\":false},"
            + "\"env\":{\"href\":\"http://h:1/actuator/env\",\"templated\":false},"
            + "\"env-toMatch\":{\"href\":\"http://h:1/actuator/env/{toMatch}\",\"templated\":true}}}";
    assertEquals(
        List.of("self", "env"),
        List.copyOf(SpringActuatorCheck.hal(reply(200, hal)).orElseThrow().keySet()));
    assertTrue(SpringActuatorCheck.hal(reply(200, "{\"_links\":{}}")).isEmpty());
    assertTrue(SpringActuatorCheck.hal(reply(401, hal)).isEmpty());
    assertTrue(
        SpringActuatorCheck.EnvReport.of(new ObjectMapper().readTree("{\"propertySources\":[]}"))
            .isEmpty());
    assertTrue(
        SpringActuatorCheck.springError(
            reply(
                404,
                "{\"timestamp\":\"2026-01-01T00:00:00.000+00:00\",\"status\":404,"
                    + "\"error\":\"Not Found\",\"path\":\"/actuator/x\"}")));
    assertFalse(SpringActuatorCheck.springError(reply(404, "<html>Not Found</html>")));
  }

  @Test
  void theHeapDumpIsRecognisedByItsHprofHeaderOnly() {
    byte[] head = new byte[32];
    byte[] magic = "JAVA PROFILE 1.0.2".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, head, 0, magic.length);
    head[magic.length + 4] = 8;
    assertEquals("JAVA PROFILE 1.0.2", SpringActuatorCheck.hprof(reply(206, head)).orElseThrow());
    assertTrue(SpringActuatorCheck.hprof(reply(404, head)).isEmpty());
    assertTrue(
        SpringActuatorCheck.hprof(reply(200, "<html>JAVA PROFILE 1.0.2 docs</html>")).isEmpty());
    assertTrue(SpringActuatorCheck.hprof(reply(200, "JAVA PROFILE 1.0.2 without NUL")).isEmpty());
  }
}

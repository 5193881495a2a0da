package dev.periksa.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The actuator's replies in Spring Boot 3's formats; the check and discovery are proven against a
 * real Spring Boot application in {@code SpringActuatorCheckIT} and {@code ActuatorFingerprintIT}.
 */
class ActuatorRepliesTest {

  private static HttpReply reply(int status, byte[] body, boolean complete) {
    return new HttpReply(status, Map.of(), body, complete);
  }

  private static HttpReply reply(int status, String body) {
    return HttpReply.of(status, body);
  }

  @Test
  void environmentValuesShownInClearAreCountedNeverKept() {
    // management.endpoint.env.show-values=ALWAYS: values in clear.
    String env =
        "{\"activeProfiles\":[\"prod\"],\"defaultProfiles\":[\"default\"],\"propertySources\":["
            + "{\"name\":\"server.ports\",\"properties\":{\"local.server.port\":{\"value\":8080}}},"
            + "{\"name\":\"Config resource 'class path resource [application.properties]'\","
            + "\"properties\":{\"spring.datasource.password\":{\"value\":\"hunter2-very-secret\","
            + "\"origin\":\"class path resource [application.properties] - 3:28\"},"
            + "\"app.name\":{\"value\":\"x\"},\"jwt.secret\":{\"value\":\"******\"}}}]}";
    ActuatorReplies.EnvReport r =
        ActuatorReplies.env(
                reply(200, env), n -> n.contains("password") || n.contains("secret"), 30)
            .orElseThrow();
    assertEquals(List.of("prod"), r.activeProfiles());
    assertEquals(4, r.properties());
    assertEquals(1, r.masked());
    assertEquals(List.of("spring.datasource.password", "jwt.secret"), r.secretNames());
    assertFalse(r.toString().contains("hunter2"));
    assertEquals(
        List.of("spring.datasource.password"),
        ActuatorReplies.env(reply(200, env), n -> n.contains("secret") || n.contains("pass"), 1)
            .orElseThrow()
            .secretNames(),
        "at most as many names as asked");
    assertTrue(ActuatorReplies.env(reply(401, env), n -> true, 30).isEmpty());
  }

  @Test
  void onlyTheActuatorsOwnShapesCount() {
    String hal =
        "{\"_links\":{\"self\":{\"href\":\"http://h:1/actuator\",\"templated\":false},"
            + "\"env\":{\"href\":\"http://h:1/actuator/env\",\"templated\":false},"
            + "\"env-toMatch\":{\"href\":\"http://h:1/actuator/env/{toMatch}\",\"templated\":true}}}";
    assertEquals(
        List.of("self", "env"),
        List.copyOf(ActuatorReplies.index(reply(200, hal)).orElseThrow().keySet()));
    assertTrue(ActuatorReplies.identifies(reply(200, hal)));
    assertTrue(ActuatorReplies.index(reply(200, "{\"_links\":{}}")).isEmpty());
    assertTrue(ActuatorReplies.index(reply(401, hal)).isEmpty());
    assertTrue(
        ActuatorReplies.index(
                reply(200, "{\"_links\":{\"self\":{\"href\":\"http://h:1/actuator\"},\"x\":{}}}"))
            .isEmpty(),
        "every link has an href");
    assertTrue(
        ActuatorReplies.index(reply(200, "{\"_links\":{\"self\":{\"href\":\"http://h:1/\"}}}"))
            .isEmpty(),
        "the index links to itself at /actuator");
    assertTrue(
        ActuatorReplies.env(reply(200, "{\"propertySources\":[]}"), n -> true, 30).isEmpty());
    assertTrue(
        ActuatorReplies.springError(
            reply(
                404,
                "{\"timestamp\":\"2026-01-01T00:00:00.000+00:00\",\"status\":404,"
                    + "\"error\":\"Not Found\",\"path\":\"/actuator/x\"}")));
    assertFalse(ActuatorReplies.springError(reply(404, "<html>Not Found</html>")));
  }

  @Test
  void theHeapDumpIsRecognisedByItsHprofHeaderOnly() {
    byte[] head = new byte[32];
    byte[] magic = "JAVA PROFILE 1.0.2".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, head, 0, magic.length);
    head[magic.length + 4] = 8;
    // The check reads 32 bytes of a dump that goes on: a cut reply, read all the same.
    assertEquals(
        "JAVA PROFILE 1.0.2", ActuatorReplies.heapDump(reply(206, head, false)).orElseThrow());
    assertTrue(ActuatorReplies.heapDump(reply(404, head, true)).isEmpty());
    assertTrue(
        ActuatorReplies.heapDump(reply(200, "<html>JAVA PROFILE 1.0.2 docs</html>")).isEmpty());
    assertTrue(ActuatorReplies.heapDump(reply(200, "JAVA PROFILE 1.0.2 without NUL")).isEmpty());
  }
}

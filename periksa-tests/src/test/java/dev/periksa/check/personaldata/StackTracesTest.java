package dev.periksa.check.personaldata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.periksa.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Stack traces as the runtimes print them; a trace in JSON is read unescaped. */
class StackTracesTest {

  private static Optional<String> text(String body) {
    return StackTraces.in(body, Optional.empty());
  }

  @Test
  void aRealJavaTraceIsJavaAlsoInsideJson() throws Exception {
    StringWriter w = new StringWriter();
    try {
      Integer.parseInt("not a number");
    } catch (NumberFormatException e) {
      e.printStackTrace(new PrintWriter(w));
    }
    assertEquals(Optional.of("Java"), text(w.toString()));
    String json = Json.MAPPER.writeValueAsString(Map.of("status", 500, "trace", w.toString()));
    JsonNode j = Json.MAPPER.readTree(json);
    assertEquals(Optional.of("Java"), StackTraces.in(json, Optional.of(j)));
  }

  /** From the Python documentation's tutorial on errors and exceptions. */
  @Test
  void pythonTraceback() {
    assertEquals(
        Optional.of("Python"),
        text(
            "Traceback (most recent call last):\n"
                + "  File \"<stdin>\", line 1, in <module>\n"
                + "ZeroDivisionError: division by zero\n"));
  }

  /** Shaped as .NET's Exception.StackTrace documentation shows it. */
  @Test
  void dotNetTrace() {
    assertEquals(
        Optional.of(".NET"),
        text(
            "System.FormatException: The input string '3174x' was not in a correct format.\n"
                + "   at System.Number.ThrowFormatException(ReadOnlySpan`1 value)\n"
                + "   at Ehac.Api.TravellersController.Get(String id) in"
                + " C:\\src\\Ehac.Api\\TravellersController.cs:line 42\n"));
  }

  /** Shaped as Node.js's Error.stack documentation shows it. */
  @Test
  void nodeTrace() {
    assertEquals(
        Optional.of("Node.js"),
        text(
            "Error: bad id\n"
                + "    at Object.<anonymous> (/home/app/server.js:11:9)\n"
                + "    at Module._compile (node:internal/modules/cjs/loader:1256:14)\n"));
  }

  @Test
  void phpRubyAndGoTraces() {
    assertEquals(
        Optional.of("PHP"),
        text(
            "Stack trace:\n#0 /var/www/api/index.php(12): find('3174')\n"
                + "#1 /var/www/api/router.php(40): handle()\n#2 {main}"));
    assertEquals(
        Optional.of("Ruby"),
        text(
            "app/controllers/travellers_controller.rb:12:in `show'\n"
                + "actionpack/lib/action_controller/metal.rb:227:in `dispatch'\n"));
    assertEquals(Optional.of("Go"), text("panic: bad id\n\ngoroutine 1 [running]:\nmain.main()\n"));
  }

  @Test
  void ordinaryErrorMessagesAreNoTrace() {
    assertEquals(Optional.empty(), text("{\"error\":\"not_found\"}"));
    assertEquals(
        Optional.empty(),
        text("Meet us at Jl. Merdeka (Gate 2) at 10:30, or call the helpdesk at any time."));
    assertEquals(
        Optional.empty(),
        text(
            "{\"error\":\"internal\",\"correlation_id\":\"0b6f1d2e-4c3a-4b5e-9f00-1a2b3c4d5e6f\"}"));
    // One Java-looking frame alone is not enough.
    assertEquals(Optional.empty(), text("see at x.Y.z(Y.java:1) for details"));
  }
}

package dev.periksa.check.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a stack trace in an error reply, by the frame lines each runtime prints: Java (and
 * other JVM languages), Python, .NET, Node.js, PHP, Ruby and Go. A JSON reply is read value by
 * value, so a trace escaped inside a field (Spring Boot's {@code "trace"}) is seen as printed.
 */
final class StackTraces {
  private StackTraces() {}

  private record Runtime(String name, Pattern frame, int needed) {}

  private static final List<Runtime> RUNTIMES =
      List.of(
          new Runtime(
              "Java",
              Pattern.compile(
                  "(?m)^\\s*at (?:[\\w.$-]+/)*[\\w$]+(?:\\.[\\w$<>-]+)+\\((?:[\\w$-]+\\.(?:java|kt|scala|groovy|clj):\\d+|Native Method|Unknown Source)\\)"),
              2),
          new Runtime("Python", Pattern.compile("Traceback \\(most recent call last\\):"), 1),
          new Runtime("Python", Pattern.compile("(?m)^\\s*File \"[^\"]+\", line \\d+, in \\S+"), 2),
          new Runtime(
              ".NET",
              Pattern.compile(
                  "(?m)^\\s*at [\\w.`<>+]+\\.[\\w<>`]+\\([^)\\n]*\\)(?: in [^\\n]+:line \\d+)?\\s*$"),
              2),
          new Runtime(".NET", Pattern.compile("--- End of (?:inner exception )?stack trace"), 1),
          new Runtime(
              "Node.js",
              Pattern.compile(
                  "(?m)^\\s*at (?:[^\\n(]+ \\()?(?:/|[A-Za-z]:\\\\|node:|file://)[^\\n)]*:\\d+:\\d+\\)?\\s*$"),
              2),
          new Runtime(
              "PHP", Pattern.compile("(?m)^#\\d+ (?:/|[A-Za-z]:\\\\)[^\\n]*\\.php\\(\\d+\\): "), 2),
          new Runtime("Ruby", Pattern.compile("(?m)[\\w/.-]+\\.rb:\\d+:in [`'][^'\\n]+'"), 2),
          new Runtime("Go", Pattern.compile("goroutine \\d+ \\[running\\]:"), 1));

  /** The runtime whose stack trace the reply carries, if it carries one. */
  static Optional<String> in(String body, Optional<JsonNode> json) {
    String text = json.map(StackTraces::flatten).orElse(body);
    for (Runtime r : RUNTIMES) {
      Matcher m = r.frame().matcher(text);
      int n = 0;
      while (m.find()) {
        if (++n >= r.needed()) {
          return Optional.of(r.name());
        }
      }
    }
    return Optional.empty();
  }

  /** Every string value of a JSON reply, one after another on their own lines. */
  private static String flatten(JsonNode j) {
    List<String> out = new ArrayList<>();
    collect(j, out);
    return String.join("\n", out);
  }

  private static void collect(JsonNode j, List<String> out) {
    if (j.isTextual()) {
      out.add(j.asText());
    } else if (j.isContainerNode()) {
      for (JsonNode c : j) {
        collect(c, out);
      }
    }
  }
}

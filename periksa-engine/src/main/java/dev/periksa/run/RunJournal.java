package dev.periksa.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.periksa.json.Json;
import dev.periksa.result.Version;
import dev.periksa.target.TargetProfile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's results as they come, so a run that does not end well still leaves a valid record of what
 * finished. At the start, {@code results.json} says the run is INCOMPLETE and names every target
 * waiting; each target's result is appended to {@code targets.jsonl} (one JSON object per line,
 * written whole and flushed) the moment it ends. Interrupted (Ctrl-C, a stop signal), the run
 * rewrites {@code results.json} as INCOMPLETE with the targets that finished and those that did
 * not; killed outright, {@code results.json} still says INCOMPLETE and {@code targets.jsonl} holds
 * every target that finished. A run that ends normally replaces both with the complete {@code
 * results.json} ({@link Outputs}).
 */
final class RunJournal {
  static final String LINES = "targets.jsonl";

  /** One target per line: the run's JSON style without its indentation. */
  private static final ObjectWriter ONE_LINE =
      Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;
  private final Map<String, Object> run;
  private final List<String> names;
  private final BufferedWriter lines;
  private final Thread hook;
  private boolean closed;

  private RunJournal(Path dir, Map<String, Object> run, List<String> names) throws IOException {
    this.dir = dir;
    this.run = run;
    this.names = names;
    this.lines =
        Files.newBufferedWriter(
            dir.resolve(LINES),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    this.hook = new Thread(this::interrupted, "periksa-run-journal");
  }

  /** Starts the journal of a run: an INCOMPLETE results.json naming every target. */
  static RunJournal open(
      Path dir,
      String runId,
      Instant started,
      List<TargetProfile> profiles,
      ScanRunner.Options options)
      throws IOException {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("id", runId);
    run.put("started", started.toString());
    run.put("features", options.features().describe());
    run.put("featureSetHash", options.features().hash());
    if (options.fleet().shard() != null) {
      run.put("shard", options.fleet().shard());
    }
    List<String> names = new ArrayList<>();
    for (TargetProfile p : profiles) {
      names.add(p.name());
    }
    RunJournal j = new RunJournal(dir, run, names);
    j.write(List.of(), "the run is in progress");
    Runtime.getRuntime().addShutdownHook(j.hook);
    return j;
  }

  /** A target ended: its result (results.json's model of it) goes to disk now, as one line. */
  synchronized void finished(int index, Map<String, Object> target) {
    if (closed) {
      return;
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("index", index);
    line.put("target", target);
    try {
      lines.write(ONE_LINE.writeValueAsString(line));
      lines.newLine();
      lines.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("the run's results could not be written", e);
    }
  }

  /** The run ended normally: the complete results.json follows, the journal goes. */
  synchronized void complete() throws IOException {
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook runs and finds the journal closed.
    }
    lines.close();
    Files.deleteIfExists(dir.resolve(LINES));
  }

  /**
   * The run stopped on an error before its outputs: the journal is closed where it stands (an
   * INCOMPLETE results.json and the targets that finished), and no longer waits for the JVM's end.
   */
  synchronized void abandon() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down.
    }
    try {
      lines.close();
      write(read(), "the run stopped on an error before every target finished");
    } catch (IOException | RuntimeException e) {
      // results.json still says INCOMPLETE and the journal keeps what finished.
    }
  }

  /** The JVM is stopping before the run ended: results.json records what finished. */
  private synchronized void interrupted() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      lines.close();
      List<JsonNode> finished = read();
      write(finished, "the run was stopped before every target finished");
      System.err.println(
          "periksa: stopped; "
              + dir.resolve("results.json")
              + " records the "
              + finished.size()
              + " of "
              + names.size()
              + " targets that finished (INCOMPLETE)");
    } catch (IOException | RuntimeException e) {
      // results.json still says INCOMPLETE and the journal keeps what finished.
      System.err.println(
          "periksa: stopped; the targets that finished are in " + dir.resolve(LINES));
    }
  }

  /** The targets the journal holds, in the run's order. */
  private List<JsonNode> read() throws IOException {
    JsonNode[] byIndex = new JsonNode[names.size()];
    for (String l : Files.readAllLines(dir.resolve(LINES), StandardCharsets.UTF_8)) {
      if (l.isBlank()) {
        continue;
      }
      JsonNode n = Json.MAPPER.readTree(l);
      int i = n.path("index").asInt(-1);
      if (i >= 0 && i < byIndex.length) {
        byIndex[i] = n.get("target");
      }
    }
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode n : byIndex) {
      if (n != null) {
        out.add(n);
      }
    }
    return out;
  }

  private void write(List<JsonNode> finished, String why) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("periksa", Map.of("version", Version.periksa()));
    Map<String, Object> r = new LinkedHashMap<>(run);
    r.put("status", "INCOMPLETE");
    r.put("why", why);
    r.put("recorded", Instant.now().toString());
    doc.put("run", r);
    doc.put("targets", finished);
    List<String> notFinished = new ArrayList<>(names);
    for (JsonNode n : finished) {
      notFinished.remove(n.path("name").asText());
    }
    doc.put("notFinished", notFinished);
    Path tmp = dir.resolve("results.json.tmp");
    Files.writeString(tmp, Json.MAPPER.writeValueAsString(doc));
    Files.move(tmp, dir.resolve("results.json"), StandardCopyOption.REPLACE_EXISTING);
  }
}

package dev.periksa.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.periksa.check.Check;
import dev.periksa.check.registry.Checks;
import dev.periksa.json.Json;
import dev.periksa.regulation.Catalogue;
import dev.periksa.report.ResultModel;
import dev.periksa.report.ResultReader;
import dev.periksa.result.TargetOutcome;
import dev.periksa.target.TargetProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcomes of a run's targets, kept on disk rather than in memory: each target's outcome is
 * written, as results.json records it, when the target ends, and read back when an output asks for
 * it. So a run's memory does not grow with its number of targets, whatever their findings and
 * evidence. Reading back gives exactly what was written (the results.json model round-trips; the
 * merge of shards rebuilds targets the same way), with the target's own profile.
 *
 * <p>A list in the targets' input order; a few outcomes read last are kept at hand, since the
 * outputs walk the targets in order, one output after the other. The file is a temporary one,
 * outside the run folder (which the certificate covers); it stays while the run's result is in use
 * (the console and the callers read its targets) and is deleted on {@link #close()} or when the JVM
 * exits.
 */
final class OutcomeStore extends AbstractList<TargetOutcome> implements AutoCloseable {
  private static final ObjectWriter ONE_LINE =
      Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

  /** Outcomes read back and kept at hand. */
  static final int AT_HAND = 8;

  private final List<TargetProfile> profiles;
  private final Catalogue catalogue;
  private final Path file;
  private FileChannel channel; // open for writing until the scans end
  private final long[] offsets;
  private final int[] lengths;
  private ResultReader reader;
  private final Map<Integer, TargetOutcome> atHand =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, TargetOutcome> eldest) {
          return size() > AT_HAND;
        }
      };
  private long end;

  OutcomeStore(List<TargetProfile> profiles, Catalogue catalogue) throws IOException {
    this.profiles = List.copyOf(profiles);
    this.catalogue = catalogue;
    this.file = Files.createTempFile("periksa-outcomes-", ".jsonl");
    this.file.toFile().deleteOnExit();
    this.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    this.offsets = new long[profiles.size()];
    this.lengths = new int[profiles.size()];
    Arrays.fill(offsets, -1);
  }

  /**
   * The outcome of the target at {@code index} (input order): written now, forgotten here. Returns
   * the model written (results.json's, for the run's journal to write as well).
   */
  synchronized Map<String, Object> put(int index, TargetOutcome t) {
    if (channel == null) {
      throw new IllegalStateException("the scans have ended: no outcome is added now");
    }
    Map<String, Object> model = ResultModel.target(t, catalogue);
    try {
      byte[] line = ONE_LINE.writeValueAsBytes(model);
      ByteBuffer b = ByteBuffer.wrap(line);
      long at = end;
      while (b.hasRemaining()) {
        channel.write(b);
      }
      end += line.length;
      offsets[index] = at;
      lengths[index] = line.length;
      atHand.remove(index);
      return model;
    } catch (IOException e) {
      throw new UncheckedIOException("a target's outcome could not be kept on disk", e);
    }
  }

  @Override
  public synchronized TargetOutcome get(int index) {
    TargetOutcome known = atHand.get(index);
    if (known != null) {
      return known;
    }
    if (offsets[index] < 0) {
      throw new IllegalStateException("target " + profiles.get(index).name() + " has not ended");
    }
    ByteBuffer b = ByteBuffer.allocate(lengths[index]);
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      long at = offsets[index];
      while (b.hasRemaining()) {
        int n = in.read(b, at + b.position());
        if (n < 0) {
          throw new IOException("the file of outcomes ends early");
        }
      }
      JsonNode node = Json.MAPPER.readTree(new String(b.array(), StandardCharsets.UTF_8));
      if (reader == null) {
        reader = new ResultReader(catalogue, Checks.all().stream().map(Check::metadata).toList());
      }
      TargetOutcome read = reader.target(node);
      // The target's own profile, not the outline results.json records of it.
      TargetOutcome t =
          new TargetOutcome(
              profiles.get(index), read.verdict(), read.requirements(), read.inventory());
      atHand.put(index, t);
      return t;
    } catch (IOException e) {
      throw new UncheckedIOException("a target's outcome could not be read back", e);
    }
  }

  @Override
  public int size() {
    return profiles.size();
  }

  /** The scans have ended: nothing more is written, everything written can be read. */
  synchronized void seal() {
    if (channel == null) {
      return;
    }
    try {
      channel.force(false);
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("the file of outcomes could not be closed", e);
    } finally {
      channel = null;
    }
  }

  /** Deletes the file: the outcomes can no longer be read. */
  @Override
  public synchronized void close() {
    seal();
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A temporary file: deleted on exit at the latest.
    }
  }
}

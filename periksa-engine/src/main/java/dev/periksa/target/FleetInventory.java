package dev.periksa.target;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Many targets at once: every profile in a folder, or an inventory file that lists profiles and
 * hosts scanned with a shared template; and the share of them one shard of a run scans.
 *
 * <p>An inventory is plain text, one entry per line; blank lines and {@code #} comments are
 * skipped, paths are relative to the inventory's folder:
 *
 * <pre>
 * clinics/rs-harapan.yaml          # a profile
 * template: fleet/api-template.yaml
 * 10.1.2.3                         # a host scanned with the template
 * 10.1.2.4  puskesmas-sukamaju     # a host and its target's name
 * </pre>
 *
 * A template is a profile whose {@code ${PERIKSA_TARGET_HOST}} and {@code ${PERIKSA_TARGET_NAME}}
 * are filled for each host after it (the name is the host when none is given); other variables come
 * from the environment as in any profile. Every profile is loaded and checked before anything is
 * probed.
 */
public final class FleetInventory {
  /** The host a template is filled with. */
  public static final String HOST = "PERIKSA_TARGET_HOST";

  /** The target name a template is filled with. */
  public static final String NAME = "PERIKSA_TARGET_NAME";

  private static final Pattern SHARD = Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*");
  private static final Pattern HOST_LINE =
      Pattern.compile("([A-Za-z0-9.:\\[\\]-]+)(?:\\s+([\\p{L}\\p{N}][\\p{L}\\p{N} ._()-]*))?");

  private FleetInventory() {}

  /** The profile files of a folder (YAML, not its sub-folders), by file name. */
  public static List<Path> directory(Path dir) throws ProfileException {
    if (!Files.isDirectory(dir)) {
      throw new ProfileException(dir + ": not a folder");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(
                  p -> {
                    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    return n.endsWith(".yaml") || n.endsWith(".yml");
                  })
              .sorted(Comparator.comparing(p -> p.getFileName().toString()))
              .toList();
    } catch (IOException e) {
      throw new ProfileException(dir + ": cannot be listed: " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new ProfileException(dir + ": holds no profile (*.yaml or *.yml)");
    }
    return files;
  }

  /** Loads every profile of a folder. */
  public static List<TargetProfile> loadDirectory(
      Path dir, ProfileLoader loader, Consumer<String> progress) throws ProfileException {
    List<Path> files = directory(dir);
    List<TargetProfile> out = new ArrayList<>(files.size());
    for (Path f : files) {
      out.add(loader.load(f));
      loaded(out.size(), files.size(), progress);
    }
    return out;
  }

  /** Loads the profiles and templated hosts an inventory file lists. */
  public static List<TargetProfile> loadInventory(
      Path file, Map<String, String> environment, Consumer<String> progress)
      throws ProfileException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ProfileException(file + ": cannot be read: " + e.getMessage(), e);
    }
    Path base = file.toAbsolutePath().getParent();
    ProfileLoader plain = ProfileLoader.withOverrides(Map.of());
    List<TargetProfile> out = new ArrayList<>();
    Path template = null;
    String templateText = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (entry.isEmpty()) {
        continue;
      }
      String where = file + " line " + (i + 1);
      if (entry.regionMatches(true, 0, "template:", 0, 9)) {
        template = base.resolve(entry.substring(9).strip()).normalize();
        try {
          templateText = Files.readString(template);
        } catch (IOException e) {
          throw new ProfileException(where + ": the template " + template + " cannot be read");
        }
        continue;
      }
      String lower = entry.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
        out.add(plain.load(base.resolve(entry).normalize()));
      } else {
        Matcher m = HOST_LINE.matcher(entry);
        if (!m.matches()) {
          throw new ProfileException(
              where + ": neither a profile (*.yaml) nor a host with an optional name: " + entry);
        }
        if (template == null) {
          throw new ProfileException(
              where + ": a host before any 'template: FILE' line says which profile to fill");
        }
        Map<String, String> vars = new HashMap<>(environment);
        vars.put(HOST, m.group(1));
        vars.put(NAME, m.group(2) == null ? m.group(1) : m.group(2).strip());
        out.add(new ProfileLoader(vars::get).parse(template, templateText));
      }
      loaded(out.size(), -1, progress);
    }
    if (out.isEmpty()) {
      throw new ProfileException(file + ": lists no profile and no host");
    }
    return out;
  }

  private static void loaded(int n, int of, Consumer<String> progress) {
    if (progress != null && n % 100 == 0) {
      progress.accept("  " + n + (of > 0 ? " of " + of : "") + " profiles read");
    }
  }

  /**
   * One shard's targets: the targets in order of name, every N-th from the K-th. Every shard of a
   * run given the same targets in any order takes the same share, the shares do not overlap and
   * together hold every target, and their sizes differ by one at most.
   *
   * @param spec "K/N", 1 &le; K &le; N
   */
  public static List<TargetProfile> shard(List<TargetProfile> all, String spec)
      throws ProfileException {
    int[] kn = parseShard(spec);
    List<TargetProfile> sorted = new ArrayList<>(all);
    sorted.sort(
        Comparator.comparing(TargetProfile::name).thenComparing(p -> String.valueOf(p.source())));
    List<TargetProfile> out = new ArrayList<>();
    for (int i = kn[0] - 1; i < sorted.size(); i += kn[1]) {
      out.add(sorted.get(i));
    }
    return out;
  }

  /** "K/N" as {K, N}. */
  public static int[] parseShard(String spec) throws ProfileException {
    Matcher m = SHARD.matcher(spec == null ? "" : spec);
    if (!m.matches()) {
      throw new ProfileException("--shard " + spec + ": write K/N, e.g. 2/5 (the 2nd of 5 shards)");
    }
    int k = Integer.parseInt(m.group(1));
    int n = Integer.parseInt(m.group(2));
    if (n < 1 || k < 1 || k > n) {
      throw new ProfileException("--shard " + spec + ": K must be from 1 to N");
    }
    return new int[] {k, n};
  }
}

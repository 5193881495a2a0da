package dev.periksa.run;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/**
 * The features a scan runs: the certification profile shipped inside Periksa, or a user's folder
 * ({@code --features DIR}). Its hash names exactly which requirements text was run.
 */
public final class FeatureSet {
  static final String BUILTIN_PACKAGE = "features";

  private final Path directory; // null for the built-in set
  private final List<String> files;
  private final String hash;
  private final String recordedAs; // the description a merged run's shards recorded, or null

  private FeatureSet(Path directory, List<String> files, String hash) {
    this(directory, files, hash, null);
  }

  private FeatureSet(Path directory, List<String> files, String hash, String recordedAs) {
    this.directory = directory;
    this.files = files;
    this.hash = hash;
    this.recordedAs = recordedAs;
  }

  /**
   * The features as shard runs recorded them (description, hash, file names), for a merged run: the
   * merging machine may not hold the features the shards ran, and it runs none. Such a set cannot
   * be run or read.
   */
  static FeatureSet recorded(String description, String hash, List<String> files) {
    return new FeatureSet(null, List.copyOf(files), hash, description);
  }

  /** The features shipped in the jar (or in target/classes during development). */
  public static FeatureSet builtin() throws IOException {
    URL url = FeatureSet.class.getClassLoader().getResource(BUILTIN_PACKAGE);
    if (url == null) {
      throw new IOException("the built-in features are missing from the classpath");
    }
    URI uri;
    try {
      uri = url.toURI();
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    if ("jar".equals(uri.getScheme())) {
      // Open the jar only for the time of reading: the JUnit Platform opens it again to run.
      try {
        FileSystem open = FileSystems.getFileSystem(uri);
        return read(null, open.provider().getPath(uri));
      } catch (FileSystemNotFoundException e) {
        try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
          return read(null, fs.provider().getPath(uri));
        }
      }
    }
    return read(null, Path.of(uri));
  }

  /** A user's folder of feature files. */
  public static FeatureSet directory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + ": not a folder of feature files");
    }
    FeatureSet set = read(dir.toAbsolutePath().normalize(), dir);
    if (set.files.isEmpty()) {
      throw new IOException(dir + ": holds no .feature file");
    }
    return set;
  }

  private static FeatureSet read(Path userDir, Path root) throws IOException {
    List<Path> paths;
    try (Stream<Path> s = Files.walk(root)) {
      paths =
          s.filter(p -> p.toString().endsWith(".feature"))
              .sorted(
                  (a, b) -> root.relativize(a).toString().compareTo(root.relativize(b).toString()))
              .toList();
    }
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    List<String> names = new ArrayList<>();
    for (Path p : paths) {
      String rel = root.relativize(p).toString().replace('\\', '/');
      names.add(rel);
      md.update(rel.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(Files.readAllBytes(p));
      md.update((byte) 0);
    }
    return new FeatureSet(userDir, List.copyOf(names), HexFormat.of().formatHex(md.digest()));
  }

  /**
   * What the JUnit Platform should select to run these features. The built-in ones are selected
   * file by file as classpath resources, not as a package: selecting a package makes the JUnit
   * Platform open the jar as a file system of its own while Cucumber may be opening it for another
   * target's glue, and the second to open it fails (targets are scanned concurrently). Cucumber
   * reads classpath resources through its own, synchronised, jar service.
   */
  List<DiscoverySelector> selectors() {
    if (recordedAs != null) {
      throw new IllegalStateException("features recorded by other runs cannot be run");
    }
    if (directory != null) {
      return List.of(DiscoverySelectors.selectDirectory(directory.toFile()));
    }
    List<DiscoverySelector> out = new ArrayList<>(files.size());
    for (String f : files) {
      out.add(DiscoverySelectors.selectClasspathResource(BUILTIN_PACKAGE + "/" + f));
    }
    return out;
  }

  /** SHA-256 over every feature file's path and bytes, in path order. */
  public String hash() {
    return hash;
  }

  /** Feature files, relative to the set's root. */
  public List<String> files() {
    return files;
  }

  /** Each feature file's text, in path order (read again: the set keeps only names and hash). */
  public List<String> texts() throws IOException {
    if (recordedAs != null) {
      throw new IOException("the features of a merged run are not at hand, only their hash");
    }
    List<String> texts = new ArrayList<>();
    for (String name : files) {
      if (directory != null) {
        texts.add(Files.readString(directory.resolve(name)));
        continue;
      }
      try (var in =
          FeatureSet.class.getClassLoader().getResourceAsStream(BUILTIN_PACKAGE + "/" + name)) {
        if (in == null) {
          throw new IOException("built-in feature " + name + " is missing from the classpath");
        }
        texts.add(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return texts;
  }

  /** "built-in" or the folder. */
  public String describe() {
    if (recordedAs != null) {
      return recordedAs;
    }
    return directory == null ? "built-in" : directory.toString();
  }
}

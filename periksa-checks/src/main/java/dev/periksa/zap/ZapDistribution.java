package dev.periksa.zap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A ZAP 2.17.0 installation assembled from Maven Central: the core jar with its runtime libraries
 * in {@code lib/}, and in {@code plugin/} the add-ons a daemon needs (network, commonlib, spider)
 * rebuilt as complete {@code .zap} files, plus manifest-only {@code callhome} and {@code database}
 * add-ons.
 *
 * <p>The add-on jars on Maven Central are not the {@code .zap} files ZAP installs: their libraries
 * are missing (without them the network add-on fails on an SLF4J loader constraint), so each is
 * rebuilt with every runtime dependency that neither the core nor an add-on it depends on already
 * brings, and its manifest lists exactly those under {@code libs/}. ZAP refuses to start without a
 * {@code callhome} add-on and the spider needs {@code database}; their real code is not on Maven
 * Central and a daemon run needs neither, so manifests stand in for them.
 *
 * <p>Artifacts are resolved with Maven Resolver into the user's local Maven repository, so a
 * machine that built Periksa downloads little. The assembled folder is cached ({@link
 * #defaultCacheDir()}); it is built in a scratch folder and moved into place in one step, so a
 * half-built cache is never used and two runs racing to build it do not clash.
 */
public final class ZapDistribution {
  /** The ZAP version Periksa assembles and drives. */
  public static final String VERSION = "2.17.0";

  /** Overrides the cache folder (a system property or, upper-cased with _, an env variable). */
  public static final String CACHE_PROPERTY = "periksa.zap.cache";

  static final String CACHE_ENV = "PERIKSA_ZAP_CACHE";

  /** Overrides the local Maven repository used to resolve ZAP. */
  public static final String LOCAL_REPOSITORY_PROPERTY = "periksa.zap.m2";

  static final String CORE = "org.zaproxy:zap:" + VERSION;

  /** In dependency order: an add-on's libraries may come from the ones before it. */
  static final List<String> ADD_ONS =
      List.of(
          "org.zaproxy.addon:commonlib:1.40.0",
          "org.zaproxy.addon:network:0.25.0",
          "org.zaproxy.addon:spider:0.6.0");

  private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";
  private static final String COMPLETE = "periksa-complete";

  private final Path dir;

  private ZapDistribution(Path dir) {
    this.dir = dir;
  }

  /** The installation folder. */
  public Path dir() {
    return dir;
  }

  /** The add-ons a fresh ZAP home gets in its {@code plugin/} folder. */
  public List<Path> addOns() throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve("plugin"))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".zap")).sorted().toList();
    }
  }

  /** The core and its libraries, for a {@code -cp}. */
  public List<Path> classPath() throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve("lib"))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    }
  }

  /**
   * {@code $PERIKSA_ZAP_CACHE}, or the {@code periksa.zap.cache} system property, or {@code
   * ${XDG_CACHE_HOME:-~/.cache}/periksa/zap-2.17.0}.
   */
  public static Path defaultCacheDir() {
    String p = System.getProperty(CACHE_PROPERTY);
    if (p == null || p.isBlank()) {
      p = System.getenv(CACHE_ENV);
    }
    if (p != null && !p.isBlank()) {
      return Path.of(p);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("periksa").resolve("zap-" + VERSION);
  }

  /** The cached installation, assembled first if it is missing. */
  public static ZapDistribution ensure(Consumer<String> progress) throws IOException {
    return ensure(defaultCacheDir(), progress);
  }

  /** The installation in {@code dir}, assembled there first if it is missing. */
  public static synchronized ZapDistribution ensure(Path dir, Consumer<String> progress)
      throws IOException {
    if (Files.exists(dir.resolve(COMPLETE))) {
      return new ZapDistribution(dir);
    }
    long t0 = System.nanoTime();
    progress.accept(
        "assembling ZAP " + VERSION + " from Maven Central into " + dir + " (once; then cached)");
    Files.createDirectories(dir.getParent());
    Path scratch =
        dir.resolveSibling(dir.getFileName() + ".tmp-" + HexFormat.of().toHexDigits(random()));
    try {
      assemble(scratch, progress);
      try {
        Files.move(scratch, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
        // Another run finished first; a leftover without the marker is replaced.
        if (!Files.exists(dir.resolve(COMPLETE))) {
          deleteTree(dir);
          Files.move(scratch, dir, StandardCopyOption.ATOMIC_MOVE);
        }
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("cannot move the assembled ZAP into " + dir + ": " + e, e);
      }
    } finally {
      deleteTree(scratch);
    }
    progress.accept(
        String.format("ZAP %s assembled in %.1f s", VERSION, (System.nanoTime() - t0) / 1e9));
    return new ZapDistribution(dir);
  }

  private static int random() {
    return new SecureRandom().nextInt();
  }

  private static void assemble(Path into, Consumer<String> progress) throws IOException {
    Path lib = Files.createDirectories(into.resolve("lib"));
    Path plugin = Files.createDirectories(into.resolve("plugin"));
    RepositorySystem system = new RepositorySystemSupplier().get();
    Downloads downloads = new Downloads(progress);
    try (RepositorySystemSession.CloseableSession session =
        new SessionBuilderSupplier(system)
            .get()
            .withLocalRepositoryBaseDirectories(localRepository())
            .setTransferListener(downloads)
            .setSystemProperties(System.getProperties())
            .build()) {
      List<RemoteRepository> remotes =
          system.newResolutionRepositories(session, List.of(remoteRepository()));

      Map<String, Path> core = resolve(system, session, remotes, CORE, Set.of());
      for (Path jar : core.values()) {
        Files.copy(jar, lib.resolve(jar.getFileName()));
      }
      progress.accept("  core: " + core.size() + " jars" + downloads.summary());

      // Libraries visible to an add-on through the core or the add-ons it depends on.
      Map<String, Set<String>> libsOf = new LinkedHashMap<>();
      for (String coords : ADD_ONS) {
        Artifact a = new DefaultArtifact(coords);
        Map<String, Path> all = resolve(system, session, remotes, coords, Set.of());
        Path addOnJar = all.remove(a.getGroupId() + ":" + a.getArtifactId());
        AddOnManifest manifest = AddOnManifest.read(addOnJar);
        Set<String> visible = new LinkedHashSet<>(core.keySet());
        for (String dep : manifest.dependencies()) {
          visible.addAll(libsOf.getOrDefault(dep, Set.of()));
        }
        Map<String, Path> own = new LinkedHashMap<>();
        all.forEach(
            (key, path) -> {
              if (!visible.contains(key) && !key.startsWith("org.zaproxy")) {
                own.put(key, path);
              }
            });
        Set<String> mine = new LinkedHashSet<>(visible);
        mine.addAll(own.keySet());
        libsOf.put(a.getArtifactId(), mine);
        Path out =
            plugin.resolve(
                a.getArtifactId() + "-" + manifest.status() + "-" + a.getVersion() + ".zap");
        rebuild(addOnJar, manifest, own.values(), out);
        progress.accept(
            "  add-on " + a.getArtifactId() + " " + a.getVersion() + ": " + own.size() + " libs");
      }
    }
    writeStub(plugin, "callhome", "Call Home (stand-in: a daemon run calls no one)");
    writeStub(plugin, "database", "Database (stand-in: the core's own database serves)");
    Files.writeString(into.resolve(COMPLETE), VERSION + "\n");
  }

  /** Resolves an artifact with its runtime dependencies; keys are {@code groupId:artifactId}. */
  private static Map<String, Path> resolve(
      RepositorySystem system,
      RepositorySystemSession session,
      List<RemoteRepository> remotes,
      String coords,
      Set<Exclusion> exclusions)
      throws IOException {
    CollectRequest collect =
        new CollectRequest(
            new Dependency(new DefaultArtifact(coords), JavaScopes.RUNTIME, false, exclusions),
            remotes);
    DependencyRequest request =
        new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
    List<ArtifactResult> results;
    try {
      results = system.resolveDependencies(session, request).getArtifactResults();
    } catch (DependencyResolutionException e) {
      throw new IOException(
          "cannot resolve " + coords + " from Maven Central: " + e.getMessage(), e);
    }
    Map<String, Path> out = new LinkedHashMap<>();
    for (ArtifactResult r : results) {
      Artifact a = r.getArtifact();
      out.put(a.getGroupId() + ":" + a.getArtifactId(), a.getPath());
    }
    return out;
  }

  /** {@code periksa.zap.m2}, else the settings' {@code localRepository}, else ~/.m2/repository. */
  static Path localRepository() {
    String p = System.getProperty(LOCAL_REPOSITORY_PROPERTY);
    if (p != null && !p.isBlank()) {
      return Path.of(p);
    }
    String fromSettings = settingsValue("localRepository");
    if (fromSettings != null && !fromSettings.isBlank() && !fromSettings.contains("${")) {
      return Path.of(fromSettings);
    }
    return Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  /** Maven Central, or the mirror ~/.m2/settings.xml names for it (mirrorOf * or central). */
  static RemoteRepository remoteRepository() {
    String url = CENTRAL;
    Document settings = settings();
    if (settings != null) {
      NodeList mirrors = settings.getElementsByTagName("mirror");
      for (int i = 0; i < mirrors.getLength(); i++) {
        Element m = (Element) mirrors.item(i);
        String of = child(m, "mirrorOf");
        String u = child(m, "url");
        if (u != null && of != null && (of.strip().equals("*") || of.contains("central"))) {
          url = u.strip();
          break;
        }
      }
    }
    return new RemoteRepository.Builder("central", "default", url).build();
  }

  private static String settingsValue(String tag) {
    Document d = settings();
    if (d == null) {
      return null;
    }
    NodeList n = d.getElementsByTagName(tag);
    return n.getLength() == 0 ? null : n.item(0).getTextContent().strip();
  }

  private static Document settings() {
    Path f = Path.of(System.getProperty("user.home"), ".m2", "settings.xml");
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      return secureFactory().newDocumentBuilder().parse(f.toFile());
    } catch (Exception e) {
      // An unreadable settings file is Maven's business to report; Central serves meanwhile.
      return null;
    }
  }

  private static String child(Element e, String tag) {
    NodeList n = e.getElementsByTagName(tag);
    return n.getLength() == 0 ? null : n.item(0).getTextContent();
  }

  static DocumentBuilderFactory secureFactory() throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setExpandEntityReferences(false);
    return f;
  }

  /** Copies the add-on jar, adds {@code libs/<jar>} for each library and rewrites the manifest. */
  private static void rebuild(
      Path addOnJar, AddOnManifest manifest, java.util.Collection<Path> libs, Path out)
      throws IOException {
    List<String> names = new ArrayList<>();
    for (Path l : libs) {
      names.add("libs/" + l.getFileName());
    }
    try (ZipFile in = new ZipFile(addOnJar.toFile());
        ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        if (e.getName().equals(AddOnManifest.FILE) || e.getName().startsWith("libs/")) {
          continue;
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        if (!e.isDirectory()) {
          try (InputStream s = in.getInputStream(e)) {
            s.transferTo(zip);
          }
        }
        zip.closeEntry();
      }
      zip.putNextEntry(new ZipEntry(AddOnManifest.FILE));
      zip.write(manifest.withLibs(names).getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      for (Path l : libs) {
        zip.putNextEntry(new ZipEntry("libs/" + l.getFileName()));
        Files.copy(l, zip);
        zip.closeEntry();
      }
    }
  }

  private static void writeStub(Path plugin, String id, String name) throws IOException {
    String xml =
        "<zapaddon>\n"
            + "  <name>"
            + name
            + "</name>\n"
            + "  <version>1.0.0</version>\n"
            + "  <status>release</status>\n"
            + "  <description>Written by Periksa for a managed daemon.</description>\n"
            + "  <author>Periksa</author>\n"
            + "  <not-before-version>"
            + VERSION
            + "</not-before-version>\n"
            + "</zapaddon>\n";
    try (OutputStream o = Files.newOutputStream(plugin.resolve(id + "-release-1.0.0.zap"));
        ZipOutputStream zip = new ZipOutputStream(o)) {
      zip.putNextEntry(new ZipEntry(AddOnManifest.FILE));
      zip.write(xml.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
  }

  static void deleteTree(Path p) {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              x -> {
                try {
                  Files.deleteIfExists(x);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // A leftover scratch or home folder wastes disk, nothing more.
    }
  }

  /** The parts of an add-on's {@code ZapAddOn.xml} the rebuild needs. */
  record AddOnManifest(String xml, String status, List<String> dependencies) {
    static final String FILE = "ZapAddOn.xml";
    private static final Pattern LIBS = Pattern.compile("(?s)\\s*<libs>.*?</libs>");

    static AddOnManifest read(Path jar) throws IOException {
      String xml;
      try (ZipFile z = new ZipFile(jar.toFile())) {
        ZipEntry e = z.getEntry(FILE);
        if (e == null) {
          throw new IOException(jar.getFileName() + " has no " + FILE + ": not a ZAP add-on");
        }
        try (InputStream s = z.getInputStream(e)) {
          xml = new String(s.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
      try {
        Document d =
            secureFactory()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = d.getDocumentElement();
        String status = "release";
        List<String> deps = new ArrayList<>();
        for (int i = 0; i < root.getChildNodes().getLength(); i++) {
          if (root.getChildNodes().item(i) instanceof Element e) {
            if (e.getTagName().equals("status")) {
              status = e.getTextContent().strip();
            } else if (e.getTagName().equals("dependencies")) {
              NodeList ids = e.getElementsByTagName("id");
              for (int j = 0; j < ids.getLength(); j++) {
                // Only the add-on's own dependencies, not those of its optional extensions.
                if (ids.item(j).getParentNode().getParentNode().getParentNode() == e) {
                  deps.add(ids.item(j).getTextContent().strip());
                }
              }
            }
          }
        }
        return new AddOnManifest(xml, status, deps);
      } catch (IOException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(jar.getFileName() + ": unreadable " + FILE + ": " + e, e);
      }
    }

    /** The manifest with its {@code <libs>} replaced by the given entries. */
    String withLibs(List<String> names) {
      String without = LIBS.matcher(xml).replaceFirst("");
      if (names.isEmpty()) {
        return without;
      }
      StringBuilder libs = new StringBuilder("\n    <libs>\n");
      for (String n : names) {
        libs.append("        <lib>").append(n).append("</lib>\n");
      }
      libs.append("    </libs>");
      int end = without.lastIndexOf("</zapaddon>");
      return without.substring(0, end) + libs.substring(1) + "\n" + without.substring(end);
    }
  }

  /** Reports downloads, so a first assembly on a slow network does not look hung. */
  private static final class Downloads extends AbstractTransferListener {
    private final Consumer<String> progress;
    private int count;
    private long bytes;
    private long lastReport = System.nanoTime();

    Downloads(Consumer<String> progress) {
      this.progress = progress;
    }

    @Override
    public synchronized void transferSucceeded(TransferEvent e) {
      count++;
      bytes += e.getTransferredBytes();
      if (System.nanoTime() - lastReport > 5_000_000_000L) {
        lastReport = System.nanoTime();
        progress.accept(String.format("  downloaded %d files, %.1f MB so far", count, bytes / 1e6));
      }
    }

    synchronized String summary() {
      return count == 0 ? "" : String.format(" (downloaded %d files, %.1f MB)", count, bytes / 1e6);
    }
  }
}

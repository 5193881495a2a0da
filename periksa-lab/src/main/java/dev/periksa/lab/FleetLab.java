package dev.periksa.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A simulated fleet of up to {@value #MAX_SIZE} small targets on loopback in one JVM, so that
 * scanning a fleet can be measured on a small machine: exposed and protected search clusters
 * (Elasticsearch 7 / OpenSearch 2 REST), open and protected traveller APIs, slow targets and dead
 * ones, each on a loopback address of its own ({@code 127.1.x.y}; the demo lab keeps {@code
 * 127.0.0.0/24}) at a port chosen at bind time, with one target profile each.
 *
 * <p>These are <em>simulated</em> servers ({@link FleetSearchCluster}, {@link FleetApi}) that give
 * the replies the real products give to what Periksa asks, written for scale measurement; they are
 * not the real servers the checks are proven on (the demo lab and the product tests are). Every
 * socket is served by one selector thread ({@link FleetServer}); records are made on demand from
 * {@link EhacData}, synthetic throughout. A thousand targets take one thread, a thousand listening
 * channels and a few megabytes of heap.
 *
 * <p>Kinds are drawn from the seed in a fixed mix ({@link Mix}): the same seed and size give the
 * same fleet. Besides {@code fleet-NNNN.yaml}, the profiles folder gets {@code inventory.txt} (the
 * profiles, one a line) and {@code fleet.env} (the protected APIs' throwaway bearer token, {@value
 * #TOKEN_VARIABLE}, which the profiles name as a variable).
 */
public final class FleetLab implements AutoCloseable {

  /** Most targets one fleet holds. */
  public static final int MAX_SIZE = 5_000;

  /** The variable the API profiles take their identity's token from. */
  public static final String TOKEN_VARIABLE = "PERIKSA_FLEET_TOKEN";

  /** The profiles' per-probe timeout. */
  public static final int TIMEOUT_SECONDS = 3;

  /** The profiles' request rate per target (requests a second). */
  public static final int RATE_LIMIT = 20;

  /** How long a slow target holds each reply: past the profiles' timeout. */
  public static final long SLOW_MILLIS = 5_000;

  /** What a target is. */
  public enum Kind {
    EXPOSED_SEARCH("exposed", "search cluster answering anyone"),
    PROTECTED_SEARCH("protected", "search cluster refusing strangers (401)"),
    EXPOSED_API("exposed", "traveller API answering anyone"),
    PROTECTED_API("protected", "traveller API refusing strangers (401)"),
    SLOW_SEARCH("slow", "search cluster answering after " + SLOW_MILLIS / 1000 + " s"),
    SLOW_API("slow", "traveller API answering after " + SLOW_MILLIS / 1000 + " s"),
    DEAD_SILENT("dead", "accepts connections, never answers"),
    DEAD_CLOSED("dead", "port closed");

    private final String group;
    private final String description;

    Kind(String group, String description) {
      this.group = group;
      this.description = description;
    }

    /** {@code exposed}, {@code protected}, {@code slow} or {@code dead}. */
    public String group() {
      return group;
    }

    public String description() {
      return description;
    }

    /** The endpoint kind its profile declares. */
    public String endpointKind() {
      return switch (this) {
        case EXPOSED_SEARCH, PROTECTED_SEARCH, SLOW_SEARCH, DEAD_SILENT -> "search";
        default -> "http";
      };
    }
  }

  /**
   * The fleet's mix, as weights: exposed, protected, slow and dead targets. Exposed, protected and
   * slow targets alternate between a search cluster and an API; dead ones between a silent listener
   * and a closed port.
   */
  public record Mix(int exposed, int protectedOnes, int slow, int dead) {
    /** 35 % exposed, 45 % protected, 10 % slow, 10 % dead. */
    public static final Mix DEFAULT = new Mix(35, 45, 10, 10);

    public Mix {
      if (exposed < 0 || protectedOnes < 0 || slow < 0 || dead < 0) {
        throw new IllegalArgumentException("mix weights must not be negative");
      }
      if (exposed + protectedOnes + slow + dead == 0) {
        throw new IllegalArgumentException("mix weights must not all be zero");
      }
    }
  }

  /**
   * One target.
   *
   * @param number its number, from 1 (the profile is {@code fleet-NNNN.yaml})
   * @param url where its endpoint is (for a closed port, where nothing listens)
   * @param recordId for an API, a record its profile's identity owns; otherwise null
   */
  public record Target(int number, Kind kind, String host, URI url, Path profile, String recordId) {
    public String name() {
      return String.format("fleet-%04d", number);
    }
  }

  private final FleetServer server;
  private final List<Target> targets;
  private final String token;
  private final Path profilesDir;

  private FleetLab(FleetServer server, List<Target> targets, String token, Path profilesDir) {
    this.server = server;
    this.targets = targets;
    this.token = token;
    this.profilesDir = profilesDir;
  }

  /** Starts a fleet with the default mix. */
  public static FleetLab start(int size, Path profilesDir, long seed, Consumer<String> progress)
      throws IOException {
    return start(size, Mix.DEFAULT, profilesDir, seed, progress);
  }

  /**
   * Starts {@code size} targets, writes their profiles to {@code profilesDir} and returns once
   * every target listens.
   */
  public static FleetLab start(
      int size, Mix mix, Path profilesDir, long seed, Consumer<String> progress)
      throws IOException {
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException(
          "a fleet holds 1 to " + MAX_SIZE + " targets, not " + size);
    }
    long t0 = System.nanoTime();
    List<Kind> kinds = kinds(size, mix, seed);
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    String token = HexFormat.of().formatHex(secret);
    FleetServer server = new FleetServer();
    List<Target> targets = new ArrayList<>(size);
    try {
      Files.createDirectories(profilesDir);
      for (int i = 0; i < size; i++) {
        targets.add(open(server, i, kinds.get(i), seed, token, profilesDir));
      }
      server.start();
      progress.accept(
          String.format(
              "Fleet of %d targets listening in %.1f s (one I/O thread)",
              size, (System.nanoTime() - t0) / 1e9));
      FleetProfiles.write(profilesDir, targets, token);
      progress.accept("Profiles written to " + profilesDir);
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return new FleetLab(server, List.copyOf(targets), token, profilesDir);
  }

  /** The loopback address of target {@code i} (from 0): 127.1.x.y, y from 1 to 254. */
  static String host(int i) {
    int block = i / 254;
    return "127." + (1 + block / 256) + "." + (block % 256) + "." + (1 + i % 254);
  }

  /** The kinds in the mix's proportions (largest remainder), shuffled by the seed. */
  static List<Kind> kinds(int size, Mix mix, long seed) {
    int[] weights = {mix.exposed(), mix.protectedOnes(), mix.slow(), mix.dead()};
    int total = weights[0] + weights[1] + weights[2] + weights[3];
    int[] counts = new int[4];
    double[] rest = new double[4];
    int given = 0;
    for (int g = 0; g < 4; g++) {
      double exact = (double) size * weights[g] / total;
      counts[g] = (int) Math.floor(exact);
      rest[g] = exact - counts[g];
      given += counts[g];
    }
    while (given < size) {
      int best = 0;
      for (int g = 1; g < 4; g++) {
        if (rest[g] > rest[best]) {
          best = g;
        }
      }
      counts[best]++;
      rest[best] = -1;
      given++;
    }
    Kind[][] variants = {
      {Kind.EXPOSED_SEARCH, Kind.EXPOSED_API},
      {Kind.PROTECTED_SEARCH, Kind.PROTECTED_API},
      {Kind.SLOW_SEARCH, Kind.SLOW_API},
      {Kind.DEAD_SILENT, Kind.DEAD_CLOSED}
    };
    List<Kind> kinds = new ArrayList<>(size);
    for (int g = 0; g < 4; g++) {
      for (int k = 0; k < counts[g]; k++) {
        kinds.add(variants[g][k % 2]);
      }
    }
    Collections.shuffle(kinds, new java.util.Random(new SplittableRandom(seed).nextLong()));
    return kinds;
  }

  /** Travellers each target's records are drawn from, apart from every other target's. */
  static final int TRAVELLERS_PER_TARGET = 10_000;

  private static Target open(
      FleetServer server, int i, Kind kind, long seed, String token, Path dir) throws IOException {
    String host = host(i);
    SplittableRandom r = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (i + 1L)));
    int first = i * TRAVELLERS_PER_TARGET;
    int documents = 200 + r.nextInt(TRAVELLERS_PER_TARGET - 200);
    String cluster = String.format("fleet-%04d", i + 1);
    FleetSearchCluster.Product product =
        r.nextBoolean()
            ? FleetSearchCluster.Product.ELASTICSEARCH
            : FleetSearchCluster.Product.OPENSEARCH;
    FleetApi api = new FleetApi("hac-api-" + (i + 1), null, first, documents);
    FleetServer.Handler h =
        switch (kind) {
          case EXPOSED_SEARCH -> new FleetSearchCluster(product, cluster, false, first, documents);
          case PROTECTED_SEARCH -> new FleetSearchCluster(product, cluster, true, first, documents);
          case EXPOSED_API -> api;
          case PROTECTED_API -> new FleetApi("hac-api-" + (i + 1), token, first, documents);
          case SLOW_SEARCH ->
              slow(new FleetSearchCluster(product, cluster, false, first, documents));
          case SLOW_API -> slow(api);
          case DEAD_SILENT, DEAD_CLOSED -> null;
        };
    int port = kind == Kind.DEAD_CLOSED ? closedPort(host) : server.listen(host, h);
    String recordId = kind.endpointKind().equals("http") ? api.firstId() : null;
    return new Target(
        i + 1,
        kind,
        host,
        URI.create("http://" + host + ":" + port),
        dir.resolve(String.format("fleet-%04d.yaml", i + 1)),
        recordId);
  }

  private static FleetServer.Handler slow(FleetServer.Handler inner) {
    return r -> inner.answer(r).delayed(SLOW_MILLIS);
  }

  /** A port on {@code host} that nothing listens on: bound at run time, then closed. */
  private static int closedPort(String host) throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(host, 0));
      return s.getLocalPort();
    }
  }

  public List<Target> targets() {
    return targets;
  }

  /** Targets per kind, in the kinds' order. */
  public Map<Kind, Integer> counts() {
    Map<Kind, Integer> m = new EnumMap<>(Kind.class);
    for (Target t : targets) {
      m.merge(t.kind(), 1, Integer::sum);
    }
    return m;
  }

  public Path profilesDir() {
    return profilesDir;
  }

  /** The profiles listed one a line. */
  public Path inventory() {
    return profilesDir.resolve(FleetProfiles.INVENTORY);
  }

  /**
   * The file that sets the profiles' variables ({@value #TOKEN_VARIABLE}), readable by its owner.
   */
  public Path envFile() {
    return profilesDir.resolve(FleetProfiles.ENV_FILE);
  }

  /** The values the profiles' {@code ${...}} name, for {@code ProfileLoader.withOverrides}. */
  public Map<String, String> variables() {
    return Map.of(TOKEN_VARIABLE, token);
  }

  /** Threads the fleet serves with. */
  public int threads() {
    return 1;
  }

  /** Stops every target and removes the env file (the token dies with the fleet). */
  @Override
  public void close() throws IOException {
    try {
      server.close();
    } finally {
      Files.deleteIfExists(envFile());
    }
  }

  static void writeOwnerOnly(Path file, String text) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, text);
  }
}

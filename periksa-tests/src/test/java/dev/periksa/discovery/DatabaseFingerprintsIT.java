package dev.periksa.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.probe.HostRateLimiter;
import dev.periksa.probe.HttpProbe;
import dev.periksa.probe.TcpProbe;
import dev.periksa.target.Scope;
import dev.periksa.testing.LineLookAlike;
import dev.periksa.testing.SharedLab;
import dev.periksa.testing.TestServers;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The MongoDB, Redis and Memcached fingerprints against the lab's real servers, open and protected,
 * and against each other, an HTTP server and one-line look-alikes.
 */
class DatabaseFingerprintsIT {
  private static final List<String> HOSTS =
      List.of("127.0.0.2", "127.0.0.3", "127.0.0.5", "127.0.0.6");

  private static Fingerprint.Probes probes() {
    HostRateLimiter limiter = new HostRateLimiter(100);
    Duration timeout = Duration.ofSeconds(2);
    Scope scope = new Scope(HOSTS);
    return new Fingerprint.Probes(
        new HttpProbe(scope, limiter, timeout, HttpProbe.DEFAULT_MAX_BODY_BYTES),
        new TcpProbe(scope, limiter, timeout, HttpProbe.DEFAULT_MAX_BODY_BYTES));
  }

  private static Optional<URI> identify(Fingerprint f, URI at) {
    return f.identify(probes(), at.getHost(), at.getPort());
  }

  private static URI lab(String variable) {
    return URI.create(SharedLab.get().variables().get(variable));
  }

  @Test
  void eachRecognisesItsOwnProductOpenAndProtected() {
    for (String twin : List.of("LEGACY", "HARDENED")) {
      URI mongo = lab("PERIKSA_LAB_" + twin + "_MONGODB");
      URI redis = lab("PERIKSA_LAB_" + twin + "_REDIS");
      URI memcached = lab("PERIKSA_LAB_" + twin + "_MEMCACHED");
      assertEquals(Optional.of(mongo), identify(new MongoDbFingerprint(), mongo), twin);
      assertEquals(Optional.of(redis), identify(new RedisFingerprint(), redis), twin);
      assertEquals(Optional.of(memcached), identify(new MemcachedFingerprint(), memcached), twin);
    }
  }

  @Test
  void noneRecognisesTheOthers() {
    URI mongo = lab("PERIKSA_LAB_LEGACY_MONGODB");
    URI redis = lab("PERIKSA_LAB_LEGACY_REDIS");
    URI memcached = lab("PERIKSA_LAB_HARDENED_MEMCACHED");
    URI search = lab("PERIKSA_LAB_LEGACY_SEARCH");
    for (URI other : List.of(redis, memcached, search)) {
      assertTrue(identify(new MongoDbFingerprint(), other).isEmpty(), "MongoDB at " + other);
    }
    for (URI other : List.of(mongo, memcached, search)) {
      assertTrue(identify(new RedisFingerprint(), other).isEmpty(), "Redis at " + other);
    }
    for (URI other : List.of(mongo, redis, search)) {
      assertTrue(identify(new MemcachedFingerprint(), other).isEmpty(), "Memcached at " + other);
    }
  }

  @Test
  void oneLineLookAlikesAndHttpServersAreNotRecognised() throws Exception {
    try (LineLookAlike pong = new LineLookAlike("127.0.0.5", "+PONG\r\n");
        LineLookAlike version = new LineLookAlike("127.0.0.5", "VERSION 1.6.18\r\n");
        TestServers.Running http = TestServers.catchAll("127.0.0.5", 200, "{\"ok\":1}")) {
      assertTrue(identify(new RedisFingerprint(), pong.url("redis")).isEmpty());
      assertTrue(identify(new MemcachedFingerprint(), version.url("memcached")).isEmpty());
      for (Fingerprint f :
          List.of(new MongoDbFingerprint(), new RedisFingerprint(), new MemcachedFingerprint())) {
        assertTrue(identify(f, http.url()).isEmpty(), f.product() + " on an HTTP server");
      }
    }
  }

  @Test
  void nothingListeningOrAResetIsNotRecognised() throws Exception {
    URI down = TestServers.nothingListening("127.0.0.6");
    try (TestServers.Resetting reset = new TestServers.Resetting("127.0.0.6")) {
      for (Fingerprint f :
          List.of(new MongoDbFingerprint(), new RedisFingerprint(), new MemcachedFingerprint())) {
        assertTrue(identify(f, down).isEmpty(), f.product());
        assertTrue(identify(f, reset.url()).isEmpty(), f.product());
      }
    }
  }

  @Test
  void theyAreRegistered() {
    List<String> products = Fingerprints.all().stream().map(Fingerprint::product).toList();
    assertTrue(products.containsAll(List.of("MongoDB", "Redis", "Memcached")), products.toString());
  }
}

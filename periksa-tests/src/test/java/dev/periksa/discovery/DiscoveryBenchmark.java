package dev.periksa.discovery;

import dev.periksa.target.ProfileLoader;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.hospital.HospitalLab;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How long discovery takes over 1,000 ports of one loopback host that runs the hospital lab's
 * vulnerable twin (its services inside the range, every other port closed): the whole discovery
 * (finding open ports, then fingerprinting each), median of three runs, with what was found.
 *
 * <p>{@code mvn -B -Pbench -DskipTests test -Dbench.main=dev.periksa.discovery.DiscoveryBenchmark
 * [-Dbench.args="1000 3"]}: ports and runs.
 */
public final class DiscoveryBenchmark {
  private DiscoveryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int ports = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = Files.createTempDirectory("periksa-discovery-bench");
    try (HospitalLab lab = new HospitalLab(dir)) {
      HospitalLab.Twin t = lab.vulnerable();
      int base = Integer.parseInt(t.portRange().split("-")[0]);
      int from = Math.max(1024, Math.min(base - (ports - HospitalLab.BLOCK) / 2, 65536 - ports));
      String range = from + "-" + (from + ports - 1);
      Path f = dir.resolve("discovery.yaml");
      Files.writeString(
          f,
          "name: discovery benchmark\nscope:\n  hosts: [\""
              + t.host()
              + "\"]\nrateLimit: 50\ntimeoutSeconds: 5\ndiscovery:\n  ports: [\""
              + range
              + "\"]\n",
          StandardCharsets.UTF_8);
      TargetProfile p = ProfileLoader.withOverrides(java.util.Map.of()).load(f);
      System.out.printf(
          "Discovery: %d ports of %s (%s), %d services listening among them, %d runs%n",
          ports, t.host(), range, t.services().size(), runs);
      double[] seconds = new double[runs];
      List<Discovery.Found> found = List.of();
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        found = Discovery.forProfile(p).run(p, s -> {});
        seconds[i] = (System.nanoTime() - t0) / 1e9;
        System.out.printf("  run %d: %.2f s, %d found%n", i + 1, seconds[i], found.size());
      }
      Arrays.sort(seconds);
      System.out.printf("  median: %.2f s for %d ports%n", seconds[runs / 2], ports);
      for (Discovery.Found x : found) {
        System.out.printf("    %d  %s (%s)%n", x.port(), x.product(), x.kind());
      }
    }
  }
}

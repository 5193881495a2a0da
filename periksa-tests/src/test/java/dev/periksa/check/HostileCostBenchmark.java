package dev.periksa.check;

import com.sun.management.OperatingSystemMXBean;
import dev.periksa.check.personaldata.PlainHttpPersonalDataCheck;
import dev.periksa.check.registry.Checks;
import dev.periksa.target.ProfileLoader;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.hostile.Behaviour;
import dev.periksa.testing.hostile.HostileLab;
import dev.periksa.testing.hostile.HostileServer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * What a hostile server costs Periksa, check by check: the process CPU time and the wall time each
 * check spends on one hostile server (by default the gzip bomb), each check run alone, in turn,
 * median of three runs. Prints one line per check and the worst figure.
 *
 * <p>{@code mvn -B -Pbench -DskipTests test -Dbench.main=dev.periksa.check.HostileCostBenchmark
 * [-Dbench.args="GZIP_BOMB 10"]}: the behaviour's name and the profile's timeoutSeconds.
 */
public final class HostileCostBenchmark {
  private HostileCostBenchmark() {}

  public static void main(String[] args) throws Exception {
    Behaviour b = args.length > 0 ? Behaviour.valueOf(args[0]) : Behaviour.GZIP_BOMB;
    int timeout = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Path dir = Files.createTempDirectory("periksa-hostile-cost");
    try (HostileLab lab = new HostileLab("127.0.0.1", Duration.ofSeconds(5))) {
      HostileServer s = lab.server(b);
      Path f = dir.resolve("profile.yaml");
      Files.writeString(f, HostileLab.profileYaml(s, timeout), StandardCharsets.UTF_8);
      TargetProfile p = ProfileLoader.withOverrides(Map.of()).load(f);
      // Warm up: class loading and JIT are not what a hostile server costs.
      runOnce(new PlainHttpPersonalDataCheck(), p);
      System.out.printf("Hostile cost: %s, timeoutSeconds %d, median of 3%n", b, timeout);
      double worstCpu = 0;
      String worst = "";
      for (Check c : Checks.all()) {
        double[] cpu = new double[3];
        double[] wall = new double[3];
        Outcome o = null;
        for (int i = 0; i < 3; i++) {
          long c0 = os.getProcessCpuTime();
          long w0 = System.nanoTime();
          o = runOnce(c, p);
          cpu[i] = (os.getProcessCpuTime() - c0) / 1e9;
          wall[i] = (System.nanoTime() - w0) / 1e9;
        }
        double mc = median(cpu);
        if (mc > worstCpu) {
          worstCpu = mc;
          worst = c.metadata().id();
        }
        System.out.printf(
            "  %-40s CPU %6.3f s   wall %6.2f s   %s%n", c.metadata().id(), mc, median(wall), o);
      }
      System.out.printf("  most CPU for one check: %.3f s (%s)%n", worstCpu, worst);
    }
  }

  private static Outcome runOnce(Check c, TargetProfile p) {
    try (RunResources r = new RunResources()) {
      return new CheckRunner(Duration.ofSeconds(60))
          .run(c, TargetContext.of(p).withResources(r))
          .outcome();
    }
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}

package dev.periksa.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The whole lab started side by side, against the same lab started one service after the other: the
 * same variables in the same order, the same services left out, and every server it names accepting
 * connections.
 */
class LabStartIT {
  /** Fewer travellers than the demo's: the variables do not depend on it, the start is quicker. */
  private static final Lab.Options OPTIONS = Lab.Options.defaults().withRecords(2_000);

  @Test
  void sideBySideGivesWhatOneByOneGivesAndEveryServerAnswers() throws Exception {
    List<String> oneByOneKeys;
    Set<String> oneByOneLeftOut;
    try (Lab lab = Lab.start(OPTIONS, line -> {}, Lab.catalogue(), false, 1)) {
      oneByOneKeys = new ArrayList<>(lab.variables().keySet());
      oneByOneLeftOut = Set.copyOf(lab.unavailable().keySet());
    }

    List<String> lines = new ArrayList<>();
    long t0 = System.nanoTime();
    try (Lab lab =
        Lab.start(OPTIONS, lines::add, Lab.catalogue(), false, ServiceStarts.threads())) {
      System.out.printf(
          "[lab] side by side, %d threads: ready in %.1f s%n",
          ServiceStarts.threads(), (System.nanoTime() - t0) / 1e9);
      assertEquals(oneByOneKeys, new ArrayList<>(lab.variables().keySet()));
      assertEquals(oneByOneLeftOut, lab.unavailable().keySet());

      // One line per service: up, or left out with its reason.
      for (Supplier<LabService> make : Lab.catalogue()) {
        String name = make.get().name();
        long said =
            lines.stream()
                .filter(
                    l ->
                        l.startsWith("- " + name + ": up in ")
                            || l.startsWith("- " + name + ": left out: "))
                .count();
        assertEquals(1, said, name + " in " + lines);
      }

      Set<URI> servers = servers(lab.variables());
      assertTrue(
          servers.size() >= 2 * (Lab.catalogue().size() - oneByOneLeftOut.size()),
          servers::toString);
      for (URI u : servers) {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress(u.getHost(), u.getPort()), 5_000);
        }
      }
    }
  }

  /** Every variable that is a URL with a host and a port. */
  private static Set<URI> servers(Map<String, String> vars) {
    Set<URI> out = new LinkedHashSet<>();
    for (String v : vars.values()) {
      try {
        URI u = URI.create(v);
        if (u.getHost() != null && u.getPort() > 0) {
          out.add(u);
        }
      } catch (IllegalArgumentException e) {
        // Not a URL.
      }
    }
    return out;
  }
}

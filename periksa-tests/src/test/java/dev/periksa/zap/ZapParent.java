package dev.periksa.zap;

import java.nio.file.Path;
import java.util.List;

/** A stand-in for Periksa in a JVM of its own: starts a managed ZAP, prints its pid, waits. */
public final class ZapParent {
  private ZapParent() {}

  public static void main(String[] args) throws Exception {
    ManagedZap zap =
        ManagedZap.start(ZapDistribution.ensure(Path.of(args[0]), l -> {}), List.of(), l -> {});
    System.out.println("zap-pid " + zap.pid());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}

package dev.periksa.testing.hospital;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A run of contiguous ports free on one address, picked at random at run time, so a lab's services
 * sit inside one range a discovery profile can name ("base-end").
 */
record PortBlock(String host, int base, int size) {
  private static final int LOWEST = 20_000;
  private static final int HIGHEST = 60_000;

  /** A block of {@code size} ports all free on {@code host} right now. */
  static PortBlock free(String host, int size) throws IOException {
    SplittableRandom r = new SplittableRandom();
    for (int attempt = 0; attempt < 200; attempt++) {
      int base = LOWEST + r.nextInt(HIGHEST - LOWEST - size);
      if (allFree(host, base, size)) {
        return new PortBlock(host, base, size);
      }
    }
    throw new IOException("no block of " + size + " free ports on " + host);
  }

  private static boolean allFree(String host, int base, int size) {
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (int p = base; p < base + size; p++) {
        ServerSocket s = new ServerSocket();
        held.add(s);
        s.bind(new InetSocketAddress(host, p));
      }
      return true;
    } catch (IOException e) {
      return false;
    } finally {
      for (ServerSocket s : held) {
        try {
          s.close();
        } catch (IOException e) {
          // Released anyway.
        }
      }
    }
  }

  /** The {@code i}-th port of the block. */
  int port(int i) {
    if (i < 0 || i >= size) {
      throw new IllegalArgumentException("port " + i + " outside a block of " + size);
    }
    return base + i;
  }

  /** The last port of the block. */
  int end() {
    return base + size - 1;
  }

  /** The block as a discovery range, {@code "base-end"}. */
  String range() {
    return base + "-" + end();
  }
}

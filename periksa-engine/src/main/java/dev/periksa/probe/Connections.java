package dev.periksa.probe;

import java.util.function.BiConsumer;

/**
 * Every connection a probe opens passes here first (HTTP, raw TCP and TLS, and the drivers'
 * admission), so a test can prove that nothing outside a profile's scope was ever contacted.
 */
public final class Connections {
  private static volatile BiConsumer<String, Integer> listener = (h, p) -> {};

  private Connections() {}

  /** Installs a listener of every connection attempt ({@code host}, {@code port}); for tests. */
  public static void listen(BiConsumer<String, Integer> l) {
    listener = l == null ? (h, p) -> {} : l;
  }

  static void opening(String host, int port) {
    listener.accept(host, port);
  }
}

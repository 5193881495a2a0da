package dev.periksa.lab;

import java.util.List;
import java.util.Map;

/**
 * One product in the lab, in both twins: the legacy twin's exposed instance on the legacy address
 * and the hardened twin's protected one on the hardened address (its internals, if any, on the
 * internal address). Real servers only.
 */
public interface LabService extends AutoCloseable {

  /** Product name for progress lines, e.g. "MongoDB (mongo-java-server)". */
  String name();

  /**
   * Starts both variants and returns the variables the lab's target profiles use for them (see
   * {@code targets/ehac-*.yaml}).
   *
   * @throws Unavailable when a server this service needs is not installed here
   */
  Map<String, String> start(LabContext ctx) throws Exception;

  /** Lines shown once the lab is up, e.g. where each variant listens. */
  default List<String> describe() {
    return List.of();
  }

  @Override
  void close() throws Exception;

  /** A server the service needs is missing; the lab goes on without this service. */
  final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message) {
      super(message);
    }
  }
}

package dev.periksa.lab;

/**
 * Entry point of the lab's Solr JVM. It ends that JVM when the lab's JVM is gone, so a killed test
 * run leaves no Solr behind, and hands its arguments to Jetty's {@code XmlConfiguration}, which
 * builds and starts the servers as Solr's own distribution does. Uses only the JDK: Solr and Jetty
 * 10 are on the child's class path, never on the lab's.
 */
public final class SolrChild {
  private SolrChild() {}

  /** Arguments as {@code XmlConfiguration} takes them: properties files, then XML files. */
  public static void main(String[] args) {
    ProcessHandle.current()
        .parent()
        .ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
    try {
      Class.forName("org.eclipse.jetty.xml.XmlConfiguration")
          .getMethod("main", String[].class)
          .invoke(null, (Object) args);
    } catch (ReflectiveOperationException | RuntimeException | Error e) {
      // Jetty's threads may already run: without an explicit exit the JVM would linger.
      Throwable cause =
          e instanceof java.lang.reflect.InvocationTargetException i ? i.getCause() : e;
      cause.printStackTrace();
      System.exit(1);
    }
  }
}

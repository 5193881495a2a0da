package dev.periksa.testing;

import dev.periksa.lab.Lab;
import dev.periksa.target.ProfileLoader;
import dev.periksa.target.TargetProfile;
import java.nio.file.Path;

/** One lab per test JVM, started on first use and stopped when the JVM exits. */
public final class SharedLab {
  private static Lab lab;

  private SharedLab() {}

  public static synchronized Lab get() {
    if (lab == null) {
      try {
        lab = Lab.start(Lab.Options.defaults(), line -> System.out.println("[lab] " + line));
      } catch (Exception e) {
        throw new IllegalStateException("the lab did not start", e);
      }
      Lab started = lab;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.close();
                    } catch (Exception e) {
                      // The JVM is going away.
                    }
                  }));
    }
    return lab;
  }

  /** One of the repository's lab profiles, filled in with the running lab's values. */
  public static TargetProfile profile(String file) {
    try {
      return ProfileLoader.withOverrides(get().variables()).load(Path.of("targets", file));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.periksa.cli;

import dev.periksa.lab.Lab;
import dev.periksa.target.ProfileException;
import dev.periksa.target.ProfileLoader;
import dev.periksa.target.TargetProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's target profiles (the e-HAC twins, or a breach replay's), read from the jar and filled
 * in with a running lab's values.
 */
final class LabProfiles {
  static final List<String> FILES =
      List.of("targets/ehac-legacy.yaml", "targets/ehac-hardened.yaml");

  private LabProfiles() {}

  static List<TargetProfile> load(Lab lab) throws IOException, ProfileException {
    return load(lab, FILES);
  }

  /** Profiles read from the jar, filled in with the lab's values. */
  static List<TargetProfile> load(Lab lab, List<String> files)
      throws IOException, ProfileException {
    ProfileLoader loader = ProfileLoader.withOverrides(lab.variables());
    List<TargetProfile> out = new java.util.ArrayList<>();
    for (String f : files) {
      try (InputStream in = LabProfiles.class.getClassLoader().getResourceAsStream(f)) {
        if (in == null) {
          throw new IOException(f + " is missing from the jar");
        }
        out.add(loader.parse(Path.of(f), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      }
    }
    return out;
  }
}

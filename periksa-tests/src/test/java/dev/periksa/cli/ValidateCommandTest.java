package dev.periksa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.probe.Connections;
import dev.periksa.result.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code periksa validate}: profiles, waivers and attestations checked, nothing contacted. */
class ValidateCommandTest {
  @TempDir Path dir;

  @Test
  void validFilesGiveZeroAndABadProfile64AndNothingIsContacted() throws Exception {
    List<String> contacted = new ArrayList<>();
    Connections.listen((h, p) -> contacted.add(h + ":" + p));
    try {
      Path good = dir.resolve("good.yaml");
      Files.writeString(
          good,
          "name: good\nscope:\n  hosts: [127.0.0.7]\nendpoints:\n"
              + "  - {name: search, kind: search, url: \"http://127.0.0.7:9200\"}\n");
      Path bad = dir.resolve("bad.yaml");
      Files.writeString(
          bad,
          "name: bad\nscope:\n  hosts: [127.0.0.7]\nendpoints:\n"
              + "  - {name: search, kind: search, url: \"http://127.0.0.8:9200\"}\n");
      assertEquals(0, Main.execute("validate", good.toString()));
      assertEquals(
          0,
          Main.execute(
              "validate",
              good.toString(),
              "--waivers",
              "targets/demo-waivers.yaml",
              "--attestations",
              "targets/demo-attestations.yaml"));
      assertEquals(ExitCodes.USAGE, Main.execute("validate", good.toString(), bad.toString()));
      assertEquals(ExitCodes.USAGE, Main.execute("validate"));
      assertTrue(contacted.isEmpty(), "validate contacted " + contacted);
    } finally {
      Connections.listen(null);
    }
  }
}

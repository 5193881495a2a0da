package dev.periksa.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many targets from a folder or an inventory, and one shard's share of them. */
class FleetInventoryTest {
  @TempDir Path dir;

  private static String profile(String name, String host) {
    return "name: \""
        + name
        + "\"\nscope:\n  hosts: [\""
        + host
        + "\"]\nendpoints:\n  - {name: api, kind: http, url: \"http://"
        + host
        + ":8080/\"}\n";
  }

  @Test
  void aFolderGivesEveryProfileByFileName() throws Exception {
    Files.writeString(dir.resolve("b.yaml"), profile("clinic b", "127.1.0.2"));
    Files.writeString(dir.resolve("a.yml"), profile("clinic a", "127.1.0.1"));
    Files.writeString(dir.resolve("notes.txt"), "not a profile");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/c.yaml"), profile("clinic c", "127.1.0.3"));
    List<TargetProfile> all = FleetInventory.loadDirectory(dir, new ProfileLoader(), null);
    assertEquals(List.of("clinic a", "clinic b"), all.stream().map(TargetProfile::name).toList());
  }

  @Test
  void aFolderWithoutProfilesOrABrokenProfileStopsBeforeAnyProbe() throws Exception {
    ProfileException none =
        assertThrows(
            ProfileException.class,
            () -> FleetInventory.loadDirectory(dir, new ProfileLoader(), null));
    assertTrue(none.getMessage().contains("holds no profile"), none.getMessage());
    Files.writeString(dir.resolve("x.yaml"), "name: x\nscope: {hosts: []}\nbogus: 1\n");
    assertThrows(
        ProfileException.class, () -> FleetInventory.loadDirectory(dir, new ProfileLoader(), null));
  }

  @Test
  void anInventoryListsProfilesAndHostsFilledIntoATemplate() throws Exception {
    Files.createDirectories(dir.resolve("clinics"));
    Files.writeString(dir.resolve("clinics/rs.yaml"), profile("RS Harapan", "127.1.0.1"));
    Files.writeString(
        dir.resolve("api-template.yaml"),
        profile("${" + FleetInventory.NAME + "}", "${" + FleetInventory.HOST + "}"));
    Path inv = dir.resolve("inventory.txt");
    Files.writeString(
        inv,
        """
        # the fleet
        clinics/rs.yaml
        template: api-template.yaml
        127.1.0.5                     # named by its address
        127.1.0.6  puskesmas sukamaju
        """);
    List<TargetProfile> all = FleetInventory.loadInventory(inv, Map.of(), null);
    assertEquals(
        List.of("RS Harapan", "127.1.0.5", "puskesmas sukamaju"),
        all.stream().map(TargetProfile::name).toList());
    assertEquals(List.of("127.1.0.6"), all.get(2).scope().hosts());
  }

  @Test
  void anInventoryLineThatIsNeitherIsAnErrorWithItsLine() throws Exception {
    Path inv = dir.resolve("inventory.txt");
    Files.writeString(inv, "127.1.0.5\n");
    ProfileException e =
        assertThrows(
            ProfileException.class, () -> FleetInventory.loadInventory(inv, Map.of(), null));
    assertTrue(
        e.getMessage().contains("line 1") && e.getMessage().contains("template"), e.getMessage());
  }

  @Test
  void shardsSplitTheTargetsWithoutOverlapInAnyOrder() throws Exception {
    List<TargetProfile> all = new ArrayList<>();
    ProfileLoader loader = new ProfileLoader();
    for (int i = 0; i < 23; i++) {
      all.add(
          loader.parse(
              dir.resolve("t" + i + ".yaml"), profile("target " + i, "127.1.0." + (i + 1))));
    }
    List<TargetProfile> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new Random(7));
    Set<String> seen = new HashSet<>();
    int smallest = Integer.MAX_VALUE;
    int largest = 0;
    for (int k = 1; k <= 5; k++) {
      List<String> share =
          FleetInventory.shard(all, k + "/5").stream().map(TargetProfile::name).toList();
      List<String> again =
          FleetInventory.shard(shuffled, k + " / 5").stream().map(TargetProfile::name).toList();
      assertEquals(share, again, "the same share in any order");
      for (String n : share) {
        assertTrue(seen.add(n), n + " in two shards");
      }
      smallest = Math.min(smallest, share.size());
      largest = Math.max(largest, share.size());
    }
    assertEquals(23, seen.size(), "every target in a shard");
    assertTrue(largest - smallest <= 1, smallest + " to " + largest);
  }

  @Test
  void aShardIsWrittenKOfN() {
    for (String bad : new String[] {"0/3", "4/3", "3", "a/b", "1/0", ""}) {
      assertThrows(ProfileException.class, () -> FleetInventory.parseShard(bad), bad);
    }
  }
}

package dev.periksa.check.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.target.Endpoint;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.Profiles;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bucket names tried on a store that lists none: the target's own words first, bounded. */
class BucketNamesTest {

  @Test
  void theTargetsOwnWordsComeFirstJoinedToTheCommonOnesThenTheCommonOnesAlone() {
    TargetProfile p =
        Profiles.of(
            "RS Harapan Kita archive (discovery)", "s3", URI.create("http://127.0.0.9:9000"));
    Endpoint e = p.endpoints().get(0);
    List<String> g = BucketNames.guesses(p, e);
    assertEquals("harapan-backup", g.get(0));
    assertTrue(g.contains("kita-export"), g.toString());
    assertTrue(g.contains("archive-arsip") || g.contains("backup"), g.toString());
    assertFalse(g.stream().anyMatch(n -> n.startsWith("discovery")), g.toString());
    assertFalse(g.stream().anyMatch(n -> n.startsWith("127")), g.toString());
    assertTrue(g.size() <= BucketNames.MAX_TRIES, g.size() + " guesses");
    assertEquals(g.size(), new java.util.HashSet<>(g).size(), "a name twice");
  }

  @Test
  void withoutWordsOfItsOwnATargetGetsTheCommonNames() {
    TargetProfile p = Profiles.of("x", "s3", URI.create("http://127.0.0.9:9000"));
    assertEquals(
        BucketNames.WORDS,
        BucketNames.guesses(p, p.endpoints().get(0)).subList(0, BucketNames.WORDS.size()));
  }
}

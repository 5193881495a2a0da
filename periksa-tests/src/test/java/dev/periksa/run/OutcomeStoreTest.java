package dev.periksa.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.Outcome;
import dev.periksa.json.Json;
import dev.periksa.regulation.Catalogue;
import dev.periksa.report.ResultModel;
import dev.periksa.result.TargetOutcome;
import dev.periksa.result.Verdict;
import dev.periksa.target.TargetProfile;
import dev.periksa.testing.Outcomes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run's outcomes kept on disk: what is read back is what was put, in the targets' order. */
class OutcomeStoreTest {
  final Catalogue catalogue = Catalogue.standard();

  @Test
  void outcomesPutInAnyOrderAreReadBackAsResultsJsonRecordsThemWithTheirOwnProfile()
      throws Exception {
    List<TargetOutcome> made = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      made.add(Outcomes.searchTarget("target " + i, i % 3 == 0 ? Outcome.FAIL : Outcome.PASS));
    }
    List<TargetProfile> profiles = made.stream().map(TargetOutcome::profile).toList();
    try (OutcomeStore store = new OutcomeStore(profiles, catalogue)) {
      for (int i = made.size() - 1; i >= 0; i -= 2) {
        store.put(i, made.get(i));
      }
      for (int i = made.size() - 2; i >= 0; i -= 2) {
        store.put(i, made.get(i));
      }
      store.seal();
      assertEquals(made.size(), store.size());
      for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < made.size(); i++) {
          TargetOutcome back = store.get(i);
          assertSame(profiles.get(i), back.profile());
          assertEquals(made.get(i).verdict(), back.verdict());
          assertEquals(
              Json.MAPPER.writeValueAsString(ResultModel.target(made.get(i), catalogue)),
              Json.MAPPER.writeValueAsString(ResultModel.target(back, catalogue)));
        }
      }
      assertEquals(Verdict.NOT_CERTIFIED, store.get(0).verdict());
      assertThrows(IllegalStateException.class, () -> store.put(0, made.get(0)));
    }
  }

  @Test
  void aTargetNotEndedCannotBeReadAndTheFileGoesOnClose() throws Exception {
    TargetOutcome one = Outcomes.searchTarget("one", Outcome.PASS);
    TargetOutcome two = Outcomes.searchTarget("two", Outcome.PASS);
    OutcomeStore store = new OutcomeStore(List.of(one.profile(), two.profile()), catalogue);
    store.put(1, two);
    assertEquals("two", store.get(1).profile().name());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> store.get(0));
    assertTrue(e.getMessage().contains("one"), e.getMessage());
    Path file = fileOf(store);
    assertTrue(Files.exists(file));
    assertFalse(file.startsWith(Path.of("").toAbsolutePath()), file.toString());
    store.close();
    assertFalse(Files.exists(file));
  }

  private static Path fileOf(OutcomeStore store) throws Exception {
    var f = OutcomeStore.class.getDeclaredField("file");
    f.setAccessible(true);
    return (Path) f.get(store);
  }
}

package dev.periksa.regulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.periksa.check.Check;
import dev.periksa.check.registry.Checks;
import dev.periksa.report.Coverage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No check without a requirement, no requirement in a feature without a check, no clause id
 * unknown, and every feature's clause tags equal to the catalogue's clauses for its requirement.
 */
class CatalogueConsistencyTest {
  private final Catalogue catalogue = Catalogue.standard();

  record Feature(Path file, Set<String> tags, List<String> products) {
    String requirement() {
      return tags.stream()
          .filter(t -> Catalogue.REQUIREMENT_ID.matcher(t).matches())
          .findFirst()
          .orElseThrow();
    }
  }

  static List<Feature> features() throws IOException {
    List<Feature> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(Path.of("features"))) {
      for (Path p : s.filter(f -> f.toString().endsWith(".feature")).sorted().toList()) {
        Set<String> tags = new LinkedHashSet<>();
        List<String> products = new ArrayList<>();
        boolean examples = false;
        boolean header = false;
        for (String line : Files.readAllLines(p)) {
          String t = line.strip();
          if (t.startsWith("@")) {
            for (String tag : t.split("\\s+")) {
              tags.add(tag.substring(1));
            }
          } else if (t.startsWith("Examples:")) {
            examples = true;
            header = true;
          } else if (examples && t.startsWith("|")) {
            if (header) {
              header = false;
            } else {
              products.add(t.substring(1, t.indexOf('|', 1)).strip());
            }
          } else if (!t.isEmpty() && !t.startsWith("#")) {
            examples = false;
          }
        }
        out.add(new Feature(p, tags, products));
      }
    }
    return out;
  }

  @Test
  void theCatalogueCoversEveryRequirementOfTheDomainReference() {
    List<String> ids = catalogue.requirements().stream().map(Requirement::id).toList();
    assertEquals(
        List.of(
            "STO-1", "STO-2", "STO-3", "STO-4", "STO-5", "STO-6", "AUT-1", "AUT-2", "AUT-3",
            "AUT-4", "AUT-5", "AUZ-1", "AUZ-2", "TLS-1", "TLS-2", "TLS-3", "PII-1", "PII-2",
            "DAST-1", "GOV-1"),
        ids);
    for (Clause c : catalogue.clauses()) {
      assertTrue(c.url().startsWith("https://"), c.id());
      assertFalse(c.title().isBlank(), c.id());
    }
  }

  @Test
  void everyClauseIsTestedByAChecksRequirementOrSaysWhyNoProbeCanTestIt() {
    Set<String> checked = new HashSet<>();
    for (Check c : Checks.all()) {
      checked.addAll(c.metadata().requirementIds());
    }
    for (Clause c : catalogue.clauses()) {
      List<String> citing =
          catalogue.requirements().stream()
              .filter(r -> r.clauses().contains(c.id()))
              .map(Requirement::id)
              .toList();
      boolean tested = citing.stream().anyMatch(checked::contains);
      if (c.notRemotelyTestable()) {
        assertFalse(c.why() == null || c.why().isBlank(), c.id() + ": remote: false needs a why");
        assertTrue(
            citing.isEmpty(),
            c.id() + " is declared not remotely testable but " + citing + " cite it");
      } else {
        assertTrue(
            tested,
            c.id()
                + ": no check tests it (cited by "
                + citing
                + "); add a check or mark it remote: false with a why");
        assertTrue(c.why() == null, c.id() + ": a why only goes with remote: false");
      }
    }
    // The coverage matrix of results.json and the report says the same.
    var coverage =
        Coverage.of(List.of(), catalogue, Checks.all().stream().map(Check::metadata).toList());
    @SuppressWarnings("unchecked")
    List<java.util.Map<String, Object>> clauses =
        (List<java.util.Map<String, Object>>) coverage.get("clauses");
    assertEquals(catalogue.clauses().size(), clauses.size());
    for (var c : clauses) {
      boolean testable = Boolean.TRUE.equals(c.get("remotelyTestable"));
      assertTrue(
          testable ? !((List<?>) c.get("checks")).isEmpty() : c.get("why") != null, c.toString());
    }
  }

  @Test
  void everyFeatureNamesOneKnownRequirementAndExactlyItsClauses() throws IOException {
    List<Feature> features = features();
    assertFalse(features.isEmpty());
    for (Feature f : features) {
      List<String> reqs =
          f.tags().stream().filter(t -> Catalogue.REQUIREMENT_ID.matcher(t).matches()).toList();
      assertEquals(1, reqs.size(), f.file() + " must carry exactly one requirement tag");
      Requirement r =
          catalogue
              .requirement(reqs.get(0))
              .orElseThrow(
                  () -> new AssertionError(f.file() + ": unknown requirement " + reqs.get(0)));
      Set<String> clauses = new HashSet<>(f.tags());
      clauses.remove(r.id());
      for (String c : clauses) {
        assertTrue(catalogue.clause(c).isPresent(), f.file() + ": unknown clause tag @" + c);
      }
      assertEquals(
          new HashSet<>(r.clauses()),
          clauses,
          f.file() + ": clause tags must equal the catalogue's clauses of " + r.id());
    }
  }

  @Test
  void everyProductRowNamesACheckAndEveryCheckHasARow() throws IOException {
    Set<String> rows = new HashSet<>();
    for (Feature f : features()) {
      for (String product : f.products()) {
        assertTrue(
            Checks.find(f.requirement(), product).isPresent(),
            f.file() + ": no check verifies " + f.requirement() + " for '" + product + "'");
        rows.add(f.requirement() + "/" + product.toLowerCase(java.util.Locale.ROOT));
      }
    }
    for (Check c : Checks.all()) {
      for (String r : c.metadata().requirementIds()) {
        assertTrue(
            rows.contains(r + "/" + c.metadata().product().toLowerCase(java.util.Locale.ROOT)),
            c.metadata().id() + " has no Examples row for " + r + " / " + c.metadata().product());
      }
    }
  }

  @Test
  void everyRequirementInAFeatureHasACheckAndEveryCheckARequirementInAFeature() throws IOException {
    Set<String> featured = new HashSet<>();
    for (Feature f : features()) {
      f.tags().stream()
          .filter(t -> Catalogue.REQUIREMENT_ID.matcher(t).matches())
          .forEach(featured::add);
    }
    Set<String> checked = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (Check c : Checks.all()) {
      assertTrue(ids.add(c.metadata().id()), "duplicate check id " + c.metadata().id());
      for (String r : c.metadata().requirementIds()) {
        assertTrue(catalogue.requirement(r).isPresent(), c.metadata().id() + " cites unknown " + r);
        assertTrue(
            featured.contains(r),
            c.metadata().id() + " verifies " + r + ", which no feature states");
        checked.add(r);
      }
    }
    for (String r : featured) {
      assertTrue(checked.contains(r), r + " is stated in a feature but no check verifies it");
    }
  }
}

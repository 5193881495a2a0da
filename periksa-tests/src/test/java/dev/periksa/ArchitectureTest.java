package dev.periksa;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package graph of Periksa's main code, as rules on its bytecode: the layers of {@code
 * docs/architecture.md}, each package depending only on packages of lower layers (no upward arrow),
 * hence no cycle. A change that adds an upward dependency fails here with the classes that make it.
 */
class ArchitectureTest {
  /** Each top-level package of dev.periksa and its layer: a package may use lower layers only. */
  static final Map<String, Integer> LAYERS =
      Map.ofEntries(
          // Foundation: formats and vocabulary that know nothing of scans.
          Map.entry("json", 0),
          Map.entry("product", 0),
          Map.entry("target", 1),
          Map.entry("regulation", 1),
          Map.entry("pii", 1),
          // Evidence (redaction, severity) and the probes that talk to targets.
          Map.entry("evidence", 2),
          Map.entry("probe", 2),
          // The DAST driver, then the checks that use every probe.
          Map.entry("zap", 3),
          Map.entry("check", 4),
          // What surrounds the checks: discovery, exemptions, signatures.
          Map.entry("discovery", 5),
          Map.entry("waiver", 5),
          Map.entry("certificate", 5),
          // Results and verdicts, then every output written from them.
          Map.entry("result", 6),
          Map.entry("report", 7),
          Map.entry("ci", 7),
          // The engine and its Cucumber steps.
          Map.entry("run", 8),
          Map.entry("steps", 9),
          // The demo lab, and the command line on top of everything.
          Map.entry("lab", 10),
          Map.entry("cli", 11),
          Map.entry("maven", 12));

  private static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.periksa");
  }

  private static String top(JavaClass c) {
    String rest = c.getPackageName().substring("dev.periksa".length());
    if (rest.isEmpty()) {
      return "";
    }
    rest = rest.substring(1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  @Test
  void everyPackageHasALayer() {
    TreeSet<String> missing = new TreeSet<>();
    for (JavaClass c : classes) {
      if (!LAYERS.containsKey(top(c))) {
        missing.add(top(c) + " (" + c.getName() + ")");
      }
    }
    assertTrue(missing.isEmpty(), "packages without a layer: " + missing);
  }

  @Test
  void noPackageDependsOnAHigherOrEqualLayer() {
    List<String> upward = new ArrayList<>();
    for (JavaClass c : classes) {
      Integer from = LAYERS.get(top(c));
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        JavaClass t = d.getTargetClass();
        if (!t.getPackageName().startsWith("dev.periksa") || top(t).equals(top(c))) {
          continue;
        }
        Integer to = LAYERS.get(top(t));
        if (from != null && to != null && to >= from) {
          upward.add(top(c) + " -> " + top(t) + ": " + d.getDescription());
        }
      }
    }
    assertTrue(
        upward.isEmpty(),
        upward.size() + " upward dependencies:\n" + String.join("\n", new TreeSet<>(upward)));
  }

  @Test
  void theCheckContractKnowsNoCheck() {
    // The contract (dev.periksa.check) is what every check builds on; the registry that lists
    // them all sits above it, in check.registry, so contract and areas form no cycle.
    List<String> down = new ArrayList<>();
    for (JavaClass c : classes) {
      if (!c.getPackageName().equals("dev.periksa.check")) {
        continue;
      }
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        if (d.getTargetClass().getPackageName().startsWith("dev.periksa.check.")) {
          down.add(d.getDescription());
        }
      }
    }
    assertTrue(down.isEmpty(), String.join("\n", down));
  }

  @Test
  void theTopLevelPackagesAreFreeOfCycles() {
    slices().matching("dev.periksa.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void everyPackageIsFreeOfCycles() {
    // Sub-packages too: the areas of checks share helpers through check.support only.
    slices().matching("dev.periksa.(**)").should().beFreeOfCycles().check(classes);
  }
}

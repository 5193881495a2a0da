package dev.periksa.regulation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The requirement and clause catalogue ({@code regulation/catalogue.yaml}), read once. */
public final class Catalogue {
  /** A requirement tag: letters, a dash, digits. */
  public static final Pattern REQUIREMENT_ID = Pattern.compile("[A-Z]{2,5}-[0-9]+");

  /** A regulation of the catalogue. */
  public record Regulation(String name, String jurisdiction) {}

  private record Doc(
      Map<String, Regulation> regulations, List<Clause> clauses, List<Requirement> requirements) {}

  private static volatile Catalogue standard;

  private final Map<String, Regulation> regulations;
  private final Map<String, Clause> clauses = new LinkedHashMap<>();
  private final Map<String, Requirement> requirements = new LinkedHashMap<>();

  private Catalogue(Doc doc) {
    this.regulations = Map.copyOf(doc.regulations());
    for (Clause c : doc.clauses()) {
      if (!c.id().contains(":") || !regulations.containsKey(c.regulation())) {
        throw new IllegalStateException("clause " + c.id() + " names no known regulation");
      }
      if (c.notRemotelyTestable() && (c.why() == null || c.why().isBlank())) {
        throw new IllegalStateException("clause " + c.id() + " is remote: false without a why");
      }
      if (clauses.put(c.id(), c) != null) {
        throw new IllegalStateException("clause " + c.id() + " is listed twice");
      }
    }
    for (Requirement r : doc.requirements()) {
      if (!REQUIREMENT_ID.matcher(r.id()).matches()) {
        throw new IllegalStateException("bad requirement id " + r.id());
      }
      for (String c : r.clauses()) {
        if (!clauses.containsKey(c)) {
          throw new IllegalStateException("requirement " + r.id() + " cites unknown clause " + c);
        }
      }
      if (requirements.put(r.id(), r) != null) {
        throw new IllegalStateException("requirement " + r.id() + " is listed twice");
      }
    }
  }

  /** The catalogue shipped with Periksa. */
  public static Catalogue standard() {
    Catalogue c = standard;
    if (c == null) {
      synchronized (Catalogue.class) {
        if (standard == null) {
          standard = load();
        }
        c = standard;
      }
    }
    return c;
  }

  private static Catalogue load() {
    ObjectMapper yaml =
        new YAMLMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    try (InputStream in = Catalogue.class.getResourceAsStream("/regulation/catalogue.yaml")) {
      if (in == null) {
        throw new IllegalStateException("regulation/catalogue.yaml is missing from the classpath");
      }
      return new Catalogue(yaml.readValue(in, Doc.class));
    } catch (IOException e) {
      throw new IllegalStateException(
          "regulation/catalogue.yaml cannot be read: " + e.getMessage(), e);
    }
  }

  public Optional<Requirement> requirement(String id) {
    return Optional.ofNullable(requirements.get(id));
  }

  public Optional<Clause> clause(String id) {
    return Optional.ofNullable(clauses.get(id));
  }

  public List<Requirement> requirements() {
    return List.copyOf(requirements.values());
  }

  public List<Clause> clauses() {
    return List.copyOf(clauses.values());
  }

  public Map<String, Regulation> regulations() {
    return regulations;
  }

  /** The clauses a requirement serves, in catalogue order. */
  public List<Clause> clausesOf(Requirement r) {
    return r.clauses().stream().map(clauses::get).toList();
  }
}

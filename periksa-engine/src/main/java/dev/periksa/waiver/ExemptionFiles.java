package dev.periksa.waiver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.periksa.check.Attestation;
import dev.periksa.check.Check;
import dev.periksa.check.registry.Checks;
import dev.periksa.regulation.Catalogue;
import dev.periksa.regulation.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads waiver and attestation files. Every problem (YAML error, unknown or missing field, bad
 * date, unknown check or requirement) is refused with the file and the entry named, before anything
 * is probed.
 */
public final class ExemptionFiles {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{16}");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** What each process requirement's attestation may cover; the first is the default. */
  public static final Map<String, List<String>> ASPECTS =
      Map.of(
          "GOV-1",
          List.of(Attestation.Aspects.BREACH_NOTIFICATION, Attestation.Aspects.SECURITY_CONTACT));

  static final Set<String> WAIVER_FIELDS =
      Set.of(
          "check", "requirement", "target", "fingerprint", "justification", "approver", "expires");
  static final Set<String> ATTESTATION_FIELDS =
      Set.of("requirement", "target", "covers", "statement", "attestedBy", "date", "expires");

  /** Names of the aspects of GOV-1 an attestation may cover. */
  private final Catalogue catalogue;

  private final LocalDate today;

  public ExemptionFiles(Catalogue catalogue, LocalDate today) {
    this.catalogue = catalogue;
    this.today = today;
  }

  /** Today in UTC, the calendar waiver expiry dates are read in. */
  public static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  public List<Waiver> waivers(Path file) throws ExemptionFileException {
    return waivers(file, read(file));
  }

  public List<Attestation> attestations(Path file) throws ExemptionFileException {
    return attestations(file, read(file));
  }

  /** Parses a waiver file's text; {@code file} names it in messages. */
  public List<Waiver> waivers(Path file, String text) throws ExemptionFileException {
    JsonNode list = root(file, text, "waivers");
    Set<String> checkIds = new java.util.HashSet<>();
    for (Check c : Checks.all()) {
      checkIds.add(c.metadata().id());
    }
    List<Waiver> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode e = list.get(i);
      String at = file + ": waivers[" + i + "]";
      if (!e.isObject()) {
        throw new ExemptionFileException(at + ": must be a mapping of fields");
      }
      at = at + label(e);
      fields(at, e, WAIVER_FIELDS);
      String check = optional(at, e, "check");
      String requirement = optional(at, e, "requirement");
      if ((check == null) == (requirement == null)) {
        throw new ExemptionFileException(at + ": name exactly one of 'check' or 'requirement'");
      }
      if (check != null && !checkIds.contains(check)) {
        throw new ExemptionFileException(
            at + ": unknown check id '" + check + "' (check ids are listed in results.json)");
      }
      if (requirement != null && catalogue.requirement(requirement).isEmpty()) {
        throw new ExemptionFileException(at + ": unknown requirement id '" + requirement + "'");
      }
      String fingerprint = optional(at, e, "fingerprint");
      if (fingerprint != null && !FINGERPRINT.matcher(fingerprint).matches()) {
        throw new ExemptionFileException(
            at
                + ": fingerprint must be the 16 hex digits results.json gives a finding, not '"
                + fingerprint
                + "'");
      }
      out.add(
          new Waiver(
              check,
              requirement,
              required(at, e, "target"),
              fingerprint,
              required(at, e, "justification"),
              required(at, e, "approver"),
              date(at, e, "expires", true),
              file + " waivers[" + i + "]"));
    }
    return List.copyOf(out);
  }

  /** Parses an attestation file's text; {@code file} names it in messages. */
  public List<Attestation> attestations(Path file, String text) throws ExemptionFileException {
    JsonNode list = root(file, text, "attestations");
    List<Attestation> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode e = list.get(i);
      String at = file + ": attestations[" + i + "]";
      if (!e.isObject()) {
        throw new ExemptionFileException(at + ": must be a mapping of fields");
      }
      at = at + label(e);
      fields(at, e, ATTESTATION_FIELDS);
      String requirement = required(at, e, "requirement");
      Requirement r = catalogue.requirement(requirement).orElse(null);
      if (r == null) {
        throw new ExemptionFileException(at + ": unknown requirement id '" + requirement + "'");
      }
      if (!"governance".equals(r.area())) {
        throw new ExemptionFileException(
            at
                + ": "
                + requirement
                + " is verified by probes; only process requirements ("
                + String.join(", ", processRequirements())
                + ") can be attested");
      }
      List<String> aspects = ASPECTS.getOrDefault(requirement, List.of("all"));
      List<String> covers = new ArrayList<>();
      JsonNode c = e.get("covers");
      if (c == null || c.isNull()) {
        covers.add(aspects.get(0));
      } else {
        if (!c.isArray() || c.isEmpty()) {
          throw new ExemptionFileException(
              at + ": covers must be a list of " + String.join(", ", aspects));
        }
        for (JsonNode a : c) {
          if (!a.isTextual() || !aspects.contains(a.asText())) {
            throw new ExemptionFileException(
                at
                    + ": covers: unknown aspect '"
                    + a.asText()
                    + "' of "
                    + requirement
                    + " (known: "
                    + String.join(", ", aspects)
                    + ")");
          }
          covers.add(a.asText());
        }
      }
      JsonNode by = e.get("attestedBy");
      if (by == null || by.isNull()) {
        throw new ExemptionFileException(at + ": missing field 'attestedBy' (name and role)");
      }
      if (!by.isObject()) {
        throw new ExemptionFileException(at + ": attestedBy must hold 'name' and 'role'");
      }
      fields(at + ": attestedBy", by, Set.of("name", "role"));
      LocalDate date = date(at, e, "date", true);
      if (date.isAfter(today)) {
        throw new ExemptionFileException(at + ": date " + date + " is in the future");
      }
      LocalDate expires = date(at, e, "expires", false);
      if (expires != null && expires.isBefore(date)) {
        throw new ExemptionFileException(
            at + ": expires " + expires + " is before the date attested " + date);
      }
      out.add(
          new Attestation(
              requirement,
              required(at, e, "target"),
              covers,
              required(at, e, "statement"),
              required(at + ": attestedBy", by, "name"),
              required(at + ": attestedBy", by, "role"),
              date,
              expires,
              file + " attestations[" + i + "]"));
    }
    return List.copyOf(out);
  }

  private List<String> processRequirements() {
    return catalogue.requirements().stream()
        .filter(r -> "governance".equals(r.area()))
        .map(Requirement::id)
        .toList();
  }

  private static String read(Path file) throws ExemptionFileException {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ExemptionFileException(file + ": no such file");
    } catch (IOException e) {
      throw new ExemptionFileException(file + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private static JsonNode root(Path file, String text, String key) throws ExemptionFileException {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ExemptionFileException(
          file
              + ": not valid YAML at line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
              + ": "
              + e.getOriginalMessage(),
          e);
    }
    if (root == null || root.isMissingNode() || root.isNull() || !root.isObject()) {
      throw new ExemptionFileException(file + ": must be a mapping with a '" + key + "' list");
    }
    fields(file.toString(), root, Set.of(key));
    JsonNode list = root.get(key);
    if (list == null || !list.isArray()) {
      throw new ExemptionFileException(file + ": '" + key + "' must be a list");
    }
    return list;
  }

  /** " (requirement AUT-4, target X)" when the entry names them, to find it in a long file. */
  private static String label(JsonNode e) {
    List<String> parts = new ArrayList<>();
    for (String k : List.of("check", "requirement", "target")) {
      JsonNode v = e.get(k);
      if (v != null && v.isTextual()) {
        parts.add(k + " " + v.asText());
      }
    }
    return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
  }

  private static void fields(String at, JsonNode e, Set<String> known)
      throws ExemptionFileException {
    for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        throw new ExemptionFileException(
            at
                + ": unknown field '"
                + f
                + "' (known: "
                + String.join(", ", known.stream().sorted().toList())
                + ")");
      }
    }
  }

  private static String optional(String at, JsonNode e, String field)
      throws ExemptionFileException {
    JsonNode v = e.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode() || v.asText().isBlank()) {
      throw new ExemptionFileException(at + ": " + field + " must be a non-empty text");
    }
    return v.asText().strip();
  }

  private static String required(String at, JsonNode e, String field)
      throws ExemptionFileException {
    String v = optional(at, e, field);
    if (v == null) {
      throw new ExemptionFileException(at + ": missing field '" + field + "'");
    }
    return v;
  }

  private static LocalDate date(String at, JsonNode e, String field, boolean required)
      throws ExemptionFileException {
    String v = required ? required(at, e, field) : optional(at, e, field);
    if (v == null) {
      return null;
    }
    if (!DATE.matcher(v).matches()) {
      throw new ExemptionFileException(
          at + ": " + field + " must be a date YYYY-MM-DD, not '" + v + "'");
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException x) {
      throw new ExemptionFileException(at + ": " + field + " is not a real date: '" + v + "'");
    }
  }
}

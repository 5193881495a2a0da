package dev.periksa.check.governance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@code security.txt} read by RFC 9116's grammar: "Field: value" lines, comments, an optional
 * OpenPGP cleartext signature. Only what the check needs is kept: the Contact and Expires values,
 * the fields seen, and what is wrong with it.
 *
 * @param fields known fields seen, in order (a text with none is no security.txt)
 * @param contacts the Contact values (URIs: mailto:, https:, tel:)
 * @param expires the Expires instant, or null when missing, repeated or unreadable
 * @param problems what makes it invalid as of {@code now}, empty when valid
 */
public record SecurityTxt(
    List<String> fields, List<String> contacts, Instant expires, List<String> problems) {

  /** The field names RFC 9116 registers (section 6.4), in lower case. */
  static final Set<String> KNOWN =
      Set.of(
          "acknowledgments",
          "canonical",
          "contact",
          "encryption",
          "expires",
          "hiring",
          "policy",
          "preferred-languages",
          "csaf");

  public boolean valid() {
    return problems.isEmpty();
  }

  /** Reads the text as of {@code now}; never throws. */
  public static SecurityTxt parse(String text, Instant now) {
    List<String> fields = new ArrayList<>();
    List<String> contacts = new ArrayList<>();
    List<String> expiresValues = new ArrayList<>();
    boolean signed = false;
    boolean inSignature = false;
    boolean inHeader = false;
    for (String raw : text.split("\r?\n", -1)) {
      String line = raw.strip();
      if (line.equals("-----BEGIN PGP SIGNED MESSAGE-----")) {
        signed = true;
        inHeader = true;
        continue;
      }
      if (inHeader) {
        // The armor headers ("Hash: SHA256") end at the first blank line.
        inHeader = !line.isEmpty();
        continue;
      }
      if (line.equals("-----BEGIN PGP SIGNATURE-----")) {
        inSignature = true;
        continue;
      }
      if (line.equals("-----END PGP SIGNATURE-----")) {
        inSignature = false;
        continue;
      }
      if (inSignature || line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (signed && line.startsWith("- ")) {
        line = line.substring(2);
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (!KNOWN.contains(name) || name.contains(" ")) {
        continue;
      }
      fields.add(name);
      if (name.equals("contact") && !value.isEmpty()) {
        contacts.add(value);
      } else if (name.equals("expires")) {
        expiresValues.add(value);
      }
    }
    List<String> problems = new ArrayList<>();
    Instant expires = null;
    if (contacts.isEmpty()) {
      problems.add("no Contact field");
    }
    for (String c : contacts) {
      String lc = c.toLowerCase(Locale.ROOT);
      if (!(lc.startsWith("mailto:") || lc.startsWith("https://") || lc.startsWith("tel:"))) {
        problems.add("a Contact that is not a mailto:, https:// or tel: URI");
        break;
      }
    }
    if (expiresValues.isEmpty()) {
      problems.add("no Expires field");
    } else if (expiresValues.size() > 1) {
      problems.add("more than one Expires field");
    } else {
      try {
        expires = OffsetDateTime.parse(expiresValues.get(0)).toInstant();
        if (!expires.isAfter(now)) {
          problems.add("expired on " + expires);
        }
      } catch (DateTimeParseException e) {
        problems.add("Expires is not an RFC 3339 date-time");
      }
    }
    return new SecurityTxt(List.copyOf(fields), List.copyOf(contacts), expires, problems);
  }

  /** Facts for evidence: field names, how many contacts of which scheme, the expiry. */
  public Map<String, Object> facts() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fields", fields);
    Map<String, Integer> schemes = new LinkedHashMap<>();
    for (String c : contacts) {
      int i = c.indexOf(':');
      schemes.merge(i > 0 ? c.substring(0, i).toLowerCase(Locale.ROOT) : "?", 1, Integer::sum);
    }
    m.put("contacts", schemes);
    m.put("expires", expires == null ? null : expires.toString());
    m.put("problems", problems);
    return m;
  }
}

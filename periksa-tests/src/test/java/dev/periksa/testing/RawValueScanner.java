package dev.periksa.testing;

import dev.periksa.lab.EhacData;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Looks for any raw NIK, phone or passport number, full name or street address of the lab's
 * synthetic travellers in text and in files, including inside base64 blobs (the single-file Allure
 * report embeds its data that way).
 */
public final class RawValueScanner {
  private static final Pattern DIGITS = Pattern.compile("[0-9]{7,}");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{64,}={0,2}");

  private final Set<String> niks = new HashSet<>();
  private final Set<String> phones = new HashSet<>(); // digits only, e.g. 6281234567890 or 0812...
  private final Set<String> passports = new HashSet<>();
  private final Set<String> names = new HashSet<>();
  private final java.util.Map<String, Set<String>> addressesByTail = new java.util.HashMap<>();
  private static final Pattern NAME_PAIR =
      Pattern.compile("(?=(\\b\\p{Lu}\\p{Ll}+ \\p{Lu}\\p{Ll}+\\b))");
  private static final Pattern ADDRESS_TAIL = Pattern.compile("No\\. \\d{1,3}, \\p{Lu}[\\p{L} ]*");

  /** Knows the values of the first {@code travellers} lab records. */
  public RawValueScanner(int travellers) {
    for (int i = 0; i < travellers; i++) {
      Map<String, Object> t = EhacData.traveller(i);
      if (t.get("nik") != null) {
        niks.add(t.get("nik").toString());
      }
      if (t.get("no_paspor") != null) {
        passports.add(t.get("no_paspor").toString());
      }
      phones.add(t.get("no_hp").toString().replace("+", ""));
      names.add(t.get("nama").toString());
      String address = t.get("alamat").toString();
      int no = address.indexOf("No. ");
      if (no > 0) {
        addressesByTail.computeIfAbsent(address.substring(no), k -> new HashSet<>()).add(address);
      }
    }
  }

  /** Raw values found in a text, each described by type and position (never the value itself). */
  public List<String> findIn(String where, String text) {
    List<String> hits = new ArrayList<>();
    Matcher n = NAME_PAIR.matcher(text);
    while (n.find()) {
      if (names.contains(n.group(1))) {
        hits.add(where + ": name at " + n.start());
      }
    }
    Matcher a = ADDRESS_TAIL.matcher(text);
    while (a.find()) {
      for (int end = a.end(); end > a.start() + 8; end--) {
        Set<String> full = addressesByTail.get(text.substring(a.start(), end));
        if (full == null) {
          continue;
        }
        for (String candidate : full) {
          int from = end - candidate.length();
          if (from >= 0 && text.startsWith(candidate, from)) {
            hits.add(where + ": address at " + from);
          }
        }
        break;
      }
    }
    Matcher m = DIGITS.matcher(text);
    while (m.find()) {
      String run = m.group();
      for (int i = 0; i < run.length(); i++) {
        for (int len = 7; len <= 16 && i + len <= run.length(); len++) {
          String s = run.substring(i, i + len);
          int at = m.start() + i;
          if (len == 16 && niks.contains(s)) {
            hits.add(where + ": NIK at " + at);
          }
          if (len >= 10 && phones.contains(s)) {
            hits.add(where + ": phone at " + at);
          }
          if (len == 7) {
            for (int k = 1; k <= 2 && at - k >= 0; k++) {
              if (passports.contains(text.substring(at - k, at + 7))) {
                hits.add(where + ": passport at " + (at - k));
              }
            }
          }
        }
      }
    }
    return hits;
  }

  /** Raw values in every file under a folder, and in every base64 blob those files hold. */
  public List<String> findInTree(Path dir) throws IOException {
    List<String> hits = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        String name = dir.relativize(f).toString();
        hits.addAll(findIn(name, text));
        for (String decoded : decodedBlobs(text)) {
          hits.addAll(findIn(name + " (base64)", decoded));
        }
      }
    }
    return hits;
  }

  /** Every base64 blob in a text that decodes to UTF-8 text. */
  public static List<String> decodedBlobs(String text) {
    List<String> out = new ArrayList<>();
    Matcher b = BASE64.matcher(text);
    while (b.find()) {
      try {
        byte[] raw = Base64.getDecoder().decode(b.group());
        out.add(
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(raw))
                .toString());
      } catch (IllegalArgumentException | CharacterCodingException e) {
        // Not base64 text: a font, an image, or not base64 at all.
      }
    }
    return out;
  }
}

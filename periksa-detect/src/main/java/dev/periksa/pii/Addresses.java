package dev.periksa.pii;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The street part of a person's home address in running text (see {@link ProseNames}): the street
 * word, the street's name, the house number or block, and RT/RW in the same run. One instance per
 * scanned range; bounded look-backs and look-aheads.
 */
final class Addresses {
  private final String text;
  private final char[] cs;
  private final int from;
  private final int to;
  private final List<PiiMatch> out;

  /** The words that say where a person lives: "tinggal di", "beralamat di", "lives at". */
  private static final Pattern LIVES =
      Pattern.compile(
          ".*\\b(?:(?:tinggal|beralamat|berdomisili|bermukim|menetap)\\s+di"
              + "|(?:lives|living|resides|residing|resident)\\s+at)\\s*");

  Addresses(String text, char[] cs, int from, int to, List<PiiMatch> out) {
    this.text = text;
    this.cs = cs;
    this.from = from;
    this.to = to;
    this.out = out;
  }

  private static boolean letter(char c) {
    return Character.isLetter(c);
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean alnum(char c) {
    return letter(c) || digit(c);
  }

  private static boolean space(char c) {
    return c == ' ' || c == '\u00a0' || c == '\t';
  }

  private static boolean lineBreak(char c) {
    return c == '\n' || c == '\r';
  }

  private int wordEnd(int i) {
    int e = i;
    while (e < to && letter(cs[e])) {
      e++;
    }
    return e;
  }

  private int kind(int s, int e) {
    return ProseNames.wordKind(cs, s, e);
  }

  private int skipSpaces(int i) {
    int k = i;
    while (k < to && space(cs[k])) {
      k++;
    }
    return k;
  }

  private boolean word(int s, int e, String w) {
    return e - s == w.length() && text.regionMatches(true, s, w, 0, w.length());
  }

  /**
   * An address from the street word at [s, e): emitted when a house number, block or RT/RW follows
   * the street's name, or a person's address label stands before it; not when it is an
   * organisation's.
   *
   * @return the address's end, or -1
   */
  int street(int s, int e, int kind) {
    return street(s, e, ProseNames.streetAbbreviation(kind));
  }

  /**
   * An address from a hamlet's word at [s, e) ("KP. CIBODAS", "Kampung Sukamaju RT 01/02"), read as
   * a street's: only after a person's address label, since a hamlet standing where a street would
   * is the whole street line of a rural address (as the KTP prints it), while in running text
   * "Kampung Melayu" is a place.
   *
   * @return the address's end, or -1
   */
  int hamlet(int s, int e) {
    int k = s;
    while (k > from && space(cs[k - 1])) {
      k--;
    }
    // "tinggal di Kampung Melayu": after "di" or "at" the hamlet may be a district's name.
    boolean after = k - 2 >= from && (word(k - 2, k, "di") || word(k - 2, k, "at"));
    return !after && labelAt(s) == 1 ? street(s, e, e - s <= 2) : -1;
  }

  private int street(int s, int e, boolean abbr) {
    int i = e;
    boolean period = i < to && cs[i] == '.';
    if (period) {
      i++;
    }
    int name = skipSpaces(i);
    if (name == i && !period) {
      return -1;
    }
    if (name >= to || !alnum(cs[name])) {
      return -1;
    }
    // "jalan kaki", "gang sempit": written out, the word is a street only before a name.
    if (!abbr && letter(cs[name]) && !Character.isUpperCase(cs[name])) {
      return -1;
    }
    int label = labelBefore(s);
    if (label < 0) {
      return -1;
    }
    boolean capital = !letter(cs[name]) || Character.isUpperCase(cs[name]);
    int nameEnd = -1;
    int words = 0;
    int k = name;
    while (words < 6 && k < to) {
      char c = cs[k];
      int te;
      if (letter(c)) {
        te = wordEnd(k);
        int wk = kind(k, te);
        if (word(k, te, "km")) {
          // "Jl. Raya Bogor Km. 30": the kilometre post is part of the street.
          int d = skipSpaces(te < to && cs[te] == '.' ? te + 1 : te);
          int de = d;
          while (de < to
              && (digit(cs[de])
                  || (cs[de] == ',' || cs[de] == '.')
                      && de + 1 < to
                      && digit(cs[de + 1])
                      && de > d)) {
            de++;
          }
          if (de == d) {
            break;
          }
          te = de;
        } else if (ProseNames.numberWord(wk)
            || ProseNames.blockWord(wk)
            || ProseNames.area(wk)
            || (ProseNames.streetWord(wk) && !word(k, te, "gg") && !word(k, te, "gang"))
            || (capital && !Character.isUpperCase(c))) {
          break;
        } else if (te < to && cs[te] == '.') {
          if (te - k > 5) {
            nameEnd = te;
            words++;
            break; // a sentence ends
          }
          te++; // "Dr.", "H.", "KH.", "Jend."
        }
      } else if (digit(c)) {
        if (words > 0) {
          break; // the house number
        }
        te = k;
        while (te < to && digit(cs[te]) && te - k < 4) {
          te++;
        }
        if (te < to && alnum(cs[te])) {
          break;
        }
      } else {
        break;
      }
      nameEnd = te;
      words++;
      k = te;
      if (k + 1 < to && cs[k] == ' ' && alnum(cs[k + 1])) {
        k++;
      } else if (!(k < to && cs[k - 1] == '.' && letter(cs[k]))) {
        break;
      }
    }
    if (words == 0) {
      return -1;
    }
    int end = nameEnd;
    boolean number = false;
    int h = house(end, true);
    if (h > 0) {
      end = h;
      number = true;
    }
    int r = rtRw(end);
    if (r > 0) {
      end = r;
      number = true;
    }
    if (!number && (label == 0 || !capital)) {
      return -1;
    }
    if (letterhead(end, label == 0) || (label == 0 && organisationBefore(s))) {
      return -1;
    }
    out.add(new PiiMatch(PiiType.ADDRESS, s, end, 0.85));
    return end;
  }

  /**
   * Where the next part starts after end: after a comma and spaces, or spaces; -1 at a line end.
   */
  private int next(int end, boolean commaOk) {
    int k = end;
    if (commaOk && k < to && cs[k] == ',') {
      k++;
    }
    k = skipSpaces(k);
    return k < to && alnum(cs[k]) ? k : -1;
  }

  /**
   * A house number or block after the street's name: "No. 12", "no 12A", "Nomor 5", "Blok C2 No.
   * 5", "Blok C 12", "Kav. 7", or a bare number ("Jl. Merdeka 5").
   */
  private int house(int end, boolean bareOk) {
    int q = next(end, true);
    if (q < 0) {
      return -1;
    }
    boolean afterComma = cs[end] == ',';
    if (letter(cs[q])) {
      int we = wordEnd(q);
      int wk = kind(q, we);
      boolean no = ProseNames.numberWord(wk);
      boolean block = ProseNames.blockWord(wk);
      if (!no && !block) {
        return -1;
      }
      int v = we < to && cs[we] == '.' ? we + 1 : we;
      v = skipSpaces(v);
      int te = houseToken(v, no);
      if (te < 0) {
        return -1;
      }
      if (block) {
        int more = house(te, true);
        return more > 0 ? more : te;
      }
      return te;
    }
    if (digit(cs[q]) && bareOk && !afterComma) {
      return houseToken(q, true);
    }
    return -1;
  }

  /** A house or block token at v: "12", "12A", "C2", "C-5", "5/7", "AA"; or -1. */
  private int houseToken(int v, boolean needDigit) {
    int e = v;
    boolean hasDigit = false;
    int letters = 0;
    while (e < to && e - v < 10) {
      char c = cs[e];
      if (digit(c)) {
        hasDigit = true;
        e++;
      } else if (letter(c)) {
        letters++;
        e++;
      } else if ((c == '-' || c == '/') && e > v && e + 1 < to && alnum(cs[e + 1])) {
        e++;
      } else {
        break;
      }
    }
    if (e == v || (e < to && alnum(cs[e]))) {
      return -1;
    }
    if (needDigit ? !hasDigit : !hasDigit && letters > 3) {
      return -1;
    }
    if (hasDigit && letters > 3) {
      return -1;
    }
    return e;
  }

  /**
   * RT/RW in the same run: "RT 003/RW 005", "RT.03 RW.05", "RT/RW 003/005", "RT 03/05", "Rt. 3 Rw.
   * 5"; also RT alone.
   */
  private int rtRw(int end) {
    int q = next(end, true);
    if (q < 0 || q + 1 >= to || !word(q, wordEnd(q), "rt") && !rtSlashRw(q)) {
      return -1;
    }
    if (rtSlashRw(q)) {
      int i = q + 5;
      i = skipPunct(i);
      int a = number(i);
      if (a < 0 || a >= to || cs[a] != '/') {
        return -1;
      }
      int b = number(a + 1);
      return b;
    }
    int i = skipPunct(q + 2);
    int a = number(i);
    if (a < 0) {
      return -1;
    }
    int k = skipSpaces(a);
    boolean slash = k < to && cs[k] == '/';
    if (slash) {
      k = skipSpaces(k + 1);
    } else if (k < to && cs[k] == ',') {
      k = skipSpaces(k + 1);
    }
    if (k + 1 < to && word(k, wordEnd(k), "rw")) {
      int b = number(skipPunct(k + 2));
      return b > 0 ? b : a;
    }
    if (slash) {
      int b = number(k);
      return b > 0 ? b : a;
    }
    return a;
  }

  private boolean rtSlashRw(int q) {
    return q + 5 <= to
        && text.regionMatches(true, q, "rt/rw", 0, 5)
        && (q + 5 == to || !letter(cs[q + 5]));
  }

  private int skipPunct(int i) {
    int k = i;
    while (k < to && (cs[k] == '.' || cs[k] == ':' || space(cs[k])) && k - i < 4) {
      k++;
    }
    return k;
  }

  /** End of one to three digits at i, not glued to more; or -1. */
  private int number(int i) {
    int k = i;
    while (k < to && digit(cs[k]) && k - i < 3) {
      k++;
    }
    if (k == i || (k < to && alnum(cs[k]))) {
      return -1;
    }
    return k;
  }

  /**
   * Whose address the words before the street word say: 1 a person's ("Alamat:", "alamat pasien",
   * "tinggal di", "lives at"), -1 an organisation's ("Alamat RS:", "alamat kantor"), 0 nothing.
   */
  private int labelBefore(int s) {
    int near = labelAt(s);
    if (near != 0) {
      return near;
    }
    // "Alamat: Br. Dinas Tengah, Jl. ...": the label of the value the street continues.
    for (int k = s - 1; k > from && s - k < 80 && !lineBreak(cs[k]); k--) {
      if (cs[k] == ':' || cs[k] == '=') {
        return labelAt(k + 1);
      }
      if (cs[k] == ';'
          || cs[k] == '|'
          || cs[k] == '.'
              && k + 1 < s
              && space(cs[k + 1])
              && k - 1 > from
              && letter(cs[k - 1])
              && k - 4 > from
              && letter(cs[k - 4])) {
        return 0; // another value, or a sentence's end
      }
    }
    return 0;
  }

  private int labelAt(int s) {
    int k = s;
    while (k > from && space(cs[k - 1])) {
      k--;
    }
    if (k > from && (cs[k - 1] == '"' || cs[k - 1] == '\'')) {
      k--;
    }
    while (k > from && space(cs[k - 1])) {
      k--;
    }
    int colon = -1;
    if (k > from && (cs[k - 1] == ':' || cs[k - 1] == '=')) {
      k--;
      colon = cs[k] == ':' ? k : -1;
      while (k > from && space(cs[k - 1])) {
        k--;
      }
      if (k > from && (cs[k - 1] == '"' || cs[k - 1] == '\'')) {
        k--;
      }
    }
    int ke = k;
    int ks = k;
    int words = 0;
    while (ks > from && ke - ks < 40) {
      char c = cs[ks - 1];
      if (letter(c)) {
        int ws = ks - 1;
        while (ws > from && letter(cs[ws - 1])) {
          ws--;
        }
        if (++words > 4) {
          break;
        }
        ks = ws;
      } else if (c == ' ' || c == '_' || c == '.' || c == '-' || c == '/') {
        ks--;
      } else {
        break;
      }
    }
    if (ks >= ke && colon >= 0) {
      long above = IdentityForms.keyAbove(cs, from, colon); // "Alamat" over ": KP. CIBODAS"
      if (above >= 0) {
        ks = (int) (above >>> 32);
        ke = (int) above;
      }
    }
    if (ks >= ke) {
      return 0;
    }
    int classes = Lexicon.field(text.substring(ks, ke));
    if ((classes & Lexicon.ADDRESS) != 0) {
      return (classes & (Lexicon.OBJECT | Lexicon.NEG)) != 0 ? -1 : 1;
    }
    // "tinggal di", "beralamat di", "lives at": the words that say where a person lives.
    String tail = text.substring(ks, ke).toLowerCase(Locale.ROOT);
    if (LIVES.matcher(tail).matches()) {
      return 1;
    }
    return 0;
  }

  /**
   * Whether an organisation's name stands before the street on its line ("RSUD Kota Bandung, Jl.
   * ..."), or on the line above when the street starts its line (a letterhead).
   */
  private boolean organisationBefore(int s) {
    int ls = s;
    while (ls > from && !lineBreak(cs[ls - 1]) && s - ls < 100) {
      ls--;
    }
    if (organisationIn(ls, s)) {
      return true;
    }
    for (int k = ls; k < s; k++) {
      if (!space(cs[k])) {
        return false;
      }
    }
    // The line above, if the street starts its line.
    int pe = ls;
    for (int n = 0; n < 3 && pe > from; n++) {
      while (pe > from && lineBreak(cs[pe - 1])) {
        pe--;
      }
      int ps = pe;
      while (ps > from && !lineBreak(cs[ps - 1]) && pe - ps < 120) {
        ps--;
      }
      boolean empty = true;
      for (int k = ps; k < pe && empty; k++) {
        empty = Character.isWhitespace(cs[k]);
      }
      if (!empty) {
        return organisationIn(ps, pe);
      }
      pe = ps;
    }
    return false;
  }

  private boolean organisationIn(int a, int b) {
    int i = a;
    int prevStart = -1;
    int prevEnd = -1;
    while (i < b) {
      if (!letter(cs[i])) {
        i++;
        continue;
      }
      int e = Math.min(wordEnd(i), b);
      if (ProseNames.organisation(kind(i, e))) {
        return true;
      }
      if (word(i, e, "sakit") && prevStart >= 0 && word(prevStart, prevEnd, "rumah")) {
        return true;
      }
      prevStart = i;
      prevEnd = e;
      i = e;
    }
    return false;
  }

  /**
   * Whether a letterhead's contact line follows on the same or the next line: a fax, a website, or
   * (when no label says whose the address is) a landline written with its area code in brackets.
   */
  private boolean letterhead(int end, boolean landline) {
    int le = end;
    while (le < to && le - end < 200 && !lineBreak(cs[le])) {
      le++;
    }
    int limit = le;
    if (limit < to) {
      int n = limit;
      while (n < to && lineBreak(cs[n]) && n - limit < 2) {
        n++;
      }
      limit = n;
      while (limit < to && limit - end < 200 && !lineBreak(cs[limit])) {
        limit++;
      }
    }
    limit = Math.min(limit, end + 200);
    int i = end;
    while (i < limit) {
      if (!letter(cs[i])) {
        i++;
        continue;
      }
      int e = wordEnd(i);
      if (word(i, e, "fax")
          || word(i, e, "faks")
          || word(i, e, "faksimili")
          || word(i, e, "facsimile")
          || word(i, e, "www")
          || word(i, e, "website")
          || word(i, e, "http")
          || word(i, e, "https")) {
        return true;
      }
      if (landline
          && (word(i, e, "telp")
              || word(i, e, "telepon")
              || word(i, e, "tel")
              || word(i, e, "tlp")
              || word(i, e, "phone"))) {
        int k = e;
        while (k < limit && k - e < 4 && (cs[k] == '.' || cs[k] == ':' || space(cs[k]))) {
          k++;
        }
        if (k < limit && cs[k] == '(') {
          return true;
        }
      }
      i = e;
    }
    return false;
  }

  /**
   * An English street address after a person's address label: the house number, then the street's
   * capitalised name through its type ("12 Baker Street", "4417 Oak St").
   */
  void numberFirst(int p, int le) {
    int k = p;
    while (k < le && digit(cs[k]) && k - p < 6) {
      k++;
    }
    if (k < le && letter(cs[k]) && (k + 1 >= le || !letter(cs[k + 1]))) {
      k++; // 221B
    }
    if (k >= le || cs[k] != ' ') {
      return;
    }
    int i = k + 1;
    for (int n = 0; n < 5 && i < le && Character.isUpperCase(cs[i]); n++) {
      int e = wordEnd(i);
      if (n > 0 && ProseNames.streetSuffix(kind(i, e))) {
        out.add(new PiiMatch(PiiType.ADDRESS, p, e, 0.8));
        return;
      }
      if (e >= le || cs[e] != ' ') {
        return;
      }
      i = e + 1;
    }
  }
}

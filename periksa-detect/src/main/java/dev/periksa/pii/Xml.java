package dev.periksa.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * XML read as the tree it is: an element's name is the field name of its text ({@code
 * <nik>3174…</nik>}), an attribute's name that of its value, and FHIR's {@code <family value="…"/>}
 * is the field {@code family} with its value, as in FHIR JSON. Elements are the nodes of a {@link
 * Tree}, so XML gets the same context as JSON: enclosing names, a sibling {@code <system
 * value=".../nik"/>}, a resource that is not a person ({@code <Organization>}).
 *
 * <p>The reader is lenient, as a scanner of replies must be: no DTDs, no namespaces resolved (a
 * prefix is dropped from a name), entities left as written (a value holding one is read as free
 * text), and a document cut short keeps what its complete elements said; the rest is read as free
 * text. Comments, processing instructions and CDATA text are read as free text. Mixed content (text
 * beside child elements: an XHTML narrative) is read as free text.
 */
final class Xml {
  private Xml() {}

  /** Root elements of HTML pages, read as HTML (without their tags) instead. */
  private static final Set<String> HTML_ROOTS =
      Set.of(
          "html", "head", "body", "div", "span", "table", "thead", "tbody", "tr", "td", "th", "p",
          "dl", "dt", "dd", "ul", "ol", "li", "section", "article", "main", "header", "footer",
          "nav", "form", "label", "h1", "h2", "h3", "h4", "h5", "h6", "b", "strong", "em", "i", "a",
          "pre", "br", "hr", "img", "meta", "link", "title", "style", "script");

  /** Deepest nesting followed; deeper elements are read as free text. */
  private static final int MAX_DEPTH = 256;

  /** Whether the text is an XML document: a declaration or a root element that is not HTML's. */
  static boolean looksLikeXml(String text) {
    int i = 0;
    int n = text.length();
    while (i < n && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    if (text.startsWith("<?xml", i)) {
      return true;
    }
    // Skip comments and a doctype before the root.
    while (i < n && text.startsWith("<!", i)) {
      if (text.regionMatches(true, i, "<!doctype html", 0, 14)) {
        return false;
      }
      int close = text.startsWith("<!--", i) ? text.indexOf("-->", i) : text.indexOf('>', i);
      if (close < 0) {
        return false;
      }
      i = close + (text.startsWith("<!--", i) ? 3 : 1);
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
    }
    if (i + 1 >= n || text.charAt(i) != '<' || !Character.isLetter(text.charAt(i + 1))) {
      return false;
    }
    int e = nameEnd(text, i + 1);
    String root = localName(text.substring(i + 1, e)).toLowerCase(Locale.ROOT);
    return !HTML_ROOTS.contains(root) && text.indexOf("</", e) > 0;
  }

  /** One open element. */
  private static final class Element {
    final String name;
    boolean children;
    int textStart = -1;
    int textEnd = -1;

    /** Text beside child elements: read as free text when the element closes. */
    final List<int[]> loose = new ArrayList<>();

    Element(String name) {
      this.name = name;
    }
  }

  /** The matches, or null when the text is not XML. */
  static List<PiiMatch> scan(String text) {
    if (!looksLikeXml(text)) {
      return null;
    }
    List<PiiMatch> found = new ArrayList<>();
    TextScanner scanner = TextScanner.of(text, text.toCharArray(), found);
    try {
      Tree tree = new Tree(text, scanner, found);
      List<Element> open = new ArrayList<>();
      int n = text.length();
      int i = 0;
      while (i < n) {
        char c = text.charAt(i);
        if (c != '<') {
          int lt = text.indexOf('<', i);
          int end = lt < 0 ? n : lt;
          text(text, open, i, end, scanner);
          i = end;
          continue;
        }
        if (text.startsWith("<!--", i)) {
          int close = text.indexOf("-->", i + 4);
          int end = close < 0 ? n : close;
          scanner.scan(i + 4, end, 0);
          i = close < 0 ? n : close + 3;
        } else if (text.startsWith("<![CDATA[", i)) {
          int close = text.indexOf("]]>", i + 9);
          int end = close < 0 ? n : close;
          text(text, open, i + 9, end, scanner);
          i = close < 0 ? n : close + 3;
        } else if (text.startsWith("<?", i) || text.startsWith("<!", i)) {
          int close = text.indexOf('>', i);
          i = close < 0 ? n : close + 1;
        } else if (text.startsWith("</", i)) {
          int close = text.indexOf('>', i);
          if (close < 0) {
            break;
          }
          String name = localName(text.substring(i + 2, nameEnd(text, i + 2)));
          // Close up to the matching element; a stray end tag closes nothing.
          int match = open.size() - 1;
          while (match >= 0 && !open.get(match).name.equals(name)) {
            match--;
          }
          while (match >= 0 && open.size() > match) {
            closeElement(text, open, tree, scanner);
          }
          i = close + 1;
        } else if (i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
          int next = startTag(text, i, open, tree, scanner);
          if (next < 0) {
            scanner.scan(i, n, 0); // a tag cut short: the rest is text
            i = n;
          } else {
            i = next;
          }
        } else {
          int lt = text.indexOf('<', i + 1);
          int end = lt < 0 ? n : lt;
          text(text, open, i, end, scanner);
          i = end;
        }
      }
      while (!open.isEmpty()) {
        // Cut short: what the open elements held so far is read.
        closeElement(text, open, tree, scanner);
      }
    } finally {
      scanner.release();
    }
    return found;
  }

  /** Text between tags: an element's value, or loose text beside children. */
  private static void text(String text, List<Element> open, int s, int e, TextScanner scanner) {
    boolean blank = true;
    for (int k = s; k < e && blank; k++) {
      blank = Character.isWhitespace(text.charAt(k));
    }
    if (blank) {
      return;
    }
    if (open.isEmpty()) {
      scanner.scan(s, e, 0);
      return;
    }
    Element top = open.get(open.size() - 1);
    if (top.children) {
      top.loose.add(new int[] {s, e});
    } else if (top.textStart < 0) {
      top.textStart = s;
      top.textEnd = e;
    } else {
      top.textEnd = e; // CDATA next to text: one value
    }
  }

  /** Reads a start tag at i; returns where it ends, or -1 when it is cut short. */
  private static int startTag(
      String text, int i, List<Element> open, Tree tree, TextScanner scanner) {
    int n = text.length();
    int nameEnd = nameEnd(text, i + 1);
    String name = localName(text.substring(i + 1, nameEnd));
    // Attributes: name="value" or name='value'.
    List<int[]> attrs = new ArrayList<>(); // nameStart, nameEnd, valueStart, valueEnd
    int k = nameEnd;
    boolean selfClosing = false;
    while (true) {
      while (k < n && Character.isWhitespace(text.charAt(k))) {
        k++;
      }
      if (k >= n) {
        return -1;
      }
      char c = text.charAt(k);
      if (c == '>') {
        k++;
        break;
      }
      if (c == '/' && k + 1 < n && text.charAt(k + 1) == '>') {
        selfClosing = true;
        k += 2;
        break;
      }
      int an = nameEnd(text, k);
      if (an == k) {
        k++; // not a name: skip the character
        continue;
      }
      int j = an;
      while (j < n && Character.isWhitespace(text.charAt(j))) {
        j++;
      }
      if (j < n && text.charAt(j) == '=') {
        j++;
        while (j < n && Character.isWhitespace(text.charAt(j))) {
          j++;
        }
        if (j >= n) {
          return -1;
        }
        char q = text.charAt(j);
        if (q == '"' || q == '\'') {
          int close = text.indexOf(q, j + 1);
          if (close < 0) {
            return -1;
          }
          attrs.add(new int[] {k, an, j + 1, close});
          k = close + 1;
        } else {
          int v = j;
          while (v < n && !Character.isWhitespace(text.charAt(v)) && text.charAt(v) != '>') {
            v++;
          }
          attrs.add(new int[] {k, an, j, v});
          k = v;
        }
      } else {
        k = an;
      }
    }
    if (!open.isEmpty()) {
      open.get(open.size() - 1).children = true;
    }
    if (open.size() >= MAX_DEPTH) {
      scanner.scan(i, k, 0);
      return k;
    }
    // FHIR's primitive: <family value="Santoso"/> is the field "family" of the enclosing element.
    for (int[] a : attrs) {
      if (text.startsWith("value", a[0]) && a[1] - a[0] == 5) {
        value(text, tree, name, a[2], a[3]);
      }
    }
    boolean fhir = false;
    for (int[] a : attrs) {
      String an = text.substring(a[0], a[1]);
      fhir |= an.startsWith("xmlns") && text.startsWith("http://hl7.org/fhir", a[2]);
    }
    String parent = open.isEmpty() ? null : open.get(open.size() - 1).name;
    if (fhir
        || (Character.isUpperCase(name.charAt(0))
            && ("resource".equals(parent) || "contained".equals(parent)))) {
      tree.openResource(name);
    } else {
      tree.open(name);
    }
    open.add(new Element(name));
    for (int[] a : attrs) {
      String an = localName(text.substring(a[0], a[1]));
      if (an.equals("value") || text.startsWith("xmlns", a[0]) || a[3] <= a[2]) {
        continue;
      }
      value(text, tree, an, a[2], a[3]);
    }
    if (selfClosing) {
      closeElement(text, open, tree, scanner);
    }
    return k;
  }

  /** Closes the innermost element: its text is the value of its name in the enclosing element. */
  private static void closeElement(
      String text, List<Element> open, Tree tree, TextScanner scanner) {
    Element e = open.remove(open.size() - 1);
    tree.close();
    for (int[] loose : e.loose) {
      scanner.scan(loose[0], loose[1], 0);
    }
    if (e.textStart >= 0) {
      if (e.children) {
        scanner.scan(e.textStart, e.textEnd, 0);
      } else {
        value(text, tree, e.name, e.textStart, e.textEnd);
      }
    }
  }

  /** A value at [s, e) under a field name, trimmed; entities make it free text of its field. */
  private static void value(String text, Tree tree, String field, int s, int e) {
    while (s < e && Character.isWhitespace(text.charAt(s))) {
      s++;
    }
    while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    if (e <= s) {
      return;
    }
    tree.leaf(field, s, e, text.substring(s, e), true);
  }

  private static int nameEnd(String text, int from) {
    int k = from;
    while (k < text.length()) {
      char c = text.charAt(k);
      if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':') {
        k++;
      } else {
        break;
      }
    }
    return k;
  }

  private static String localName(String qname) {
    int colon = qname.indexOf(':');
    return colon < 0 ? qname : qname.substring(colon + 1);
  }
}

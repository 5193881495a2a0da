package dev.periksa.pii.corpus;

import dev.periksa.pii.PiiType;
import dev.periksa.pii.corpus.Doc.Part;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small JSON tree whose string values may carry labelled parts, rendered into a {@link Doc}. */
final class Json {
  private Json() {}

  /** A JSON value. */
  interface Node {}

  /** An object; keys keep their insertion order. */
  static final class Obj implements Node {
    final Map<String, Node> fields = new LinkedHashMap<>();

    Obj put(String key, Node value) {
      fields.put(key, value);
      return this;
    }

    Obj str(String key, String value) {
      return put(key, new Str(List.of(Part.plain(value))));
    }

    Obj str(String key, PiiType type, String value) {
      return put(key, new Str(List.of(new Part(type, value))));
    }

    /** A string whose value after an unlabelled prefix (a title: "dr. ") is labelled. */
    Obj str(String key, String prefix, PiiType type, String value) {
      return put(key, new Str(List.of(Part.plain(prefix), new Part(type, value))));
    }

    Obj num(String key, String raw) {
      return put(key, new Num(null, raw));
    }

    Obj num(String key, PiiType type, String raw) {
      return put(key, new Num(type, raw));
    }
  }

  /** An array. */
  static final class Arr implements Node {
    final List<Node> items = new ArrayList<>();

    Arr add(Node n) {
      items.add(n);
      return this;
    }
  }

  /** A string made of parts; labels cover parts, never the quotes. */
  record Str(List<Part> parts) implements Node {
    static Str of(String s) {
      return new Str(List.of(Part.plain(s)));
    }

    static Str of(PiiType type, String s) {
      return new Str(List.of(new Part(type, s)));
    }
  }

  /** A number or literal written as is. */
  record Num(PiiType type, String raw) implements Node {}

  /** Writes a tree compactly or indented; either is what real APIs send. */
  static void render(Node n, Doc d, boolean pretty) {
    render(n, d, pretty, 0);
  }

  private static void render(Node n, Doc d, boolean pretty, int depth) {
    if (n instanceof Obj o) {
      if (o.fields.isEmpty()) {
        d.t("{}");
        return;
      }
      d.t("{");
      boolean first = true;
      for (Map.Entry<String, Node> e : o.fields.entrySet()) {
        if (!first) {
          d.t(",");
        }
        first = false;
        newline(d, pretty, depth + 1);
        d.t("\"" + e.getKey() + "\"" + (pretty ? ": " : ":"));
        render(e.getValue(), d, pretty, depth + 1);
      }
      newline(d, pretty, depth);
      d.t("}");
    } else if (n instanceof Arr a) {
      if (a.items.isEmpty()) {
        d.t("[]");
        return;
      }
      d.t("[");
      boolean first = true;
      for (Node item : a.items) {
        if (!first) {
          d.t(",");
        }
        first = false;
        newline(d, pretty, depth + 1);
        render(item, d, pretty, depth + 1);
      }
      newline(d, pretty, depth);
      d.t("]");
    } else if (n instanceof Str s) {
      d.t("\"").parts(s.parts()).t("\"");
    } else if (n instanceof Num num) {
      d.v(num.type(), num.raw());
    }
  }

  private static void newline(Doc d, boolean pretty, int depth) {
    if (pretty) {
      d.t("\n" + "  ".repeat(depth));
    }
  }
}

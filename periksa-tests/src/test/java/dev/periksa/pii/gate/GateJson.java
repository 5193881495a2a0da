package dev.periksa.pii.gate;

import dev.periksa.pii.PiiType;
import java.util.ArrayDeque;
import java.util.Deque;

/** Writes JSON into a {@link GateText}, pretty or compact, labelling string values on request. */
final class GateJson {
  private final GateText g;
  private final boolean pretty;
  private final String indent;
  private final Deque<Boolean> first = new ArrayDeque<>();

  GateJson(GateText g, boolean pretty, String indent) {
    this.g = g;
    this.pretty = pretty;
    this.indent = indent;
  }

  GateJson(GateText g, boolean pretty) {
    this(g, pretty, "  ");
  }

  private void key(String k) {
    if (!first.isEmpty()) {
      boolean isFirst = first.pop();
      if (!isFirst) {
        g.t(",");
      }
      first.push(false);
      if (pretty) {
        g.nl().t(indent.repeat(first.size()));
      }
    }
    if (k != null) {
      g.t("\"" + k + "\":" + (pretty ? " " : ""));
    }
  }

  GateJson open(String k) {
    key(k);
    g.t("{");
    first.push(true);
    return this;
  }

  GateJson close() {
    boolean empty = first.pop();
    if (pretty && !empty) {
      g.nl().t(indent.repeat(first.size()));
    }
    g.t("}");
    return this;
  }

  GateJson arr(String k) {
    key(k);
    g.t("[");
    first.push(true);
    return this;
  }

  GateJson end() {
    boolean empty = first.pop();
    if (pretty && !empty) {
      g.nl().t(indent.repeat(first.size()));
    }
    g.t("]");
    return this;
  }

  GateJson s(String k, String v) {
    key(k);
    g.t("\"" + v + "\"");
    return this;
  }

  /** A string value, labelled when type is not null. */
  GateJson s(String k, PiiType type, String v) {
    key(k);
    g.t("\"").maybe(type, v).t("\"");
    return this;
  }

  /** A string value made of parts (text and labelled values). */
  GateJson parts(String k, Object... parts) {
    key(k);
    g.t("\"").put(parts).t("\"");
    return this;
  }

  /** A string value whose content the body writes (it must not write quotes or backslashes). */
  GateJson str(String k, java.util.function.Consumer<GateText> body) {
    key(k);
    g.t("\"");
    body.accept(g);
    g.t("\"");
    return this;
  }

  /** A literal: number, boolean or null. */
  GateJson raw(String k, String literal) {
    key(k);
    g.t(literal);
    return this;
  }

  /** A bare labelled number (e.g. an unquoted NIK). */
  GateJson num(String k, PiiType type, String digits) {
    key(k);
    g.maybe(type, digits);
    return this;
  }

  /** {"system": s, "code": c, "display": d} */
  GateJson coding(String system, String code, String display) {
    return open(null).s("system", system).s("code", code).s("display", display).close();
  }
}

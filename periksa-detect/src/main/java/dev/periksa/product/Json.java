package dev.periksa.product;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON value as the product parsers read replies: objects, arrays and scalars over jackson-core's
 * streaming parser alone, since the parsers also run inside ZAP, where jackson-databind is not
 * shipped. Reading is bounded: at most {@link #MAX_BYTES} of input and {@link #MAX_DEPTH} levels of
 * nesting. Navigation follows Jackson's {@code path} style: a missing member is the {@link
 * #isMissing() missing} value, never null, so a shape test reads as one chain.
 */
public final class Json {
  /** Deepest nesting read, as for the probe's own JSON reading; real replies stay far below it. */
  public static final int MAX_DEPTH = 200;

  /** Largest input read; a reply the probe or ZAP kept is far smaller. */
  public static final int MAX_BYTES = 8 * 1024 * 1024;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
          .build();

  private static final Json MISSING = new Json(Kind.MISSING, null);
  private static final Json NULL = new Json(Kind.NULL, null);

  private enum Kind {
    OBJECT,
    ARRAY,
    STRING,
    NUMBER,
    BOOLEAN,
    NULL,
    MISSING
  }

  private final Kind kind;
  private final Object value;

  private Json(Kind kind, Object value) {
    this.kind = kind;
    this.value = value;
  }

  /**
   * The first JSON value of the bytes, or empty when they do not begin with a whole, well-formed
   * value within the bounds. What follows that value is not read (as Jackson's {@code readTree}).
   */
  public static Optional<Json> parse(byte[] bytes) {
    if (bytes == null || bytes.length == 0 || bytes.length > MAX_BYTES) {
      return Optional.empty();
    }
    try (JsonParser p = FACTORY.createParser(bytes)) {
      JsonToken t = p.nextToken();
      return t == null ? Optional.empty() : Optional.of(read(p, t));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Json read(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT:
        {
          Map<String, Json> fields = new LinkedHashMap<>();
          JsonToken n;
          while ((n = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            fields.put(name, read(p, p.nextToken()));
          }
          if (n != JsonToken.END_OBJECT) {
            throw new IOException("object not closed");
          }
          return new Json(Kind.OBJECT, Collections.unmodifiableMap(fields));
        }
      case START_ARRAY:
        {
          List<Json> items = new ArrayList<>();
          JsonToken n;
          while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
            if (n == null) {
              throw new IOException("array not closed");
            }
            items.add(read(p, n));
          }
          return new Json(Kind.ARRAY, Collections.unmodifiableList(items));
        }
      case VALUE_STRING:
        return new Json(Kind.STRING, p.getText());
      case VALUE_NUMBER_INT:
        return new Json(Kind.NUMBER, p.getNumberValue());
      case VALUE_NUMBER_FLOAT:
        // As jackson-databind's default tree: floating-point numbers are doubles.
        return new Json(Kind.NUMBER, p.getDoubleValue());
      case VALUE_TRUE:
        return new Json(Kind.BOOLEAN, Boolean.TRUE);
      case VALUE_FALSE:
        return new Json(Kind.BOOLEAN, Boolean.FALSE);
      case VALUE_NULL:
        return NULL;
      default:
        throw new IOException("unexpected " + t);
    }
  }

  /** The member of an object, or the missing value. */
  public Json path(String field) {
    if (kind != Kind.OBJECT) {
      return MISSING;
    }
    Json v = fields().get(field);
    return v == null ? MISSING : v;
  }

  /** The element of an array, or the missing value. */
  public Json path(int index) {
    if (kind != Kind.ARRAY || index < 0 || index >= elements().size()) {
      return MISSING;
    }
    return elements().get(index);
  }

  /** Whether an object has this member (even a null one). */
  public boolean has(String field) {
    return kind == Kind.OBJECT && fields().containsKey(field);
  }

  public boolean isObject() {
    return kind == Kind.OBJECT;
  }

  public boolean isArray() {
    return kind == Kind.ARRAY;
  }

  public boolean isText() {
    return kind == Kind.STRING;
  }

  public boolean isNumber() {
    return kind == Kind.NUMBER;
  }

  /** A number without a fraction (as written: {@code 5}, not {@code 5.0}). */
  public boolean isIntegral() {
    return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
  }

  public boolean isBoolean() {
    return kind == Kind.BOOLEAN;
  }

  public boolean isNull() {
    return kind == Kind.NULL;
  }

  public boolean isMissing() {
    return kind == Kind.MISSING;
  }

  /** An object or an array. */
  public boolean isContainer() {
    return kind == Kind.OBJECT || kind == Kind.ARRAY;
  }

  /** The text of a scalar (a string as is, a number or boolean as written), else the default. */
  public String asText(String otherwise) {
    return switch (kind) {
      case STRING -> (String) value;
      case NUMBER, BOOLEAN -> String.valueOf(value);
      default -> otherwise;
    };
  }

  /** A number, or a string holding a whole number, as a long; else the default. */
  public long asLong(long otherwise) {
    if (kind == Kind.NUMBER) {
      return ((Number) value).longValue();
    }
    if (kind == Kind.STRING) {
      try {
        return Long.parseLong(((String) value).strip());
      } catch (NumberFormatException e) {
        return otherwise;
      }
    }
    return otherwise;
  }

  /** A boolean's value, else the default. */
  public boolean asBoolean(boolean otherwise) {
    return kind == Kind.BOOLEAN ? (Boolean) value : otherwise;
  }

  /** An object's members in their order; empty for anything else. */
  @SuppressWarnings("unchecked")
  public Map<String, Json> fields() {
    return kind == Kind.OBJECT ? (Map<String, Json>) value : Map.of();
  }

  /** An array's elements; empty for anything else. */
  @SuppressWarnings("unchecked")
  public List<Json> elements() {
    return kind == Kind.ARRAY ? (List<Json>) value : List.of();
  }

  /** Members of an object or elements of an array; 0 for anything else. */
  public int size() {
    return kind == Kind.OBJECT ? fields().size() : kind == Kind.ARRAY ? elements().size() : 0;
  }

  /** The value as compact JSON, written as jackson-databind writes a tree; "" when missing. */
  @Override
  public String toString() {
    if (kind == Kind.MISSING) {
      return "";
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(g);
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON to a string failed", e);
    }
    return out.toString();
  }

  private void write(JsonGenerator g) throws IOException {
    switch (kind) {
      case OBJECT -> {
        g.writeStartObject();
        for (Map.Entry<String, Json> f : fields().entrySet()) {
          g.writeFieldName(f.getKey());
          f.getValue().write(g);
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (Json e : elements()) {
          e.write(g);
        }
        g.writeEndArray();
      }
      case STRING -> g.writeString((String) value);
      case NUMBER -> {
        if (value instanceof Integer i) {
          g.writeNumber(i);
        } else if (value instanceof Long l) {
          g.writeNumber(l);
        } else if (value instanceof BigInteger b) {
          g.writeNumber(b);
        } else if (value instanceof BigDecimal d) {
          g.writeNumber(d);
        } else {
          g.writeNumber(((Number) value).doubleValue());
        }
      }
      case BOOLEAN -> g.writeBoolean((Boolean) value);
      default -> g.writeNull();
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Json j && kind == j.kind && java.util.Objects.equals(value, j.value);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + java.util.Objects.hashCode(value);
  }
}

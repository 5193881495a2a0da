package dev.periksa.zap.rules;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a set of root classes needs, found by reading their class files' constant pools (the
 * class entries, and the type names in descriptors and generic signatures): Periksa's own are
 * collected with their bytes, every other class is reported by name. Read from the running code
 * (target/classes or the Periksa jar), so the add-on always carries what the rules use now.
 */
final class ClassClosure {
  private static final Pattern DESCRIPTOR_TYPE =
      Pattern.compile("L([A-Za-z_$][\\w$]*(?:/[A-Za-z_$][\\w$]*)+)[;<]");

  private ClassClosure() {}

  /**
   * What the roots need.
   *
   * @param own internal name (dev/periksa/...) to class file bytes, sorted by name
   * @param external internal names of every other class referred to, sorted
   */
  record Result(TreeMap<String, byte[]> own, TreeSet<String> external) {}

  /**
   * Walks from the roots (internal names) through every class of {@code ownPrefix} they reach.
   *
   * @throws IOException when a class of {@code ownPrefix} cannot be read from the loader
   */
  static Result of(List<String> roots, String ownPrefix, ClassLoader loader) throws IOException {
    TreeMap<String, byte[]> own = new TreeMap<>();
    TreeSet<String> external = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      String name = todo.poll();
      if (own.containsKey(name)) {
        continue;
      }
      byte[] bytes;
      try (InputStream in = loader.getResourceAsStream(name + ".class")) {
        if (in == null) {
          throw new IOException("class " + name.replace('/', '.') + " is not on the class path");
        }
        bytes = in.readAllBytes();
      }
      own.put(name, bytes);
      for (String ref : references(bytes)) {
        if (ref.equals(name)) {
          continue;
        }
        if (ref.startsWith(ownPrefix)) {
          if (!own.containsKey(ref)) {
            todo.add(ref);
          }
        } else {
          external.add(ref);
        }
      }
    }
    return new Result(own, external);
  }

  /** The internal names of the classes a class file refers to. */
  static Set<String> references(byte[] classFile) throws IOException {
    Set<String> out = new TreeSet<>();
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classIndex = new int[count];
    int classes = 0;
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 3, 4 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++;
        }
        case 7 -> classIndex[classes++] = in.readUnsignedShort();
        case 8, 16, 19, 20 -> in.readUnsignedShort();
        case 9, 10, 11, 12, 17, 18 -> in.readInt();
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    for (int c = 0; c < classes; c++) {
      String n = utf8[classIndex[c]];
      if (n == null) {
        continue;
      }
      if (n.startsWith("[")) {
        Matcher m = DESCRIPTOR_TYPE.matcher(n);
        while (m.find()) {
          out.add(m.group(1));
        }
      } else {
        out.add(n);
      }
    }
    for (String s : utf8) {
      if (s != null && (s.startsWith("(") || s.startsWith("L") || s.startsWith("["))) {
        Matcher m = DESCRIPTOR_TYPE.matcher(s);
        while (m.find()) {
          out.add(m.group(1));
        }
      }
    }
    return out;
  }
}

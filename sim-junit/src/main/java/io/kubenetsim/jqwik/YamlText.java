package io.kubenetsim.jqwik;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes trees of maps, lists, strings, numbers and booleans as block YAML, the way kubectl
 * writes manifests: two-space indents, list items at their key's indent, {@code {}} and {@code
 * []} for empty maps and lists. Maps are written in their iteration order, so callers pass
 * {@code LinkedHashMap}s.
 *
 * <p>A string is written plain only when every YAML 1.1 reader reads it back as that string:
 * it starts with a letter, holds only letters, digits and {@code -_./}, and is not a word YAML
 * 1.1 reads as a boolean or null ({@code yes}, {@code n}, {@code off}, {@code null} …). Every
 * other string is double-quoted, so label values such as {@code "8080"}, {@code "true"} and
 * {@code ""} stay strings.
 */
final class YamlText {
  private YamlText() {}

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z][-A-Za-z0-9_./]*");
  private static final Set<String> SPECIAL_WORDS =
      Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");

  /** {@return the documents, each a map, separated by {@code ---} lines} */
  static String documents(List<Map<String, Object>> documents) {
    StringBuilder out = new StringBuilder();
    for (Map<String, Object> document : documents) {
      out.append("---\n");
      map(out, document, 0, "");
    }
    return out.toString();
  }

  /** {@return a scalar as YAML writes it: plain when that reads back the same, else quoted} */
  static String scalar(Object value) {
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    String text = (String) value;
    boolean plain = PLAIN.matcher(text).matches()
        && !SPECIAL_WORDS.contains(text.toLowerCase(Locale.ROOT));
    return plain ? text : quoted(text);
  }

  /** Writes a map's entries; the first line starts with {@code firstPrefix} (a "- " item). */
  private static void map(StringBuilder out, Map<?, ?> map, int indent, String firstPrefix) {
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      out.append(first ? firstPrefix : " ".repeat(indent));
      first = false;
      out.append(scalar(entry.getKey())).append(':');
      value(out, entry.getValue(), indent);
    }
  }

  /** Writes what follows {@code key:}. */
  private static void value(StringBuilder out, Object value, int indent) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append(" {}\n");
      } else {
        out.append('\n');
        map(out, map, indent + 2, " ".repeat(indent + 2));
      }
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append(" []\n");
      } else {
        out.append('\n');
        list(out, list, indent);
      }
    } else {
      out.append(' ').append(scalar(value)).append('\n');
    }
  }

  private static void list(StringBuilder out, List<?> list, int indent) {
    String dash = " ".repeat(indent) + "- ";
    for (Object item : list) {
      if (item instanceof Map<?, ?> map) {
        if (map.isEmpty()) {
          out.append(dash).append("{}\n");
        } else {
          map(out, map, indent + 2, dash);
        }
      } else if (item instanceof List<?>) {
        throw new IllegalArgumentException("lists of lists are not written: " + list);
      } else {
        out.append(dash).append(scalar(item)).append('\n');
      }
    }
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}

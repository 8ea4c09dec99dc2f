package io.kubenetsim.core.store.validation;

import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.LabelSelectorRequirement;
import io.kubenetsim.model.NodeAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Renders structured bad values the way current apimachinery prints them in a field error: as
 * compact JSON, map keys sorted (Go's {@code encoding/json} sorts them), empty fields left out
 * ({@code omitempty}). Strings and numbers need no help: {@code FieldError.render} quotes
 * strings and prints numbers bare, as upstream does.
 */
final class GoValues {

  private GoValues() {}

  /** {@return a value whose {@code toString()} is already the rendered text} */
  static Object raw(String rendered) {
    return new Rendered(rendered);
  }

  /** {@return a label map as JSON, e.g. {@code {"app":"web"}}} */
  static Object labels(Map<String, String> labels) {
    return raw(jsonMap(new TreeMap<>(labels)));
  }

  /** {@return a label selector as JSON, e.g. {@code {"matchLabels":{"app":"web"}}}} */
  static Object selector(LabelSelector selector) {
    List<String> fields = new ArrayList<>();
    if (!selector.matchLabels().isEmpty()) {
      fields.add("\"matchLabels\":" + jsonMap(selector.matchLabels()));
    }
    if (!selector.matchExpressions().isEmpty()) {
      List<String> expressions = new ArrayList<>();
      for (LabelSelectorRequirement requirement : selector.matchExpressions()) {
        expressions.add(requirement(requirement));
      }
      fields.add("\"matchExpressions\":[" + String.join(",", expressions) + "]");
    }
    return raw("{" + String.join(",", fields) + "}");
  }

  /** {@return a node address as JSON, e.g. {@code {"type":"InternalIP","address":"10.0.0.1"}}} */
  static Object nodeAddress(NodeAddress address) {
    return raw("{\"type\":" + quote(address.type()) + ",\"address\":" + quote(address.address())
        + "}");
  }

  /** {@return an int-or-string as upstream's {@code MarshalJSON} writes it: bare or quoted} */
  static Object intOrString(IntOrString value) {
    return value.isInt() ? value.intValue().get() : value.stringValue().get();
  }

  private static String requirement(LabelSelectorRequirement requirement) {
    StringBuilder out = new StringBuilder("{\"key\":").append(quote(requirement.key()))
        .append(",\"operator\":").append(quote(requirement.operator()));
    if (!requirement.values().isEmpty()) {
      List<String> values = new ArrayList<>();
      requirement.values().forEach(v -> values.add(quote(v)));
      out.append(",\"values\":[").append(String.join(",", values)).append(']');
    }
    return out.append('}').toString();
  }

  private static String jsonMap(SortedMap<String, String> map) {
    List<String> entries = new ArrayList<>();
    map.forEach((k, v) -> entries.add(quote(k) + ":" + quote(v)));
    return "{" + String.join(",", entries) + "}";
  }

  /** Quotes as Go's {@code encoding/json} does, including its HTML-safe escapes. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** A value that prints as its pre-rendered text. */
  private record Rendered(String text) {
    @Override
    public String toString() {
      return text;
    }
  }
}

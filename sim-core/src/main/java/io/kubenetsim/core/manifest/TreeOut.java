package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.model.Condition;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.LabelSelectorRequirement;
import io.kubenetsim.model.TargetRef;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Small helpers for writing Kubernetes JSON the way Go marshals it: {@code omitempty} for empty
 * strings, zero numbers and empty lists and maps; RFC 3339 timestamps to the second; keys sorted
 * as kubectl prints them (it marshals unstructured maps).
 */
final class TreeOut {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TreeOut() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  /** Puts a string unless it is empty ({@code omitempty}). */
  static void putString(ObjectNode out, String key, String value) {
    if (!value.isEmpty()) {
      out.put(key, value);
    }
  }

  /** Puts a number unless it is zero ({@code omitempty}). */
  static void putNumber(ObjectNode out, String key, long value) {
    if (value != 0) {
      out.put(key, value);
    }
  }

  /** Puts a list of strings unless it is empty ({@code omitempty}). */
  static void putStrings(ObjectNode out, String key, Collection<String> values) {
    if (!values.isEmpty()) {
      ArrayNode array = out.putArray(key);
      values.forEach(array::add);
    }
  }

  /** Puts a string map unless it is empty ({@code omitempty}). */
  static void putMap(ObjectNode out, String key, Map<String, String> values) {
    if (!values.isEmpty()) {
      ObjectNode map = out.putObject(key);
      values.forEach(map::put);
    }
  }

  /** Puts a list of objects unless it is empty ({@code omitempty}). */
  static void putObjects(ObjectNode out, String key, List<ObjectNode> values) {
    if (!values.isEmpty()) {
      out.putArray(key).addAll(values);
    }
  }

  /** {@return RFC 3339 to the second, in UTC: {@code 2026-01-01T00:00:05Z}} */
  static String time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  static JsonNode intOrString(IntOrString value) {
    return value.isInt() ? NODES.numberNode(value.intValue().get())
        : NODES.textNode(value.stringValue().get());
  }

  /** {@return a {@code metav1.LabelSelector}; the empty selector is {@code {}}} */
  static ObjectNode selector(LabelSelector selector) {
    ObjectNode out = object();
    putMap(out, "matchLabels", selector.matchLabels());
    List<ObjectNode> expressions = new ArrayList<>();
    for (LabelSelectorRequirement requirement : selector.matchExpressions()) {
      ObjectNode expression = object();
      expression.put("key", requirement.key());
      expression.put("operator", requirement.operator());
      putStrings(expression, "values", requirement.values());
      expressions.add(expression);
    }
    putObjects(out, "matchExpressions", expressions);
    return out;
  }

  /** {@return an endpoint's {@code targetRef} ({@code v1.ObjectReference}), empties omitted} */
  static ObjectNode targetRef(TargetRef ref) {
    ObjectNode out = object();
    putString(out, "kind", ref.kind());
    putString(out, "name", ref.name());
    putString(out, "namespace", ref.namespace());
    putString(out, "uid", ref.uid());
    return out;
  }

  /** {@return Pod or Node conditions, each with its lastTransitionTime} */
  static List<ObjectNode> conditions(List<Condition> conditions) {
    List<ObjectNode> out = new ArrayList<>();
    for (Condition condition : conditions) {
      ObjectNode node = object();
      node.put("type", condition.type());
      node.put("status", condition.status().toString());
      node.put("lastTransitionTime", time(condition.lastTransitionTime()));
      putString(node, "reason", condition.reason());
      putString(node, "message", condition.message());
      out.add(node);
    }
    return out;
  }

  /** {@return a copy with the keys of every object sorted, as kubectl prints them} */
  static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      names.sort(null);
      ObjectNode out = object();
      names.forEach(name -> out.set(name, sorted(node.get(name))));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(element -> out.add(sorted(element)));
      return out;
    }
    return node;
  }
}

package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.ByteString;
import io.kubenetsim.model.IntOrString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A position in a manifest's JSON tree — one JSON object standing for one Go struct — that
 * reads typed fields, records every field it was asked about, and reports problems the way
 * kube-apiserver's decoder words them.
 *
 * <p>Two paths are tracked: the Go decoder's path without indices ({@code
 * spec.containers.ports}), used in type errors such as {@code json: cannot unmarshal string into
 * Go struct field ContainerPort.spec.containers.ports.containerPort of type int32}, and the
 * field path with indices ({@code spec.containers[0].ports[0]}), used for unknown fields and
 * {@link FieldError}s. A JSON {@code null} reads as absent, as Go's decoder leaves zero values.
 * Fields present in the JSON but never read or {@linkplain #ignore ignored} are reported as
 * {@code unknown field "<path>"} when the document is finished.
 *
 * <pre>{@code
 * int port = cursor.int32("containerPort", 0);
 * String name = cursor.string("name");
 * cursor.ignore("hostIP");
 * }</pre>
 *
 * <p>Confined to the decoding of one document; not thread-safe.
 */
public final class ObjectCursor {
  private final ObjectNode node;
  private final String goStruct;
  private final String goPath;
  private final String path;
  private final DecodeContext context;
  private final Set<String> known = new HashSet<>(); // lookup only
  private boolean open;

  ObjectCursor(ObjectNode node, String goStruct, String goPath, String path,
      DecodeContext context) {
    this.node = node;
    this.goStruct = goStruct;
    this.goPath = goPath;
    this.path = path;
    this.context = context;
    context.track(this);
  }

  /** {@return the field path of this object, with indices, e.g. {@code spec.containers[0]}} */
  public String path() {
    return path;
  }

  /** {@return the field path of a child, e.g. {@code spec.containers[0].ports}} */
  public String fieldPath(String field) {
    return join(path, field);
  }

  /** {@return whether the field is present and not {@code null}} */
  public boolean has(String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull();
  }

  /** Marks fields as known but not modelled: they are accepted and dropped. */
  public void ignore(String... fields) {
    known.addAll(Arrays.asList(fields));
  }

  /**
   * Marks every field of this object as known: for maps such as {@code capacity} whose keys are
   * data, where only some keys are read.
   */
  public void ignoreOthers() {
    open = true;
  }

  /** Reports a decode-stage field error, such as an unsupported enum value. */
  public void error(FieldError error) {
    context.fieldError(error);
  }

  /** {@return a string field, or {@code ""} when absent} */
  public String string(String field) {
    return string(field, "");
  }

  /** {@return a string field, or the fallback when absent or of the wrong type} */
  public String string(String field, String fallback) {
    return string(field, fallback, "string");
  }

  /**
   * {@return a field of a Go string type such as {@code v1.Protocol}, or {@code ""} when absent
   * or of the wrong type} The type names the field in type errors, as Go's decoder does: {@code
   * ... Go struct field ServicePort.spec.ports.protocol of type v1.Protocol}.
   */
  public String typedString(String field, String goType) {
    return string(field, "", goType);
  }

  private String string(String field, String fallback, String goType) {
    JsonNode value = value(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isTextual()) {
      typeError(field, describe(value), goType);
      return fallback;
    }
    return value.textValue();
  }

  /** {@return an {@code int32} field, or the fallback when absent or of the wrong type} */
  public int int32(String field, int fallback) {
    return (int) integer(field, fallback, Integer.MIN_VALUE, Integer.MAX_VALUE, "int32");
  }

  /** {@return an {@code int64} field, or the fallback when absent or of the wrong type} */
  public long int64(String field, long fallback) {
    return integer(field, fallback, Long.MIN_VALUE, Long.MAX_VALUE, "int64");
  }

  /**
   * {@return an {@code *int32} field such as {@code timeoutSeconds}: empty when absent or
   * {@code null}, so that an explicit {@code 0} stays distinguishable from unset}
   */
  public Optional<Integer> optionalInt32(String field) {
    return value(field) == null ? Optional.empty() : Optional.of(int32(field, 0));
  }

  /** {@return a {@code *bool} field such as {@code conditions.ready}: empty when absent} */
  public Optional<Boolean> optionalBool(String field) {
    return value(field) == null ? Optional.empty() : Optional.of(bool(field, false));
  }

  /** {@return a boolean field, or the fallback when absent or of the wrong type} */
  public boolean bool(String field, boolean fallback) {
    JsonNode value = value(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isBoolean()) {
      typeError(field, describe(value), "bool");
      return fallback;
    }
    return value.booleanValue();
  }

  /**
   * {@return a cursor over a nested struct; an empty one when absent or of the wrong type}
   *
   * @param goType the Go type as the decoder names it, e.g. {@code v1.PodSpec}
   */
  public ObjectCursor object(String field, String goType) {
    return optionalObject(field, goType).orElseGet(() -> child(emptyNode(), goType, field, field));
  }

  /** {@return a cursor over a nested struct, if present and an object} */
  public Optional<ObjectCursor> optionalObject(String field, String goType) {
    JsonNode value = value(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      typeError(field, describe(value), goType);
      return Optional.empty();
    }
    return Optional.of(child((ObjectNode) value, goType, field, field));
  }

  /**
   * {@return cursors over a list of structs, in order; elements of the wrong type are reported
   * and skipped}
   *
   * @param goElementType the element's Go type, e.g. {@code v1.Container}
   */
  public List<ObjectCursor> objects(String field, String goElementType) {
    JsonNode value = value(field);
    List<ObjectCursor> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    if (!value.isArray()) {
      typeError(field, describe(value), "[]" + goElementType);
      return out;
    }
    for (int i = 0; i < value.size(); i++) {
      JsonNode element = value.get(i);
      if (element.isNull()) {
        out.add(child(emptyNode(), goElementType, field, field + "[" + i + "]"));
      } else if (!element.isObject()) {
        typeError(field, describe(element), goElementType);
      } else {
        out.add(child((ObjectNode) element, goElementType, field, field + "[" + i + "]"));
      }
    }
    return out;
  }

  /** {@return a list of strings, in order; empty when absent} */
  public ImmutableList<String> strings(String field) {
    return typedStrings(field, "string");
  }

  /**
   * {@return a list of a Go string type such as {@code []v1.PolicyType}, in order; empty when
   * absent}
   *
   * @param goElementType the element's Go type, named in type errors
   */
  public ImmutableList<String> typedStrings(String field, String goElementType) {
    JsonNode value = value(field);
    ImmutableList.Builder<String> out = ImmutableList.builder();
    if (value == null) {
      return out.build();
    }
    if (!value.isArray()) {
      typeError(field, describe(value), "[]" + goElementType);
      return out.build();
    }
    for (JsonNode element : value) {
      if (element.isTextual()) {
        out.add(element.textValue());
      } else if (element.isNull()) {
        out.add("");
      } else {
        typeError(field, describe(element), goElementType);
      }
    }
    return out.build();
  }

  /**
   * {@return a {@code map[string]string} such as labels, sorted by key; a number or boolean
   * value is a type error, as it is for kube-apiserver}
   */
  public ImmutableSortedMap<String, String> stringMap(String field) {
    JsonNode value = value(field);
    Map<String, String> out = new TreeMap<>();
    if (value == null) {
      return ImmutableSortedMap.of();
    }
    if (!value.isObject()) {
      typeError(field, describe(value), "map[string]string");
      return ImmutableSortedMap.of();
    }
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      JsonNode element = entry.getValue();
      if (element.isTextual()) {
        out.put(entry.getKey(), element.textValue());
      } else if (element.isNull()) {
        out.put(entry.getKey(), "");
      } else {
        typeError(field, describe(element), "string");
      }
    }
    return ImmutableSortedMap.copyOf(out);
  }

  /**
   * {@return a {@code map[string][]byte} such as a ConfigMap's {@code binaryData}, sorted by key}
   * Each value is base64 text, decoded as Go's JSON decoder does ({@link GoBase64}); a bad one
   * is reported in Go's words, {@code illegal base64 data at input byte N}.
   */
  public ImmutableSortedMap<String, ByteString> bytesMap(String field) {
    JsonNode value = value(field);
    if (value == null) {
      return ImmutableSortedMap.of();
    }
    if (!value.isObject()) {
      typeError(field, describe(value), "map[string][]uint8");
      return ImmutableSortedMap.of();
    }
    Map<String, ByteString> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      JsonNode element = entry.getValue();
      if (element.isNull()) {
        out.put(entry.getKey(), ByteString.of(new byte[0]));
      } else if (!element.isTextual()) {
        typeError(field, describe(element), "[]uint8");
      } else {
        GoBase64.Result decoded = GoBase64.decode(element.textValue());
        if (decoded.errorOffset().isPresent()) {
          context.valueError(decoded.message());
        } else {
          out.put(entry.getKey(), ByteString.of(decoded.bytes()));
        }
      }
    }
    return ImmutableSortedMap.copyOf(out);
  }

  /**
   * {@return a number-or-string field such as {@code maxSurge} or {@code targetPort}, if
   * present}
   *
   * <p>Anything but a string is read as an {@code int32} by {@code IntOrString.UnmarshalJSON},
   * which calls the standard library's decoder on its own, so a bad value is reported without
   * the struct and field: {@code json: cannot unmarshal bool into Go value of type int32}.
   */
  public Optional<IntOrString> intOrString(String field) {
    JsonNode value = value(field);
    if (value == null) {
      return Optional.empty();
    }
    if (value.isTextual()) {
      return Optional.of(IntOrString.of(value.textValue()));
    }
    if (value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToInt()) {
      return Optional.of(IntOrString.of(value.intValue()));
    }
    context.valueTypeError(value.isNumber() ? "number " + value.asText() : describe(value),
        "int32");
    return Optional.empty();
  }

  /** {@return the raw JSON of a field, for values with their own syntax; marks it known} */
  public Optional<JsonNode> raw(String field) {
    return Optional.ofNullable(value(field));
  }

  /** Reports every field that was present but neither read nor ignored. */
  void reportUnknownFields() {
    if (open) {
      return;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        context.unknownField(join(path, name));
      }
    }
  }

  private long integer(String field, long fallback, long min, long max, String goType) {
    JsonNode value = value(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isNumber()) {
      typeError(field, describe(value), goType);
      return fallback;
    }
    if (!value.canConvertToExactIntegral() || !value.canConvertToLong()
        || value.longValue() < min || value.longValue() > max) {
      typeError(field, "number " + value.asText(), goType);
      return fallback;
    }
    return value.longValue();
  }

  private JsonNode value(String field) {
    known.add(field);
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value;
  }

  private ObjectCursor child(ObjectNode child, String goType, String goField, String pathField) {
    String simpleName = goType.substring(goType.lastIndexOf('.') + 1);
    return new ObjectCursor(child, simpleName, join(goPath, goField), join(path, pathField),
        context);
  }

  private void typeError(String field, String jsonValue, String goType) {
    context.typeError(jsonValue, goStruct, join(goPath, field), goType);
  }

  private static ObjectNode emptyNode() {
    return JsonNodeFactory.instance.objectNode();
  }

  private static String join(String parent, String field) {
    return parent.isEmpty() ? field : parent + "." + field;
  }

  /** Names a JSON value as Go's {@code UnmarshalTypeError} does. */
  private static String describe(JsonNode value) {
    if (value.isTextual()) {
      return "string";
    }
    if (value.isNumber()) {
      return "number";
    }
    if (value.isBoolean()) {
      return "bool";
    }
    if (value.isArray()) {
      return "array";
    }
    return "object";
  }
}

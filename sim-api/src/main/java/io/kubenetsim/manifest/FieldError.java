package io.kubenetsim.manifest;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One thing wrong with an object, in apimachinery's {@code field.Error} grammar: a field path,
 * an error type, the offending value and a detail, plus a stable {@code rule} id that tests can
 * match instead of the prose.
 *
 * <p>{@code toString()} renders exactly as kube-apiserver does, for example
 * {@code spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive}.
 *
 * @param value the offending value already rendered as Go prints it (strings quoted, numbers
 *     bare, lists as JSON), or empty for types that show no value
 */
public record FieldError(
    String path, Type type, Optional<String> value, String detail, String rule) {

  /** The kinds of field error, with the words kube-apiserver prints for each. */
  public enum Type {
    INVALID("Invalid value"),
    REQUIRED("Required value"),
    DUPLICATE("Duplicate value"),
    NOT_SUPPORTED("Unsupported value"),
    FORBIDDEN("Forbidden"),
    TOO_LONG("Too long"),
    TOO_MANY("Too many"),
    NOT_FOUND("Not found"),
    INTERNAL("Internal error");

    private final String words;

    Type(String words) {
      this.words = words;
    }

    @Override
    public String toString() {
      return words;
    }
  }

  public FieldError {
    checkArgument(path != null && type != null && value != null && detail != null && rule != null,
        "field error parts must not be null");
  }

  /** {@code Invalid value: <value>: <detail>}. */
  public static FieldError invalid(String path, Object value, String detail, String rule) {
    return new FieldError(path, Type.INVALID, Optional.of(render(value)), detail, rule);
  }

  /** {@code Required value[: <detail>]}. */
  public static FieldError required(String path, String detail, String rule) {
    return new FieldError(path, Type.REQUIRED, Optional.empty(), detail, rule);
  }

  /** {@code Duplicate value: <value>}. */
  public static FieldError duplicate(String path, Object value, String rule) {
    return new FieldError(path, Type.DUPLICATE, Optional.of(render(value)), "", rule);
  }

  /** {@code Unsupported value: <value>: supported values: "A", "B"}. */
  public static FieldError notSupported(
      String path, Object value, Collection<String> supported, String rule) {
    String list = supported.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", "));
    return new FieldError(path, Type.NOT_SUPPORTED, Optional.of(render(value)),
        "supported values: " + list, rule);
  }

  /** {@code Forbidden: <detail>}. */
  public static FieldError forbidden(String path, String detail, String rule) {
    return new FieldError(path, Type.FORBIDDEN, Optional.empty(), detail, rule);
  }

  /** {@code Too many: <count>: must have at most <limit> items}. */
  public static FieldError tooMany(String path, int count, int limit, String rule) {
    return new FieldError(path, Type.TOO_MANY, Optional.of(String.valueOf(count)),
        "must have at most " + limit + " items", rule);
  }

  /** {@code Not found: <value>}. */
  public static FieldError notFound(String path, Object value, String rule) {
    return new FieldError(path, Type.NOT_FOUND, Optional.of(render(value)), "", rule);
  }

  /** {@code Internal error: <detail>}. */
  public static FieldError internal(String path, String detail, String rule) {
    return new FieldError(path, Type.INTERNAL, Optional.empty(), detail, rule);
  }

  /**
   * Renders a value as Go's {@code %v}/{@code %q} would in a field error: strings quoted,
   * numbers and booleans bare, collections as JSON arrays.
   */
  public static String render(Object value) {
    if (value instanceof String) {
      return quote((String) value);
    }
    if (value instanceof Collection<?>) {
      return ((Collection<?>) value).stream().map(FieldError::render)
          .collect(Collectors.joining(",", "[", "]"));
    }
    return String.valueOf(value);
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** {@return a copy whose path is prefixed, e.g. {@code spec.template} + {@code .spec...}} */
  public FieldError under(String prefix) {
    return new FieldError(prefix + (path.isEmpty() || path.startsWith("[") ? "" : ".") + path,
        type, value, detail, rule);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(path).append(": ").append(type);
    value.ifPresent(v -> out.append(": ").append(v));
    if (!detail.isEmpty()) {
      out.append(": ").append(detail);
    }
    return out.toString();
  }
}

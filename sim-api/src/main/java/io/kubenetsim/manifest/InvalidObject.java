package io.kubenetsim.manifest;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * Everything wrong with one object: where it came from, its kind and name, and its field
 * errors. {@code toString()} reads as kubectl prints a rejected object, e.g.
 * {@code The Service "web" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1
 * and 65535, inclusive}, prefixed by the manifest source when there is one.
 */
public record InvalidObject(
    Optional<ManifestSource> source, String kind, String namespace, String name,
    ImmutableList<FieldError> errors) {

  public InvalidObject {
    checkArgument(source != null && kind != null && namespace != null && name != null,
        "parts must not be null");
    errors = ImmutableList.copyOf(errors);
    checkArgument(!errors.isEmpty(), "an invalid object has at least one error");
  }

  /** {@return an object built in Java with these errors} */
  public static InvalidObject of(String kind, String namespace, String name,
      List<FieldError> errors) {
    return new InvalidObject(Optional.empty(), kind, namespace, name, ImmutableList.copyOf(errors));
  }

  /** {@return the same errors, attributed to a manifest document} */
  public InvalidObject from(ManifestSource where) {
    return new InvalidObject(Optional.of(where), kind, namespace, name, errors);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    source.ifPresent(s -> out.append("error when applying ").append(s).append(": "));
    out.append("The ").append(kind.isEmpty() ? "object" : kind).append(" \"")
        .append(namespace.isEmpty() ? name : namespace + "/" + name).append("\" is invalid: ");
    if (errors.size() == 1) {
      out.append(errors.get(0));
    } else {
      errors.forEach(e -> out.append("\n* ").append(e));
    }
    return out.toString();
  }
}

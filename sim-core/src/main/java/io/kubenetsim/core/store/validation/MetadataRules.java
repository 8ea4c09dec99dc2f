package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code metadata} checks shared by every kind, after apimachinery's {@code
 * ValidateObjectMetaAccessor}, {@code ValidateObjectMetaAccessorUpdate}, {@code ValidateLabels}
 * and {@code ValidateAnnotations}.
 *
 * <p>Label and annotation errors are reported <em>at the map</em>, with the offending key or
 * value as the value ({@code metadata.labels: Invalid value: "app name": …}), never at {@code
 * metadata.labels[app name]}: that is where kube-apiserver reports them. Maps are walked in key
 * order, so the error list is deterministic.
 *
 * <pre>{@code
 * List<FieldError> errors =
 *     MetadataRules.validate(pod.metadata(), true, NameFormat.DNS1123_SUBDOMAIN, "metadata");
 * }</pre>
 */
public final class MetadataRules {

  /** Upstream's {@code TotalAnnotationSizeLimitB}: keys and values together, in bytes. */
  public static final int TOTAL_ANNOTATION_SIZE_LIMIT_BYTES = 256 * 1024;

  /** Upstream's {@code FieldImmutableErrorMsg}. */
  public static final String FIELD_IMMUTABLE = "field is immutable";

  /** Upstream's {@code IsNegativeErrorMsg}. */
  public static final String IS_NEGATIVE = "must be greater than or equal to 0";

  private MetadataRules() {}

  /**
   * Validates the metadata of an object being created.
   *
   * <p>Steps, in upstream's order: {@code generateName} (as a prefix), {@code name} (required
   * unless {@code generateName} is set, then the kind's format), {@code namespace} (required and
   * a DNS-1123 label for namespaced kinds, forbidden for cluster-scoped ones), {@code
   * generation}, labels, annotations.
   *
   * <p>Simplification: upstream validates after the server generated the name; here an empty
   * name with a {@code generateName} is accepted because the store generates the name later.
   * Owner references, finalizers and managed fields are not checked.
   *
   * @param namespaced whether the kind lives in a namespace (Pod) or not (Node, Namespace)
   * @param path where the metadata sits, {@code "metadata"} for a top-level object
   */
  public static List<FieldError> validate(
      ObjectMeta meta, boolean namespaced, NameFormat nameFormat, String path) {
    List<FieldError> errors = new ArrayList<>();
    if (!meta.generateName().isEmpty()) {
      for (String message : nameFormat.validate(meta.generateName(), true)) {
        errors.add(FieldError.invalid(path + ".generateName", meta.generateName(), message,
            "meta.generate-name.format"));
      }
    }
    if (meta.name().isEmpty()) {
      if (meta.generateName().isEmpty()) {
        errors.add(FieldError.required(path + ".name", "name or generateName is required",
            "meta.name.required"));
      }
    } else {
      for (String message : nameFormat.validate(meta.name(), false)) {
        errors.add(FieldError.invalid(path + ".name", meta.name(), message, "meta.name.format"));
      }
    }
    errors.addAll(namespace(meta.namespace(), namespaced, path + ".namespace"));
    if (meta.generation() < 0) {
      errors.add(FieldError.invalid(path + ".generation", meta.generation(), IS_NEGATIVE,
          "meta.generation.negative"));
    }
    errors.addAll(labels(meta.labels().asMap(), path + ".labels"));
    errors.addAll(annotations(meta.annotations(), path + ".annotations"));
    return ImmutableList.copyOf(errors);
  }

  /**
   * Validates what an update may not change in metadata: {@code name}, {@code namespace} and
   * {@code uid} are immutable ({@code Invalid value: "b": field is immutable}).
   *
   * <p>Like upstream's {@code rest.BeforeUpdate}, an empty {@code uid} in the update means "not
   * provided" and keeps the stored one. The store owns {@code resourceVersion}, {@code
   * generation} and the timestamps and copies them in before validating, so they are not
   * compared here.
   */
  public static List<FieldError> validateUpdate(ObjectMeta updated, ObjectMeta old, String path) {
    List<FieldError> errors = new ArrayList<>();
    immutable(updated.name(), old.name(), path + ".name").ifPresent(errors::add);
    immutable(updated.namespace(), old.namespace(), path + ".namespace").ifPresent(errors::add);
    if (!updated.uid().isEmpty()) {
      immutable(updated.uid(), old.uid(), path + ".uid").ifPresent(errors::add);
    }
    return ImmutableList.copyOf(errors);
  }

  /** {@return upstream's {@code ValidateImmutableField}: Invalid with the new value} */
  static Optional<FieldError> immutable(Object updated, Object old, String path) {
    if (updated.equals(old)) {
      return Optional.empty();
    }
    return Optional.of(FieldError.invalid(path, updated, FIELD_IMMUTABLE, "meta.immutable"));
  }

  /**
   * Validates a label map (upstream {@code ValidateLabels}): each key as a qualified name, each
   * value as a label value, all reported at {@code path}. Also used for selector {@code
   * matchLabels} and pod template labels.
   */
  public static List<FieldError> labels(Map<String, String> labels, String path) {
    List<FieldError> errors = new ArrayList<>();
    sorted(labels).forEach((key, value) -> {
      for (String message : NameRules.qualifiedName(key)) {
        errors.add(FieldError.invalid(path, key, message, "label.key"));
      }
      for (String message : NameRules.labelValue(value)) {
        errors.add(FieldError.invalid(path, value, message, "label.value"));
      }
    });
    return ImmutableList.copyOf(errors);
  }

  /**
   * Validates annotations (upstream {@code ValidateAnnotations}): keys are qualified names but
   * case does not matter (upstream lowercases them first), and keys plus values may hold at
   * most 256 KiB.
   */
  public static List<FieldError> annotations(Map<String, String> annotations, String path) {
    List<FieldError> errors = new ArrayList<>();
    long totalBytes = 0;
    for (Map.Entry<String, String> entry : sorted(annotations).entrySet()) {
      String key = entry.getKey();
      for (String message : NameRules.qualifiedName(key.toLowerCase(java.util.Locale.ROOT))) {
        errors.add(FieldError.invalid(path, key, message, "annotation.key"));
      }
      totalBytes += NameRules.byteLength(key) + NameRules.byteLength(entry.getValue());
    }
    if (totalBytes > TOTAL_ANNOTATION_SIZE_LIMIT_BYTES) {
      errors.add(new FieldError(path, FieldError.Type.TOO_LONG, Optional.empty(),
          "may not be more than " + TOTAL_ANNOTATION_SIZE_LIMIT_BYTES + " bytes",
          "annotation.too-long"));
    }
    return ImmutableList.copyOf(errors);
  }

  /** {@return an error when {@code value} is negative, as {@code ValidateNonnegativeField}} */
  static List<FieldError> nonNegative(long value, String path, String rule) {
    return value < 0
        ? ImmutableList.of(FieldError.invalid(path, value, IS_NEGATIVE, rule))
        : ImmutableList.of();
  }

  private static List<FieldError> namespace(String namespace, boolean namespaced, String path) {
    if (!namespaced) {
      return namespace.isEmpty()
          ? ImmutableList.of()
          : ImmutableList.of(FieldError.forbidden(path, "not allowed on this type",
              "meta.namespace.forbidden"));
    }
    if (namespace.isEmpty()) {
      return ImmutableList.of(FieldError.required(path, "", "meta.namespace.required"));
    }
    List<FieldError> errors = new ArrayList<>();
    for (String message : NameRules.dns1123Label(namespace)) {
      errors.add(FieldError.invalid(path, namespace, message, "meta.namespace.format"));
    }
    return errors;
  }

  private static SortedMap<String, String> sorted(Map<String, String> map) {
    // Copied into natural key order whatever the caller passed, so output order never depends
    // on a hash map's or a custom comparator's iteration order.
    return new TreeMap<>(map);
  }
}

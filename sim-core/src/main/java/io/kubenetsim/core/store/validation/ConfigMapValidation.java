package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.ConfigMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validates ConfigMaps as kube-apiserver does ({@code ValidateConfigMap} and {@code
 * ValidateConfigMapUpdate} in {@code pkg/apis/core/validation}, with apimachinery's {@code
 * IsConfigMapKey}).
 *
 * <p>Create, in upstream's order: metadata (namespaced, the name a DNS-1123 subdomain); each
 * {@code data} key a config key — at most 253 characters of {@code [-._a-zA-Z0-9]}, not {@code
 * .} or {@code ..} and not starting with {@code ..} — and not also a {@code binaryData} key; each
 * {@code binaryData} key a config key; the values together (text bytes and binary bytes) at most
 * 1 MiB ({@code MaxSecretSize}), reported at the empty path as upstream does. Update: metadata
 * immutability, then, when the stored ConfigMap is immutable, {@code immutable}, {@code data}
 * and {@code binaryData} must stay as they are; then the create checks.
 *
 * <pre>{@code
 * ConfigMapValidation.validateCreate(ConfigMap.of("x", "cfg", Map.of("..", "v")));
 * // [data[..]: Invalid value: "..": must not be '..']
 * }</pre>
 */
public final class ConfigMapValidation {

  /** Upstream's {@code MaxSecretSize}, the limit of a ConfigMap's data too: 1 MiB. */
  public static final int MAX_SIZE_BYTES = 1024 * 1024;

  private static final String KEY_FMT = "[-._a-zA-Z0-9]+";
  private static final Pattern KEY = Pattern.compile(KEY_FMT);
  private static final String KEY_MESSAGE = NameRules.regexError(
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.'", KEY_FMT,
      "key.name", "KEY_NAME", "key-name");
  private static final String IMMUTABLE = "field is immutable when `immutable` is set";

  private ConfigMapValidation() {}

  /** {@return every problem with a config map being created} */
  public static List<FieldError> validateCreate(ConfigMap configMap) {
    List<FieldError> errors = new ArrayList<>(MetadataRules.validate(
        configMap.metadata(), true, NameFormat.DNS1123_SUBDOMAIN, "metadata"));
    long totalBytes = 0;
    for (var entry : configMap.data().entrySet()) {
      String key = entry.getKey();
      String path = "data[" + key + "]";
      keyErrors(key).forEach(m -> errors.add(FieldError.invalid(path, key, m,
          "configmap.key.format")));
      if (configMap.binaryData().containsKey(key)) {
        errors.add(FieldError.invalid(path, key, "duplicate of key present in binaryData",
            "configmap.key.duplicate"));
      }
      totalBytes += NameRules.byteLength(entry.getValue());
    }
    for (var entry : configMap.binaryData().entrySet()) {
      String key = entry.getKey();
      keyErrors(key).forEach(m -> errors.add(FieldError.invalid("binaryData[" + key + "]", key,
          m, "configmap.key.format")));
      totalBytes += entry.getValue().size();
    }
    if (totalBytes > MAX_SIZE_BYTES) {
      errors.add(new FieldError("", FieldError.Type.TOO_LONG, Optional.empty(),
          "may not be more than " + MAX_SIZE_BYTES + " bytes", "configmap.too-long"));
    }
    return ImmutableList.copyOf(errors);
  }

  /** {@return every problem with replacing {@code old} by {@code updated}} */
  public static List<FieldError> validateUpdate(ConfigMap old, ConfigMap updated) {
    List<FieldError> errors = new ArrayList<>(
        MetadataRules.validateUpdate(updated.metadata(), old.metadata(), "metadata"));
    if (old.isImmutable()) {
      if (!updated.isImmutable()) {
        errors.add(FieldError.forbidden("immutable", IMMUTABLE, "configmap.immutable"));
      }
      if (!updated.data().equals(old.data())) {
        errors.add(FieldError.forbidden("data", IMMUTABLE, "configmap.data.immutable"));
      }
      if (!updated.binaryData().equals(old.binaryData())) {
        errors.add(FieldError.forbidden("binaryData", IMMUTABLE,
            "configmap.binary-data.immutable"));
      }
    }
    errors.addAll(validateCreate(updated));
    return ImmutableList.copyOf(errors);
  }

  /** Upstream's {@code IsConfigMapKey}: length, characters, and no {@code .}/{@code ..}. */
  static List<String> keyErrors(String key) {
    List<String> messages = new ArrayList<>();
    if (NameRules.byteLength(key) > NameRules.SUBDOMAIN_MAX_LENGTH) {
      messages.add(NameRules.maxLenError(NameRules.SUBDOMAIN_MAX_LENGTH));
    }
    if (!KEY.matcher(key).matches()) {
      messages.add(KEY_MESSAGE);
    }
    if (key.equals(".")) {
      messages.add("must not be '.'");
    } else if (key.equals("..")) {
      messages.add("must not be '..'");
    } else if (key.startsWith("..")) {
      messages.add("must not start with '..'");
    }
    return messages;
  }
}

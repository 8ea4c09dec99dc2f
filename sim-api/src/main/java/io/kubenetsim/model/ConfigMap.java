package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import java.util.Optional;

/**
 * A ConfigMap ({@code v1}): named text ({@code data}) and bytes ({@code binaryData}) for pods and
 * components to read — CoreDNS reads its Corefile from {@code kube-system/coredns}. With {@code
 * immutable: true} its contents can no longer change (only deleting it helps).
 *
 * <p>Holds what the API can hold, valid or not: keys are checked by the API server's validation.
 * Both maps are sorted by key.
 *
 * <pre>{@code
 * ConfigMap coredns = ConfigMap.of("kube-system", "coredns", Map.of("Corefile", corefile));
 * cluster.apply(coredns);
 * }</pre>
 *
 * @param immutable {@code immutable}, empty when not written
 */
public record ConfigMap(
    ObjectMeta metadata,
    ImmutableSortedMap<String, String> data,
    ImmutableSortedMap<String, ByteString> binaryData,
    Optional<Boolean> immutable) implements KubernetesObject {

  public static final String KIND = "ConfigMap";

  public ConfigMap {
    checkArgument(metadata != null && data != null && binaryData != null && immutable != null,
        "config map parts must not be null");
    data = ImmutableSortedMap.copyOf(data);
    binaryData = ImmutableSortedMap.copyOf(binaryData);
  }

  /** {@return a mutable ConfigMap holding this text data and no binary data} */
  public static ConfigMap of(String namespace, String name, Map<String, String> data) {
    return new ConfigMap(ObjectMeta.named(namespace, name), ImmutableSortedMap.copyOf(data),
        ImmutableSortedMap.of(), Optional.empty());
  }

  /** {@return whether {@code immutable} is {@code true}} */
  public boolean isImmutable() {
    return immutable.orElse(false);
  }

  /** {@return the text stored under a key of {@code data}} */
  public Optional<String> get(String key) {
    return Optional.ofNullable(data.get(key));
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String apiVersion() {
    return "v1";
  }

  @Override
  public ConfigMap withMetadata(ObjectMeta newMetadata) {
    return new ConfigMap(newMetadata, data, binaryData, immutable);
  }

  public ConfigMap withData(Map<String, String> newData) {
    return new ConfigMap(metadata, ImmutableSortedMap.copyOf(newData), binaryData, immutable);
  }

  public ConfigMap withBinaryData(Map<String, ByteString> newBinaryData) {
    return new ConfigMap(metadata, data, ImmutableSortedMap.copyOf(newBinaryData), immutable);
  }

  public ConfigMap withImmutable(Optional<Boolean> newImmutable) {
    return new ConfigMap(metadata, data, binaryData, newImmutable);
  }

  @Override
  public String toString() {
    return "ConfigMap " + metadata.key() + " " + (data.size() + binaryData.size()) + " keys"
        + (isImmutable() ? " (immutable)" : "");
  }
}

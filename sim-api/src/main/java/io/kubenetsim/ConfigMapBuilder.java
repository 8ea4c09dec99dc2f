package io.kubenetsim;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
import io.kubenetsim.model.ByteString;
import io.kubenetsim.model.ConfigMap;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.ObjectMeta;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Describes a ConfigMap ({@code v1}) and creates it. Read it back with {@code
 * get(ConfigMap.class, namespace, name)}; change it with {@link Cluster#apply}, unless it is
 * {@linkplain #immutable() immutable}.
 *
 * <pre>{@code
 * c.configMap("kube-system/coredns").data("Corefile", corefile).create();
 * c.configMap("shop/assets").binaryData("logo.png", ByteString.of(png)).immutable().create();
 * }</pre>
 */
public final class ConfigMapBuilder {
  private final NamespacedName key;
  private final Function<ConfigMap, ConfigMap> creator;
  private final TreeMap<String, String> labels = new TreeMap<>();
  private final TreeMap<String, String> data = new TreeMap<>();
  private final TreeMap<String, ByteString> binaryData = new TreeMap<>();
  private Optional<Boolean> immutable = Optional.empty();

  /** For {@link Cluster} implementations: {@code creator} submits the built ConfigMap. */
  public ConfigMapBuilder(NamespacedName key, Function<ConfigMap, ConfigMap> creator) {
    this.key = key;
    this.creator = creator;
  }

  /** Adds a label to the ConfigMap. */
  public ConfigMapBuilder label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  /** Stores text under a key of {@code data}. */
  public ConfigMapBuilder data(String key, String value) {
    checkArgument(key != null && value != null, "data key and value must not be null");
    data.put(key, value);
    return this;
  }

  /** Stores bytes under a key of {@code binaryData}. */
  public ConfigMapBuilder binaryData(String key, ByteString value) {
    checkArgument(key != null && value != null, "binaryData key and value must not be null");
    binaryData.put(key, value);
    return this;
  }

  /** Marks the ConfigMap {@code immutable: true}: its data can then never change. */
  public ConfigMapBuilder immutable() {
    immutable = Optional.of(true);
    return this;
  }

  /** {@return the ConfigMap described so far, not yet created} */
  public ConfigMap build() {
    return new ConfigMap(ObjectMeta.named(key.namespace(), key.name())
        .withLabels(Labels.of(labels)), ImmutableSortedMap.copyOf(data),
        ImmutableSortedMap.copyOf(binaryData), immutable);
  }

  /**
   * Creates the ConfigMap. {@return it, as the API stored it}
   *
   * @throws io.kubenetsim.manifest.ValidationException if it is invalid (nothing changes)
   * @throws ApiException if the namespace does not exist or the name is taken
   */
  public ConfigMap create() {
    return creator.apply(build());
  }
}

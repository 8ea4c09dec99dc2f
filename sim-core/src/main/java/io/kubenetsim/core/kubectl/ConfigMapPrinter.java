package io.kubenetsim.core.kubectl;

import io.kubenetsim.model.ConfigMap;
import java.time.Instant;
import java.util.List;

/**
 * Prints ConfigMaps as {@code kubectl get configmaps}: {@code NAME DATA AGE}, where DATA counts
 * the keys of {@code data} and {@code binaryData} together, as upstream {@code printConfigMap}
 * does.
 *
 * <pre>{@code
 * new ConfigMapPrinter().row(coredns, cluster.now(), false);  // [coredns, 1, 12d]
 * }</pre>
 */
public final class ConfigMapPrinter implements ResourcePrinter<ConfigMap> {

  private static final List<String> COLUMNS = List.of("Name", "Data", "Age");

  @Override
  public List<String> columns() {
    return COLUMNS;
  }

  @Override
  public List<String> row(ConfigMap configMap, Instant now, boolean wide) {
    return List.of(configMap.metadata().name(),
        Integer.toString(configMap.data().size() + configMap.binaryData().size()),
        HumanDuration.since(configMap.metadata().creationTimestamp(), now));
  }
}

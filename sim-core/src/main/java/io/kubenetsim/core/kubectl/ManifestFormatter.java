package io.kubenetsim.core.kubectl;

import io.kubenetsim.core.manifest.ManifestWriter;
import io.kubenetsim.model.KubernetesObject;
import java.util.List;

/**
 * Prints {@code -o json|yaml} through the manifest writer: one object, or a {@code List} in
 * the shape {@code get} or {@code apply} prints.
 */
public final class ManifestFormatter implements ObjectFormatter {
  private final ManifestWriter writer;

  public ManifestFormatter(ManifestWriter writer) {
    this.writer = writer;
  }

  @Override
  public String json(List<? extends KubernetesObject> items, boolean single) {
    return single ? writer.toJson(items.get(0)) : writer.toJson(items);
  }

  @Override
  public String yaml(List<? extends KubernetesObject> items, boolean single) {
    return single ? writer.toYaml(items.get(0)) : writer.toYaml(items);
  }

  @Override
  public String appliedJson(List<? extends KubernetesObject> items) {
    return items.size() == 1 ? writer.toJson(items.get(0)) : writer.toJsonAsTypedList(items);
  }

  @Override
  public String appliedYaml(List<? extends KubernetesObject> items) {
    return items.size() == 1 ? writer.toYaml(items.get(0)) : writer.toYamlAsTypedList(items);
  }
}

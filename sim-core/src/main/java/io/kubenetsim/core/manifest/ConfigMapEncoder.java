package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.model.ConfigMap;

/**
 * Writes a ConfigMap's {@code data}, {@code binaryData} (standard base64, as Go marshals
 * {@code []byte}) and {@code immutable}, each omitted when empty or unset.
 */
final class ConfigMapEncoder implements KindEncoder<ConfigMap> {

  @Override
  public Class<ConfigMap> type() {
    return ConfigMap.class;
  }

  @Override
  public boolean namespaced() {
    return true;
  }

  @Override
  public void encode(ConfigMap configMap, ObjectNode out) {
    TreeOut.putMap(out, "data", configMap.data());
    if (!configMap.binaryData().isEmpty()) {
      ObjectNode binary = out.putObject("binaryData");
      configMap.binaryData().forEach((key, value) -> binary.put(key, value.toBase64()));
    }
    configMap.immutable().ifPresent(i -> out.put("immutable", i));
  }
}

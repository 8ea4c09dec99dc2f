package io.kubenetsim.core.manifest;

import io.kubenetsim.model.ConfigMap;

/**
 * Decodes a {@code v1} ConfigMap: {@code data} (text), {@code binaryData} (base64 text, decoded
 * as Go's JSON decoder does, so bad base64 is refused in its words: {@code ConfigMap in version
 * "v1" cannot be handled as a ConfigMap: illegal base64 data at input byte 8}) and {@code
 * immutable}. Keys are checked by validation, not here.
 */
final class ConfigMapDecoder implements KindDecoder<ConfigMap> {

  @Override
  public String apiVersion() {
    return "v1";
  }

  @Override
  public String kind() {
    return ConfigMap.KIND;
  }

  @Override
  public boolean namespaced() {
    return true;
  }

  @Override
  public ConfigMap decode(ObjectCursor root) {
    return new ConfigMap(
        ObjectMetaDecoder.decode(root.object("metadata", "v1.ObjectMeta"), true),
        root.stringMap("data"),
        root.bytesMap("binaryData"),
        root.optionalBool("immutable"));
  }
}

package io.kubenetsim.core.manifest;

import io.kubenetsim.model.Namespace;

/**
 * Decodes a {@code v1} Namespace. {@code spec.finalizers} and {@code status} are accepted and
 * dropped; the result is {@code Active}.
 */
final class NamespaceDecoder implements KindDecoder<Namespace> {

  @Override
  public String apiVersion() {
    return "v1";
  }

  @Override
  public String kind() {
    return Namespace.KIND;
  }

  @Override
  public boolean namespaced() {
    return false;
  }

  @Override
  public Namespace decode(ObjectCursor root) {
    root.ignore("status");
    root.object("spec", "v1.NamespaceSpec").ignore("finalizers");
    return new Namespace(
        ObjectMetaDecoder.decode(root.object("metadata", "v1.ObjectMeta"), false), "Active");
  }
}

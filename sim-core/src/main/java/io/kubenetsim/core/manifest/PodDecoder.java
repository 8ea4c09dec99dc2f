package io.kubenetsim.core.manifest;

import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodStatus;

/**
 * Decodes a {@code v1} Pod: metadata and spec. {@code status} is accepted and dropped (the
 * simulation's kubelet writes it), so the result is a pending pod.
 */
final class PodDecoder implements KindDecoder<Pod> {

  @Override
  public String apiVersion() {
    return "v1";
  }

  @Override
  public String kind() {
    return Pod.KIND;
  }

  @Override
  public boolean namespaced() {
    return true;
  }

  @Override
  public Pod decode(ObjectCursor root) {
    root.ignore("status");
    return new Pod(
        ObjectMetaDecoder.decode(root.object("metadata", "v1.ObjectMeta"), true),
        PodSpecDecoder.decode(root.object("spec", "v1.PodSpec")),
        PodStatus.pending());
  }
}

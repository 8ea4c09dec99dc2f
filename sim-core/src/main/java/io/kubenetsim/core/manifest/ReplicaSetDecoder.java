package io.kubenetsim.core.manifest;

import io.kubenetsim.model.ReplicaSet;
import io.kubenetsim.model.ReplicaSetSpec;
import io.kubenetsim.model.WorkloadStatus;

/**
 * Decodes an {@code apps/v1} ReplicaSet with upstream's default {@code replicas: 1}. {@code
 * status} is dropped. A missing {@code selector} decodes as the empty selector.
 */
final class ReplicaSetDecoder implements KindDecoder<ReplicaSet> {

  @Override
  public String apiVersion() {
    return "apps/v1";
  }

  @Override
  public String kind() {
    return ReplicaSet.KIND;
  }

  @Override
  public boolean namespaced() {
    return true;
  }

  @Override
  public ReplicaSet decode(ObjectCursor root) {
    root.ignore("status");
    ObjectCursor spec = root.object("spec", "v1.ReplicaSetSpec");
    return new ReplicaSet(
        ObjectMetaDecoder.decode(root.object("metadata", "v1.ObjectMeta"), true),
        new ReplicaSetSpec(
            spec.int32("replicas", 1),
            LabelSelectorDecoder.decode(spec.object("selector", "v1.LabelSelector")),
            PodTemplateSpecDecoder.decode(spec.object("template", "v1.PodTemplateSpec")),
            spec.int32("minReadySeconds", 0)),
        WorkloadStatus.empty());
  }
}

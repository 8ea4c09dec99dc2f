package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

/** A ReplicaSet ({@code apps/v1}): keeps {@code replicas} pods of one template running. */
public record ReplicaSet(ObjectMeta metadata, ReplicaSetSpec spec, WorkloadStatus status)
    implements KubernetesObject {

  public static final String KIND = "ReplicaSet";

  public ReplicaSet {
    checkArgument(metadata != null && spec != null && status != null,
        "replica set parts must not be null");
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String apiVersion() {
    return "apps/v1";
  }

  @Override
  public ReplicaSet withMetadata(ObjectMeta newMetadata) {
    return new ReplicaSet(newMetadata, spec, status);
  }

  public ReplicaSet withSpec(ReplicaSetSpec newSpec) {
    return new ReplicaSet(metadata, newSpec, status);
  }

  public ReplicaSet withStatus(WorkloadStatus newStatus) {
    return new ReplicaSet(metadata, spec, newStatus);
  }

  @Override
  public String toString() {
    return "ReplicaSet " + metadata.key() + " " + status.readyReplicas() + "/" + spec.replicas()
        + " ready";
  }
}

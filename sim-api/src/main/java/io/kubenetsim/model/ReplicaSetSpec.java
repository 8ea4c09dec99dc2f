package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

/** {@code ReplicaSet.spec}. */
public record ReplicaSetSpec(
    int replicas, LabelSelector selector, PodTemplateSpec template, int minReadySeconds) {

  public ReplicaSetSpec {
    checkArgument(selector != null && template != null, "replica set spec parts must not be null");
  }

  public ReplicaSetSpec withReplicas(int newReplicas) {
    return new ReplicaSetSpec(newReplicas, selector, template, minReadySeconds);
  }
}

package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * {@code StatefulSet.status}, as the StatefulSet controller reports it: pod counts, and the
 * revisions (hashes of the pod template) the pods are at.
 *
 * <pre>{@code
 * StatefulSetStatus s = cluster.getStatefulSet("shop/web").get().status();
 * s.readyReplicas();     // 3
 * s.updateRevision();    // "web-5fd8c7b964": the revision of the current template
 * }</pre>
 *
 * @param replicas pods the set has (created, terminating included)
 * @param readyReplicas pods Running and Ready
 * @param currentReplicas pods at {@code currentRevision}
 * @param updatedReplicas pods at {@code updateRevision}
 * @param availableReplicas pods Ready for at least {@code spec.minReadySeconds}
 * @param currentRevision the revision pods below the partition are kept at
 * @param updateRevision the revision of the set's current template
 */
public record StatefulSetStatus(
    long observedGeneration,
    int replicas,
    int readyReplicas,
    int currentReplicas,
    int updatedReplicas,
    int availableReplicas,
    String currentRevision,
    String updateRevision) {

  private static final StatefulSetStatus EMPTY = new StatefulSetStatus(0, 0, 0, 0, 0, 0, "", "");

  public StatefulSetStatus {
    checkArgument(currentRevision != null && updateRevision != null,
        "revisions must not be null (use \"\" for none)");
  }

  /** {@return the status before the controller has looked} */
  public static StatefulSetStatus empty() {
    return EMPTY;
  }
}

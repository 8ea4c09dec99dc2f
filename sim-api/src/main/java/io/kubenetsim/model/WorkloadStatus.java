package io.kubenetsim.model;

/**
 * The replica counts a Deployment or ReplicaSet reports ({@code updatedReplicas} is the
 * Deployment's count of pods from the current template; a ReplicaSet reports its own count).
 */
public record WorkloadStatus(
    long observedGeneration,
    int replicas,
    int updatedReplicas,
    int readyReplicas,
    int availableReplicas) {

  private static final WorkloadStatus EMPTY = new WorkloadStatus(0, 0, 0, 0, 0);

  /** {@return the status before any controller has looked} */
  public static WorkloadStatus empty() {
    return EMPTY;
  }

  /** {@return replicas that are not available} */
  public int unavailableReplicas(int desired) {
    return Math.max(0, desired - availableReplicas);
  }
}

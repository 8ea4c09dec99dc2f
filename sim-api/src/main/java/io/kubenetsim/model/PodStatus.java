package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code Pod.status}, written by the scheduler and the kubelet.
 *
 * @param podIP the primary pod IP, {@code ""} until the sandbox has one
 * @param podIPs one IP per family, {@code podIPs[0] == podIP}
 * @param hostIP the node's IP, {@code ""} until scheduled
 * @param reason a short reason for the phase, such as {@code NodeLost}, or {@code ""}
 */
public record PodStatus(
    PodPhase phase,
    ImmutableList<Condition> conditions,
    String hostIP,
    String podIP,
    ImmutableList<String> podIPs,
    Optional<Instant> startTime,
    ImmutableList<ContainerStatus> containerStatuses,
    String reason) {

  private static final PodStatus PENDING =
      new PodStatus(PodPhase.PENDING, ImmutableList.of(), "", "", ImmutableList.of(),
          Optional.empty(), ImmutableList.of(), "");

  public PodStatus {
    checkArgument(phase != null && hostIP != null && podIP != null && startTime != null
        && reason != null, "status parts must not be null");
    conditions = ImmutableList.copyOf(conditions);
    podIPs = ImmutableList.copyOf(podIPs);
    containerStatuses = ImmutableList.copyOf(containerStatuses);
  }

  /** {@return the status of a pod nobody has looked at yet} */
  public static PodStatus pending() {
    return PENDING;
  }

  /** {@return the same status with these conditions} */
  public PodStatus withConditions(List<Condition> newConditions) {
    return new PodStatus(phase, ImmutableList.copyOf(newConditions), hostIP, podIP, podIPs,
        startTime, containerStatuses, reason);
  }

  /** {@return the first condition of this type, if reported, as upstream's lookups take it} */
  public Optional<Condition> condition(String type) {
    // A loop: every endpoint computation asks each pod for Ready.
    for (Condition condition : conditions) {
      if (condition.type().equals(type)) {
        return Optional.of(condition);
      }
    }
    return Optional.empty();
  }

  /** {@return whether the {@code Ready} condition is True} */
  public boolean isReady() {
    return condition("Ready").map(Condition::isTrue).orElse(false);
  }

  /** {@return the sum of the containers' restart counts} */
  public int restartCount() {
    return containerStatuses.stream().mapToInt(ContainerStatus::restartCount).sum();
  }
}

package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;

/** {@code Pod.status.containerStatuses[i]}: readiness, restarts and current and last state. */
public record ContainerStatus(
    String name,
    String image,
    boolean ready,
    boolean started,
    int restartCount,
    ContainerState state,
    Optional<ContainerState> lastState) {

  public ContainerStatus {
    checkArgument(name != null && image != null && state != null && lastState != null,
        "container status parts must not be null");
  }
}

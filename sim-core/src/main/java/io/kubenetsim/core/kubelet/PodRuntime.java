package io.kubenetsim.core.kubelet;

import io.kubenetsim.model.ContainerState;
import io.kubenetsim.net.IpAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a kubelet knows of one pod it runs: sandbox and IP, whether containers run, restart
 * history and back-off. {@code epoch} guards scheduled steps: bumping it cancels every step
 * scheduled before, since a stale step checks the epoch and does nothing.
 */
final class PodRuntime {
  enum Stage {
    WAITING_FOR_NETWORK,
    CREATING_SANDBOX,
    STARTING,
    RUNNING,
    BACKING_OFF,
    KILLING
  }

  Stage stage = Stage.CREATING_SANDBOX;
  long epoch;
  Optional<IpAddress> ip = Optional.empty();
  boolean ownsIp;
  int restartCount;
  Duration nextBackOff = Duration.ZERO;
  boolean crashLooping;
  Optional<Instant> startedAt = Optional.empty();
  Optional<ContainerState> lastState = Optional.empty();

  long cancelPending() {
    return ++epoch;
  }
}

package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.Optional;

/**
 * The state of a container: waiting (with a reason such as {@code ContainerCreating} or {@code
 * CrashLoopBackOff}), running since a time, or terminated with an exit code.
 */
public record ContainerState(
    Kind kind, String reason, Optional<Instant> startedAt, Optional<Instant> finishedAt,
    int exitCode) {

  /** Which of the three states. */
  public enum Kind {
    WAITING,
    RUNNING,
    TERMINATED
  }

  public ContainerState {
    checkArgument(kind != null && reason != null && startedAt != null && finishedAt != null,
        "container state parts must not be null");
  }

  public static ContainerState waiting(String reason) {
    return new ContainerState(Kind.WAITING, reason, Optional.empty(), Optional.empty(), 0);
  }

  public static ContainerState running(Instant since) {
    return new ContainerState(Kind.RUNNING, "", Optional.of(since), Optional.empty(), 0);
  }

  public static ContainerState terminated(
      String reason, int exitCode, Optional<Instant> startedAt, Instant finishedAt) {
    return new ContainerState(Kind.TERMINATED, reason, startedAt, Optional.of(finishedAt),
        exitCode);
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + (reason.isEmpty() ? "" : "(" + reason + ")");
  }
}

package io.kubenetsim.event;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.model.ObjectRef;
import java.time.Duration;

/**
 * One recorded state change: when (virtual time since the simulation began), what kind of
 * change ({@code Scheduled}, {@code PodIPAssigned}, {@code Killing}, … — Kubernetes event
 * reasons where Kubernetes has one), which object, and a human-readable detail.
 *
 * <p>{@code sequence} numbers events in the order they happened, so two runs with the same seed
 * produce the same events with the same numbers. {@code toString()} is one log line:
 * {@code [   12.500s] #41 Scheduled Pod shop/web-5d9c8-x2kqz: assigned to node-2}.
 */
public record SimEvent(long sequence, Duration at, String kind, ObjectRef object, String detail) {

  public SimEvent {
    checkArgument(at != null && kind != null && object != null && detail != null,
        "event parts must not be null");
  }

  @Override
  public String toString() {
    long millis = at.toMillis();
    return String.format("[%8d.%03ds] #%d %s %s%s", millis / 1000, millis % 1000, sequence, kind,
        object, detail.isEmpty() ? "" : ": " + detail);
  }
}

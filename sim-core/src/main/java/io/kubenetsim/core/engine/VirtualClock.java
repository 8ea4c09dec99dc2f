package io.kubenetsim.core.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * Virtual time: nanoseconds since the simulation began, advanced only by the run loop. The
 * simulation never reads the machine's clock; "now" as an {@link Instant} is the configured
 * start time plus the elapsed virtual time.
 */
public final class VirtualClock {
  private final Instant start;
  private long nanos;

  VirtualClock(Instant start) {
    this.start = start;
  }

  /** {@return virtual nanoseconds since the simulation began} */
  public long nanos() {
    return nanos;
  }

  /** {@return the current virtual instant} */
  public Instant now() {
    return start.plusNanos(nanos);
  }

  /** {@return the virtual instant at which the simulation began} */
  public Instant start() {
    return start;
  }

  /** {@return virtual time elapsed since the simulation began} */
  public Duration elapsed() {
    return Duration.ofNanos(nanos);
  }

  /** {@return the virtual time since the start for an instant} */
  public Duration sinceStart(Instant instant) {
    return Duration.between(start, instant);
  }

  void advanceTo(long newNanos) {
    if (newNanos < nanos) {
      throw new IllegalStateException("virtual time cannot go back from " + nanos + " to "
          + newNanos);
    }
    nanos = newNanos;
  }
}

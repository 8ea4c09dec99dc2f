package io.kubenetsim.core.engine;

import io.kubenetsim.event.Events;
import io.kubenetsim.event.SimEvent;
import io.kubenetsim.model.ObjectRef;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only record of state changes. Snapshots ({@link #snapshot()}) are fixed-size views
 * of the log as it was, so reading the log costs no copy even when it holds millions of events.
 */
public final class EventLog {
  private final List<SimEvent> events = new ArrayList<>();
  private final VirtualClock clock;

  EventLog(VirtualClock clock) {
    this.clock = clock;
  }

  /** Records a change at the current virtual time. */
  public void record(String kind, ObjectRef object, String detail) {
    events.add(new SimEvent(events.size() + 1, Duration.ofNanos(clock.nanos()), kind, object,
        detail));
  }

  /** {@return how many events have been recorded} */
  public int size() {
    return events.size();
  }

  /** {@return the events recorded so far, as an immutable view taken at the current time} */
  public Events snapshot() {
    int size = events.size();
    return new Events(new AbstractList<>() {
      @Override
      public SimEvent get(int index) {
        if (index >= size) {
          throw new IndexOutOfBoundsException(index);
        }
        return events.get(index);
      }

      @Override
      public int size() {
        return size;
      }
    }, Duration.ofNanos(clock.nanos()));
  }

  /** {@return the events recorded from this position (0-based) on} */
  List<SimEvent> from(int position) {
    return List.copyOf(events.subList(Math.min(position, events.size()), events.size()));
  }
}

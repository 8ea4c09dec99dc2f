package io.kubenetsim.core.engine;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.NotSettledException;
import io.kubenetsim.event.SimEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The discrete-event kernel: a virtual clock, a queue of pending actions ordered by (time,
 * insertion sequence), one seeded random source, and the event log. Components schedule
 * actions; the run loop pops the earliest, advances the clock to it and runs it.
 *
 * <p>Start here: {@link #schedule(Duration, Runnable)}, {@link #step()}, {@link
 * #runFor(Duration)}, {@link #settle(long)}. Confined to one thread.
 */
public final class Simulator {
  private final VirtualClock clock;
  private final EventQueue queue = new EventQueue();
  private final SeededRandom random;
  private final EventLog log;
  private long stepsRun;

  public Simulator(long seed, Instant start) {
    this.clock = new VirtualClock(start);
    this.random = new SeededRandom(seed);
    this.log = new EventLog(clock);
  }

  /** {@return the virtual clock} */
  public VirtualClock clock() {
    return clock;
  }

  /** {@return the event log} */
  public EventLog log() {
    return log;
  }

  /** {@return the random stream for a named component} */
  public SeededRandom random(String component) {
    return random.child(component);
  }

  /** {@return the seed} */
  public long seed() {
    return random.seed();
  }

  /** {@return how many actions are waiting} */
  public int pending() {
    return queue.size();
  }

  /** {@return how many actions have run} */
  public long stepsRun() {
    return stepsRun;
  }

  /** Runs {@code action} after {@code delay} of virtual time (zero: after what is due now). */
  public void schedule(Duration delay, Runnable action) {
    // Messages are built out of line: kept small, this method can be inlined into its callers,
    // and then a Duration made just for the call is not allocated.
    if (delay.isNegative()) {
      throw badDelay("delay must not be negative, got %s", delay);
    }
    long nanos = delay.toNanos();
    // An overflowing sum would be a time in the past, which the queue refuses less clearly.
    if (nanos > Long.MAX_VALUE - clock.nanos()) {
      throw badDelay("delay %s runs past the end of virtual time", delay);
    }
    queue.add(clock.nanos() + nanos, action);
  }

  private static IllegalArgumentException badDelay(String template, Duration delay) {
    return new IllegalArgumentException(String.format(template, delay));
  }

  /** Runs the earliest pending action. {@return whether there was one} */
  public boolean step() {
    if (queue.isEmpty()) {
      return false;
    }
    clock.advanceTo(queue.peekTime());
    Runnable action = queue.poll();
    stepsRun++;
    action.run();
    return true;
  }

  /** Runs every action due within {@code duration}, then moves the clock to its end. */
  public void runFor(Duration duration) {
    checkArgument(!duration.isNegative(), "duration must not be negative, got %s", duration);
    long end = clock.nanos() + duration.toNanos();
    while (!queue.isEmpty() && queue.peekTime() <= end) {
      step();
    }
    clock.advanceTo(end);
  }

  /**
   * Runs until nothing is pending.
   *
   * @throws NotSettledException after {@code maxSteps} actions with work still pending
   */
  public void settle(long maxSteps) {
    int logStart = log.size();
    for (long i = 0; i < maxSteps; i++) {
      if (!step()) {
        return;
      }
    }
    if (!queue.isEmpty()) {
      throw notSettled(maxSteps, logStart);
    }
  }

  private NotSettledException notSettled(long maxSteps, int logStart) {
    List<SimEvent> recent = log.from(Math.max(logStart, log.size() - 1000));
    Map<String, Long> counts = recent.stream().collect(Collectors.groupingBy(
        e -> e.kind() + " " + e.object(), TreeMap::new, Collectors.counting()));
    String top = counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(5)
        .map(e -> "  " + e.getValue() + " x " + e.getKey())
        .collect(Collectors.joining("\n"));
    return new NotSettledException("the cluster did not settle: after " + maxSteps
        + " events (seed " + random.seed() + ", virtual time +"
        + clock.elapsed().toString().substring(2).toLowerCase(java.util.Locale.ROOT) + ", step "
        + stepsRun + ") " + queue.size() + " events are still pending. Most frequent of the last "
        + recent.size() + " recorded events:\n" + (top.isEmpty() ? "  (none recorded)" : top)
        + "\nSomething keeps changing (a crash-looping pod?). Fix it, or drive time with "
        + "runFor(Duration) instead of settle().");
  }
}

package io.kubenetsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.NotSettledException;
import io.kubenetsim.model.ObjectRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final Simulator sim = new Simulator(1234, START);
  private final List<String> ran = new ArrayList<>();

  private void at(Duration delay, String name) {
    sim.schedule(delay, () -> ran.add(name + "@" + sim.clock().elapsed().toMillis()));
  }

  @Test
  void stepRunsTheEarliestEventAndMovesTheClockToIt() {
    // Proves step() runs one event at a time, in time order, and that the clock jumps to each
    // event's due time rather than ticking.
    assertFalse(sim.step(), "an empty simulator has nothing to step");
    at(Duration.ofSeconds(3), "c");
    at(Duration.ofSeconds(1), "a");
    at(Duration.ofSeconds(2), "b");

    assertTrue(sim.step());
    assertEquals(List.of("a@1000"), ran);
    assertEquals(START.plusSeconds(1), sim.clock().now());
    assertEquals(2, sim.pending());

    assertTrue(sim.step());
    assertTrue(sim.step());
    assertFalse(sim.step());
    assertEquals(List.of("a@1000", "b@2000", "c@3000"), ran);
    assertEquals(3, sim.stepsRun());
  }

  @Test
  void zeroDelayRunsAfterWhatIsAlreadyDueNow() {
    // Proves schedule(ZERO) from inside an event queues behind events due at the same instant.
    sim.schedule(Duration.ZERO, () -> {
      ran.add("first");
      sim.schedule(Duration.ZERO, () -> ran.add("scheduled-by-first"));
    });
    sim.schedule(Duration.ZERO, () -> ran.add("second"));
    sim.settle(100);
    assertEquals(List.of("first", "second", "scheduled-by-first"), ran);
  }

  @Test
  void runForRunsEventsInTheWindowAndEndsTheClockAtItsEnd() {
    // Proves runFor is inclusive of events due exactly at the window's end, leaves later ones
    // pending, and moves the clock to the end even when the last event ran earlier.
    at(Duration.ofMillis(500), "in");
    at(Duration.ofSeconds(10), "edge");
    at(Duration.ofMillis(10_001), "after");

    sim.runFor(Duration.ofSeconds(10));

    assertEquals(List.of("in@500", "edge@10000"), ran);
    assertEquals(Duration.ofSeconds(10), sim.clock().elapsed());
    assertEquals(1, sim.pending());

    sim.runFor(Duration.ofSeconds(5));
    assertEquals(List.of("in@500", "edge@10000", "after@10001"), ran);
    assertEquals(Duration.ofSeconds(15), sim.clock().elapsed(), "clock at the end of the window");
  }

  @Test
  void runForOnAnIdleSimulatorStillAdvancesTheClock() {
    sim.runFor(Duration.ofMinutes(2));
    assertEquals(START.plus(Duration.ofMinutes(2)), sim.clock().now());
  }

  @Test
  void settleRunsEverythingIncludingFutureEvents() {
    // Proves settle() is "run until idle", not "run what is due now".
    at(Duration.ofHours(1), "late");
    at(Duration.ZERO, "now");
    sim.settle(10);
    assertEquals(List.of("now@0", "late@3600000"), ran);
    assertEquals(0, sim.pending());
  }

  @Test
  void settleThrowsNamingTheSeedAndTheRecurringEventsWhenEventsNeverStop() {
    // Proves a cluster that never goes idle is reported, with what is needed to replay it (the
    // seed) and to find the culprit (the kinds of the events that keep recurring).
    ObjectRef pod = new ObjectRef("Pod", "shop", "web-1");
    Runnable[] tick = new Runnable[1];
    tick[0] = () -> {
      sim.log().record("BackOff", pod, "restarting");
      sim.schedule(Duration.ofSeconds(10), tick[0]);
    };
    sim.schedule(Duration.ZERO, tick[0]);
    sim.log().record("Created", pod, "once, before settle");

    NotSettledException e = assertThrows(NotSettledException.class, () -> sim.settle(500));

    String message = e.getMessage();
    assertTrue(message.contains("seed 1234"), "message should name the seed: " + message);
    assertTrue(message.contains("BackOff Pod shop/web-1"),
        "message should name the recurring event: " + message);
    assertTrue(message.contains("500 x BackOff"), "message should count it: " + message);
    assertFalse(message.contains("Created"),
        "events from before settle() are not the culprit: " + message);
    assertEquals(500, sim.stepsRun());
  }

  @Test
  void theLogStampsEventsWithVirtualTimeAndSequence() {
    // Proves log entries carry the virtual time of recording and a 1-based sequence number.
    ObjectRef node = ObjectRef.clusterScoped("Node", "node-1");
    sim.schedule(Duration.ofMillis(1500), () -> sim.log().record("NodeReady", node, "ok"));
    sim.log().record("RegisteredNode", node, "");
    sim.settle(10);
    assertEquals("[       0.000s] #1 RegisteredNode Node node-1\n"
        + "[       1.500s] #2 NodeReady Node node-1: ok\n", sim.log().snapshot().toString());
  }

  @Test
  void eventsScheduledAfterRunForStoppedShortOfTheNextOneRunBeforeIt() {
    // Proves scheduling stays exact after runFor has looked at a later event and stopped: at the
    // time of the last event run (the queue's floor), and between that and the later event.
    at(Duration.ZERO, "first");
    at(Duration.ofSeconds(10), "far");
    assertTrue(sim.step());
    sim.runFor(Duration.ZERO);
    at(Duration.ZERO, "same-instant");
    sim.runFor(Duration.ofSeconds(1));
    at(Duration.ZERO, "after-window");
    at(Duration.ofMillis(1), "soon");
    sim.settle(10);
    assertEquals(List.of("first@0", "same-instant@0", "after-window@1000", "soon@1001",
        "far@10000"), ran);
  }

  @Test
  void scheduleRejectsADelayPastTheEndOfVirtualTime() {
    // Proves a delay that would overflow the clock is refused where it is made, not run first.
    sim.runFor(Duration.ofNanos(1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sim.schedule(Duration.ofNanos(Long.MAX_VALUE), () -> {}));
    assertTrue(e.getMessage().contains("past the end of virtual time"), e.getMessage());
    sim.schedule(Duration.ofNanos(Long.MAX_VALUE - 1), () -> ran.add("last"));
    sim.settle(1);
    assertEquals(List.of("last"), ran);
    assertEquals(Long.MAX_VALUE, sim.clock().nanos());
  }

  @Test
  void scheduleRejectsNegativeDelays() {
    assertThrows(IllegalArgumentException.class,
        () -> sim.schedule(Duration.ofMillis(-1), () -> {}));
    assertThrows(IllegalArgumentException.class, () -> sim.runFor(Duration.ofMillis(-1)));
  }
}

package io.kubenetsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

class EventQueueTest {

  /** An inserted event: its due time and its insertion index, the expected tie-breaker. */
  private record Entry(long time, int inserted) {}

  private static final Comparator<Entry> TIME_THEN_INSERTION =
      Comparator.comparingLong(Entry::time).thenComparingInt(Entry::inserted);

  /** Drains the queue, running each action, which appends its entry to {@code ran}. */
  private static List<Entry> drain(EventQueue queue, List<Entry> ran) {
    while (!queue.isEmpty()) {
      long time = queue.peekTime();
      int before = ran.size();
      queue.poll().run();
      assertEquals(time, ran.get(before).time(), "peekTime must be the time of what poll returns");
    }
    return ran;
  }

  @Test
  void earlierTimesRunFirstWhateverTheInsertionOrder() {
    // Proves the primary key is the due time: inserted backwards, the events come out forwards.
    EventQueue queue = new EventQueue();
    List<Entry> ran = new ArrayList<>();
    long[] times = {50, 40, 30, 20, 10, 0};
    for (int i = 0; i < times.length; i++) {
      Entry e = new Entry(times[i], i);
      queue.add(e.time(), () -> ran.add(e));
    }
    List<Long> order = drain(queue, ran).stream().map(Entry::time).toList();
    assertEquals(List.of(0L, 10L, 20L, 30L, 40L, 50L), order);
  }

  @Test
  void manyEventsAtTheSameTimeRunInInsertionOrder() {
    // Proves ties are broken by the insertion sequence, across bucket growth (16 → 4096 slots),
    // which is what makes the interleaving of same-instant events reproducible.
    EventQueue queue = new EventQueue();
    List<Entry> ran = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      Entry e = new Entry(7, i);
      queue.add(7, () -> ran.add(e));
    }
    drain(queue, ran);
    for (int i = 0; i < ran.size(); i++) {
      assertEquals(i, ran.get(i).inserted(), "event at position " + i);
    }
    assertEquals(3000, ran.size());
  }

  @Test
  void hundredThousandRandomInsertsComeOutInTheOrderOfAStableSort() {
    // Proves the queue against a trivially correct reference: a stable sort by time of the
    // insertion list. Times are drawn from a small range so that most events tie.
    SeededRandom random = new SeededRandom(20260101);
    EventQueue queue = new EventQueue();
    List<Entry> inserted = new ArrayList<>();
    List<Entry> ran = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      Entry e = new Entry(random.nextInt(1000), i);
      inserted.add(e);
      queue.add(e.time(), () -> ran.add(e));
    }
    assertEquals(100_000, queue.size());
    List<Entry> expected = new ArrayList<>(inserted);
    expected.sort(Comparator.comparingLong(Entry::time)); // List.sort is stable
    assertEquals(expected, drain(queue, ran));
    assertTrue(queue.isEmpty());
  }

  @Test
  void interleavedAddsAndPollsMatchAPriorityQueueOnTimeAndSequence() {
    // Proves ordering also holds when the queue shrinks and grows again, as it does in a
    // simulation where running events schedule new ones.
    SeededRandom random = new SeededRandom(99);
    EventQueue queue = new EventQueue();
    PriorityQueue<Entry> reference = new PriorityQueue<>(TIME_THEN_INSERTION);
    List<Entry> ran = new ArrayList<>();
    int inserted = 0;
    long now = 0;
    for (int round = 0; round < 20_000; round++) {
      int adds = random.nextInt(4);
      for (int i = 0; i < adds; i++) {
        Entry e = new Entry(now + random.nextInt(50), inserted++);
        reference.add(e);
        queue.add(e.time(), () -> ran.add(e));
      }
      if (!reference.isEmpty() && random.nextInt(3) > 0) {
        Entry expected = reference.poll();
        now = queue.peekTime();
        queue.poll().run();
        assertEquals(expected, ran.get(ran.size() - 1), "round " + round);
      }
    }
    while (!reference.isEmpty()) {
      Entry expected = reference.poll();
      queue.poll().run();
      assertEquals(expected, ran.get(ran.size() - 1));
    }
    assertFalse(queue.size() > 0, "queue should be empty, has " + queue.size());
  }

  @Test
  void addingBeforeTheLastPolledEventFailsAndLeavesTheQueueAsItWas() {
    // Proves the one precondition of the radix heap fails loudly rather than misorders: the
    // simulator never schedules into the past, and if it did, this would name the times.
    EventQueue queue = new EventQueue();
    List<Entry> ran = new ArrayList<>();
    long[] times = {10, 20, 20};
    for (int i = 0; i < times.length; i++) {
      Entry e = new Entry(times[i], i);
      queue.add(e.time(), () -> ran.add(e));
    }
    queue.poll().run();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> queue.add(9, () -> ran.add(new Entry(9, -1))));
    assertTrue(e.getMessage().contains("at 9, before the last event polled, at 10"),
        e.getMessage());
    queue.add(10, () -> ran.add(new Entry(10, 3))); // the last polled time itself is allowed
    assertEquals(3, queue.size());
    List<Entry> order = drain(queue, ran);
    assertEquals(List.of(new Entry(10, 0), new Entry(10, 3), new Entry(20, 1), new Entry(20, 2)),
        order);
  }

  @Test
  void aStreamOfZeroDelayEventsRunsInConstantMemory() {
    // Proves bucket 0, a FIFO that such a stream never lets run empty, drops what has been polled
    // instead of growing by one slot per event for ever.
    EventQueue queue = new EventQueue();
    Runnable[] again = new Runnable[1];
    again[0] = () -> queue.add(5, again[0]);
    queue.add(5, again[0]);
    queue.add(5, again[0]);
    queue.poll().run();
    int capacity = queue.capacity();
    for (int i = 0; i < 1_000_000; i++) {
      queue.poll().run();
    }
    assertEquals(2, queue.size());
    assertEquals(capacity, queue.capacity());
  }

  @Test
  void memoryFollowsTheNumberPendingWhileEventsCascadeThroughBuckets() {
    // Proves the buckets share their storage: 100,000 pending events held for a million polls
    // (each event passing through several buckets) keep the queue within twice that number of
    // slots plus a segment per bucket, where an array per bucket would hold several times more.
    SeededRandom random = new SeededRandom(7);
    EventQueue queue = new EventQueue();
    long[] now = {0};
    Runnable[] again = new Runnable[1];
    again[0] = () -> queue.add(now[0] + 1 + random.nextInt(1_000_000), again[0]);
    for (int i = 0; i < 100_000; i++) {
      queue.add(random.nextInt(1_000_000), again[0]);
    }
    int most = 0;
    for (int i = 0; i < 1_000_000; i++) {
      now[0] = queue.peekTime();
      queue.poll().run();
      most = Math.max(most, queue.capacity());
    }
    assertEquals(100_000, queue.size());
    assertTrue(most <= 2 * (100_000 + 65 * 128), "the queue grew to " + most + " slots");
  }
}

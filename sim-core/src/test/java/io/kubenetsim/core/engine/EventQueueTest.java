package io.kubenetsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    // Proves ties are broken by the insertion sequence, across heap resizes (64 → 4096 slots),
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
    // Proves the heap against a trivially correct reference: a stable sort by time of the
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
    // Proves ordering also holds when the heap shrinks and grows again, as it does in a
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
}

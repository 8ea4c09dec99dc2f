package io.kubenetsim.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The queue gives exactly the order of a reference sorted by (time, insertion sequence) for any
 * mix of adds, peeks and polls a simulation can make: times never before the last event polled,
 * many of them equal (zero delays, bursts at one instant), delays from 1 ns to past 2^62 ns, and
 * bursts that outgrow the buckets' initial capacity. Checked after every call.
 */
class EventQueueProperties {

  /** An inserted event: its due time and insertion index, the expected tie-breaker. */
  private record Entry(long time, long inserted) {}

  private static final Comparator<Entry> TIME_THEN_INSERTION =
      Comparator.comparingLong(Entry::time).thenComparingLong(Entry::inserted);

  private enum Kind { ADD, BURST, PEEK, POLL }

  /**
   * One call. An add's time is the last polled time plus a delay of the given scale (0: none,
   * 1: up to 3 ns, 2: up to 1 µs, 3: up to 2^40 ns, about 18 minutes, 4: up to the end of time),
   * taken from {@code raw}; a burst adds {@code burst} events at one such time.
   */
  record Op(Kind kind, int scale, long raw, int burst) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Kind> kinds = Arbitraries.frequencyOf(Tuple.of(45, Arbitraries.just(Kind.ADD)),
        Tuple.of(3, Arbitraries.just(Kind.BURST)), Tuple.of(15, Arbitraries.just(Kind.PEEK)),
        Tuple.of(37, Arbitraries.just(Kind.POLL)));
    Arbitrary<Op> op = Combinators.combine(kinds, Arbitraries.integers().between(0, 4),
        Arbitraries.longs().between(0, Long.MAX_VALUE), Arbitraries.integers().between(1, 300))
        .as(Op::new);
    return op.list().ofMinSize(1).ofMaxSize(2000);
  }

  @Property(tries = 200)
  void pollsAndPeeksFollowTimeThenInsertionOrder(@ForAll("ops") List<Op> ops) {
    EventQueue queue = new EventQueue();
    TreeSet<Entry> reference = new TreeSet<>(TIME_THEN_INSERTION);
    List<Entry> ran = new ArrayList<>();
    long lastPolled = 0;
    long inserted = 0;
    for (Op op : ops) {
      switch (op.kind()) {
        case ADD, BURST -> {
          long time = at(lastPolled, op.scale(), op.raw());
          for (int i = 0; i < (op.kind() == Kind.BURST ? op.burst() : 1); i++) {
            Entry e = new Entry(time, inserted++);
            reference.add(e);
            queue.add(time, () -> ran.add(e));
          }
        }
        case PEEK -> {
          if (!reference.isEmpty()) {
            assertEquals(reference.first().time(), queue.peekTime(), "peek after " + inserted);
          }
        }
        case POLL -> {
          if (!reference.isEmpty()) {
            Entry expected = reference.pollFirst();
            queue.poll().run();
            assertEquals(expected, ran.get(ran.size() - 1));
            lastPolled = expected.time();
          }
        }
      }
      assertEquals(reference.size(), queue.size());
    }
    while (!reference.isEmpty()) {
      Entry expected = reference.pollFirst();
      assertEquals(expected.time(), queue.peekTime());
      queue.poll().run();
      assertEquals(expected, ran.get(ran.size() - 1));
    }
    assertEquals(0, queue.size());
  }

  private static long at(long lastPolled, int scale, long raw) {
    long delay = switch (scale) {
      case 0 -> 0;
      case 1 -> 1 + raw % 3;
      case 2 -> 1 + raw % 1000;
      case 3 -> 1 + raw % (1L << 40);
      default -> raw;
    };
    return delay > Long.MAX_VALUE - lastPolled ? Long.MAX_VALUE : lastPolled + delay;
  }
}

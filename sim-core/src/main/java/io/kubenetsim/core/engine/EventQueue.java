package io.kubenetsim.core.engine;

import java.util.Arrays;

/**
 * The pending-event queue, ordered by (time, insertion sequence): a radix heap (Ahuja, Mehlhorn,
 * Orlin and Tarjan, 1990). It relies on what a discrete-event loop guarantees anyway, that
 * nothing is added before the last event polled (the {@code floor}); in exchange it does no
 * comparisons between events and touches memory in sequential runs, so a million pending events
 * cost little more per event than a thousand. A binary or 4-ary heap follows a root-to-leaf path
 * of cache misses on every poll instead.
 *
 * <p>Bucket 0 holds the events due exactly at the floor. Bucket b (1..64) holds the events whose
 * time first differs from the floor at bit b - 1, counting from the least significant; so every
 * event in bucket b is earlier than every event in bucket b + 1. Each bucket is a FIFO. Polling
 * takes the head of bucket 0; when bucket 0 is empty the lowest non-empty bucket's earliest time
 * becomes the floor and that bucket's events are re-filed, in order, into the buckets below it:
 * those are empty, and as the new floor is one of those events, it agrees with each of them from
 * bit b - 1 up, so each drops at least one bucket (an event moves at most 64 times in its life).
 * The buckets above keep their meaning, as the new floor agrees with the old one from bit b up.
 *
 * <p>Why the order is exact without storing a sequence number: an event's bucket depends only on
 * its time and the floor, so events with equal times always share a bucket. A later one is
 * appended behind an earlier one, and re-filing walks a bucket front to back, so equal times stay
 * in insertion order all the way into bucket 0, which is polled front to back.
 *
 * <p>Memory: events cascade through many buckets, so a growable array per bucket would keep
 * every bucket's own peak, several times the number pending. Instead a bucket is a chain of
 * fixed-size segments of two shared arrays, and it gives segments back as they empty; the arrays
 * grow by doubling to hold the most events ever pending plus a part-filled segment per bucket.
 */
final class EventQueue {
  private static final int BUCKETS = 65;
  private static final int SEGMENT = 128;

  private long[] times = new long[4 * SEGMENT];
  private Runnable[] actions = new Runnable[4 * SEGMENT];
  private int[] nextSegment = new int[4]; // the next segment of the same bucket
  private int[] spare = new int[4]; // segments no bucket uses; a stack, so reuse is cache-warm
  private int spareCount;
  private int segments;

  private final int[] firstSegment = new int[BUCKETS];
  private final int[] lastSegment = new int[BUCKETS];
  private final int[] lastCount = new int[BUCKETS]; // slots used in the last segment; 0: empty
  // Earliest time in each bucket 1..64 (MAX_VALUE when empty), so that peeking never scans.
  private final long[] earliest = new long[BUCKETS];
  private long occupied; // bit b - 1 is set while bucket b (1..64) is not empty
  private int head; // the slots of bucket 0's first segment before head have been polled
  private long floor;
  private int size;

  EventQueue() {
    Arrays.fill(earliest, Long.MAX_VALUE);
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** {@return the due time of the earliest event; only when not empty} */
  long peekTime() {
    return lastCount[0] > 0 ? floor : earliest[lowestOccupied()];
  }

  /**
   * Adds an event behind every other event due at {@code time}.
   *
   * @throws IllegalArgumentException if {@code time} is before the last event polled
   */
  void add(long time, Runnable action) {
    if (time < floor) {
      throw beforeFloor(time);
    }
    append(bucketOf(time), time, action);
    size++;
  }

  private IllegalArgumentException beforeFloor(long time) {
    return new IllegalArgumentException("an event cannot be added at " + time
        + ", before the last event polled, at " + floor);
  }

  /** Removes the earliest event and returns its action; only when not empty. */
  Runnable poll() {
    if (lastCount[0] == 0) {
      refileLowest();
    }
    int segment = firstSegment[0];
    int slot = segment * SEGMENT + head++;
    Runnable action = actions[slot];
    actions[slot] = null;
    if (segment == lastSegment[0] && head == lastCount[0]) {
      lastCount[0] = 0;
      release(segment);
      head = 0;
    } else if (head == SEGMENT) {
      firstSegment[0] = nextSegment[segment];
      release(segment);
      head = 0;
    }
    size--;
    return action;
  }

  /** {@return how many event slots the queue holds, used or not; for tests of memory use} */
  int capacity() {
    return times.length;
  }

  private int bucketOf(long time) {
    return 64 - Long.numberOfLeadingZeros(time ^ floor);
  }

  private int lowestOccupied() {
    return Long.numberOfTrailingZeros(occupied) + 1;
  }

  /** Makes the lowest non-empty bucket's earliest time the floor and re-files its events. */
  private void refileLowest() {
    int b = lowestOccupied();
    floor = earliest[b];
    earliest[b] = Long.MAX_VALUE;
    occupied &= ~(1L << (b - 1));
    int last = lastSegment[b];
    int lastEnd = last * SEGMENT + lastCount[b];
    lastCount[b] = 0;
    int segment = firstSegment[b];
    while (true) {
      int start = segment * SEGMENT;
      int end = segment == last ? lastEnd : start + SEGMENT;
      for (int slot = start; slot < end; slot++) {
        long time = times[slot];
        append(bucketOf(time), time, actions[slot]);
        actions[slot] = null;
      }
      int next = nextSegment[segment];
      release(segment);
      if (segment == last) {
        return;
      }
      segment = next;
    }
  }

  private void append(int b, long time, Runnable action) {
    int count = lastCount[b];
    if (count == 0 || count == SEGMENT) {
      int fresh = acquire();
      if (count == 0) {
        firstSegment[b] = fresh;
      } else {
        nextSegment[lastSegment[b]] = fresh;
      }
      lastSegment[b] = fresh;
      count = 0;
    }
    int slot = lastSegment[b] * SEGMENT + count;
    times[slot] = time;
    actions[slot] = action;
    lastCount[b] = count + 1;
    if (b > 0) {
      earliest[b] = Math.min(earliest[b], time);
      occupied |= 1L << (b - 1);
    }
  }

  private int acquire() {
    if (spareCount > 0) {
      return spare[--spareCount];
    }
    if (segments == nextSegment.length) {
      grow();
    }
    return segments++;
  }

  // Out of line, as it is rare: the JIT inlines add() and its callers only while they are small.
  private void grow() {
    int capacity = segments * 2;
    times = Arrays.copyOf(times, capacity * SEGMENT);
    actions = Arrays.copyOf(actions, capacity * SEGMENT);
    nextSegment = Arrays.copyOf(nextSegment, capacity);
    spare = Arrays.copyOf(spare, capacity);
  }

  private void release(int segment) {
    spare[spareCount++] = segment;
  }
}

package io.kubenetsim.core.engine;

import java.util.Arrays;

/**
 * The pending-event queue: a 4-ary min-heap keyed by (time, sequence), held in parallel
 * primitive arrays so that hundreds of thousands of pending events cost no per-event objects
 * beyond the action itself. Equal times run in insertion order, which makes the simulation's
 * interleaving total and reproducible.
 */
final class EventQueue {
  private static final int ARITY = 4;

  private long[] times = new long[64];
  private long[] sequences = new long[64];
  private Runnable[] actions = new Runnable[64];
  private int size;
  private long nextSequence;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** {@return the due time of the earliest event; only when not empty} */
  long peekTime() {
    return times[0];
  }

  void add(long time, Runnable action) {
    if (size == times.length) {
      int capacity = size * 2;
      times = Arrays.copyOf(times, capacity);
      sequences = Arrays.copyOf(sequences, capacity);
      actions = Arrays.copyOf(actions, capacity);
    }
    siftUp(size++, time, nextSequence++, action);
  }

  /** Removes the earliest event and returns its action; the caller has read its time. */
  Runnable poll() {
    Runnable first = actions[0];
    size--;
    long time = times[size];
    long sequence = sequences[size];
    Runnable action = actions[size];
    actions[size] = null;
    if (size > 0) {
      siftDown(0, time, sequence, action);
    }
    return first;
  }

  private void siftUp(int index, long time, long sequence, Runnable action) {
    while (index > 0) {
      int parent = (index - 1) / ARITY;
      if (!less(time, sequence, times[parent], sequences[parent])) {
        break;
      }
      place(index, times[parent], sequences[parent], actions[parent]);
      index = parent;
    }
    place(index, time, sequence, action);
  }

  private void siftDown(int index, long time, long sequence, Runnable action) {
    while (true) {
      int first = index * ARITY + 1;
      if (first >= size) {
        break;
      }
      int best = first;
      int end = Math.min(first + ARITY, size);
      for (int child = first + 1; child < end; child++) {
        if (less(times[child], sequences[child], times[best], sequences[best])) {
          best = child;
        }
      }
      if (!less(times[best], sequences[best], time, sequence)) {
        break;
      }
      place(index, times[best], sequences[best], actions[best]);
      index = best;
    }
    place(index, time, sequence, action);
  }

  private void place(int index, long time, long sequence, Runnable action) {
    times[index] = time;
    sequences[index] = sequence;
    actions[index] = action;
  }

  private static boolean less(long timeA, long seqA, long timeB, long seqB) {
    return timeA < timeB || (timeA == timeB && seqA < seqB);
  }
}

package io.kubenetsim.core.proxy;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * An immutable sorted sequence kept as a list of small sorted chunks, so that inserting,
 * replacing or removing one element copies one chunk of at most {@value #MAX_CHUNK} and the
 * list of chunk references (a 64th of the size), never the whole sequence: the name-ordered
 * service ports of a kube-proxy snapshot, changed one Service at a time.
 *
 * <p>Elements are unique under the comparator; an element equal to one present replaces it.
 *
 * @param <T> the elements
 */
final class SortedChunks<T> {
  static final int MAX_CHUNK = 64;

  private final Comparator<? super T> order;
  private final Object[][] chunks;
  private final int size;

  private SortedChunks(Comparator<? super T> order, Object[][] chunks, int size) {
    this.order = order;
    this.chunks = chunks;
    this.size = size;
  }

  static <T> SortedChunks<T> empty(Comparator<? super T> order) {
    return new SortedChunks<>(order, new Object[0][], 0);
  }

  /** {@return the elements of a list, sorted and chunked} (duplicates: the last one is kept) */
  static <T> SortedChunks<T> of(Comparator<? super T> order, List<? extends T> elements) {
    List<T> sorted = new ArrayList<>(elements);
    sorted.sort(order);
    List<T> unique = new ArrayList<>(sorted.size());
    for (T element : sorted) {
      // The sort is stable, so of equal elements the one listed last comes last and wins.
      if (!unique.isEmpty() && order.compare(unique.get(unique.size() - 1), element) == 0) {
        unique.set(unique.size() - 1, element);
      } else {
        unique.add(element);
      }
    }
    int half = MAX_CHUNK / 2;
    Object[][] chunks = new Object[(unique.size() + half - 1) / half][];
    for (int c = 0; c < chunks.length; c++) {
      chunks[c] = unique.subList(c * half, Math.min(unique.size(), (c + 1) * half)).toArray();
    }
    return new SortedChunks<>(order, chunks, unique.size());
  }

  int size() {
    return size;
  }

  /** {@return every element, in order} (copied out: callers walk the whole sequence anyway) */
  @SuppressWarnings("unchecked")
  ImmutableList<T> toList() {
    ImmutableList.Builder<T> out = ImmutableList.builderWithExpectedSize(size);
    for (Object[] chunk : chunks) {
      for (Object element : chunk) {
        out.add((T) element);
      }
    }
    return out.build();
  }

  /** {@return this sequence with {@code element} inserted, or replacing its equal} */
  SortedChunks<T> with(T element) {
    if (chunks.length == 0) {
      return new SortedChunks<>(order, new Object[][] {{element}}, 1);
    }
    int c = chunkFor(element);
    Object[] chunk = chunks[c];
    int at = search(chunk, element);
    if (at >= 0) {
      Object[] replaced = chunk.clone();
      replaced[at] = element;
      return replacing(c, replaced, size);
    }
    int insert = -at - 1;
    Object[] grown = new Object[chunk.length + 1];
    System.arraycopy(chunk, 0, grown, 0, insert);
    grown[insert] = element;
    System.arraycopy(chunk, insert, grown, insert + 1, chunk.length - insert);
    if (grown.length <= MAX_CHUNK) {
      return replacing(c, grown, size + 1);
    }
    Object[][] split = new Object[chunks.length + 1][];
    System.arraycopy(chunks, 0, split, 0, c);
    split[c] = Arrays.copyOfRange(grown, 0, grown.length / 2);
    split[c + 1] = Arrays.copyOfRange(grown, grown.length / 2, grown.length);
    System.arraycopy(chunks, c + 1, split, c + 2, chunks.length - c - 1);
    return new SortedChunks<>(order, split, size + 1);
  }

  /** {@return this sequence without the element equal to {@code element}} (itself if none) */
  SortedChunks<T> without(T element) {
    if (chunks.length == 0) {
      return this;
    }
    int c = chunkFor(element);
    Object[] chunk = chunks[c];
    int at = search(chunk, element);
    if (at < 0) {
      return this;
    }
    if (chunk.length == 1) {
      Object[][] fewer = new Object[chunks.length - 1][];
      System.arraycopy(chunks, 0, fewer, 0, c);
      System.arraycopy(chunks, c + 1, fewer, c, fewer.length - c);
      return new SortedChunks<>(order, fewer, size - 1);
    }
    Object[] shrunk = new Object[chunk.length - 1];
    System.arraycopy(chunk, 0, shrunk, 0, at);
    System.arraycopy(chunk, at + 1, shrunk, at, shrunk.length - at);
    return replacing(c, shrunk, size - 1);
  }

  private SortedChunks<T> replacing(int c, Object[] chunk, int newSize) {
    Object[][] copy = chunks.clone();
    copy[c] = chunk;
    return new SortedChunks<>(order, copy, newSize);
  }

  /** {@return the last chunk whose first element is not after {@code element}, else 0} */
  @SuppressWarnings("unchecked")
  private int chunkFor(T element) {
    int low = 0;
    int high = chunks.length - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (order.compare((T) chunks[mid][0], element) <= 0) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  @SuppressWarnings("unchecked")
  private int search(Object[] chunk, T element) {
    return Arrays.binarySearch((T[]) chunk, element, order);
  }
}

package io.kubenetsim.core.store.alloc;

import io.kubenetsim.core.engine.SeededRandom;
import java.util.BitSet;
import java.util.OptionalInt;

/**
 * The allocation bitmap kube-apiserver uses for ClusterIPs and NodePorts, with the static and
 * dynamic bands of KEP-3070/KEP-3668: the first {@code offset} slots are kept for values users
 * ask for; automatic allocation starts at a random slot of the upper band and scans forward
 * (wrapping within the band), and only falls back to the lower band when the upper is full.
 */
final class BandedBitmap {
  private final int size;
  private final int offset;
  private final SeededRandom random;
  private final BitSet used = new BitSet();

  BandedBitmap(int size, int offset, SeededRandom random) {
    this.size = size;
    this.offset = offset;
    this.random = random;
  }

  boolean isUsed(int slot) {
    return used.get(slot);
  }

  void set(int slot) {
    used.set(slot);
  }

  void clear(int slot) {
    used.clear(slot);
  }

  int count() {
    return used.cardinality();
  }

  /** {@return a free slot, upper band first, or empty when full} */
  OptionalInt allocateNext() {
    OptionalInt upper = scan(offset, size);
    return upper.isPresent() ? upper : scan(0, offset);
  }

  private OptionalInt scan(int from, int to) {
    int span = to - from;
    if (span <= 0) {
      return OptionalInt.empty();
    }
    int start = random.nextInt(span);
    for (int i = 0; i < span; i++) {
      int slot = from + (start + i) % span;
      if (!used.get(slot)) {
        used.set(slot);
        return OptionalInt.of(slot);
      }
    }
    return OptionalInt.empty();
  }
}

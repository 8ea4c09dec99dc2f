package io.kubenetsim.core.store.alloc;

import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.net.PortRange;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * NodePorts from kube-apiserver's {@code --service-node-port-range}, as upstream's {@code
 * portallocator}: a static band of {@code min(max(16, size/32), 128)} ports at the bottom (86
 * ports, 30000–30085, for the default range) kept for requested ports; automatic picks are
 * random in the upper band first.
 */
public final class NodePortAllocator {
  private final PortRange range;
  private final BandedBitmap bitmap;

  public NodePortAllocator(PortRange range, SeededRandom random) {
    this.range = range;
    int size = range.size();
    int offset = size <= 16 ? 0 : Math.min(Math.max(16, size / 32), 128);
    this.bitmap = new BandedBitmap(size, offset, random);
  }

  /** {@return the range} */
  public PortRange range() {
    return range;
  }

  /**
   * Takes a requested port.
   *
   * @return empty on success, or upstream's reason it cannot be had
   */
  public Optional<String> allocate(int port) {
    if (!range.contains(port)) {
      return Optional.of("provided port is not in the valid range. The range of valid ports is "
          + range);
    }
    if (bitmap.isUsed(port - range.first())) {
      return Optional.of("provided port is already allocated");
    }
    bitmap.set(port - range.first());
    return Optional.empty();
  }

  /** {@return a free port, or empty when the range is full} */
  public OptionalInt allocateNext() {
    OptionalInt slot = bitmap.allocateNext();
    return slot.isPresent() ? OptionalInt.of(range.first() + slot.getAsInt()) : slot;
  }

  /** Frees a port. */
  public void release(int port) {
    if (range.contains(port)) {
      bitmap.clear(port - range.first());
    }
  }

  /** {@return how many ports are allocated} */
  public int allocatedCount() {
    return bitmap.count();
  }
}

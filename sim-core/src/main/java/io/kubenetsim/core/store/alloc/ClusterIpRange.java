package io.kubenetsim.core.store.alloc;

import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * ClusterIPs of one service CIDR, as upstream's {@code ipallocator.Range}: every address but
 * the network address (and, for IPv4, the broadcast address), with a static band of {@code
 * min(max(16, size/16), 256)} addresses at the bottom (none when the CIDR has 16 addresses or
 * fewer). Simplification: ranges larger than 2^20 addresses (IPv6) use only their first 2^20.
 */
final class ClusterIpRange {
  private static final int MAX_SLOTS = 1 << 20;

  private final Cidr cidr;
  private final BandedBitmap bitmap;
  private final int slots;

  ClusterIpRange(Cidr cidr, SeededRandom random) {
    this.cidr = cidr;
    BigInteger size = cidr.size();
    int usable = size.min(BigInteger.valueOf(MAX_SLOTS)).intValueExact()
        - (cidr.family() == IpFamily.IPV4 ? 2 : 1);
    this.slots = Math.max(0, usable);
    long total = size.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    int offset = total <= 16 ? 0 : (int) Math.min(Math.max(16, total / 16), 256);
    this.bitmap = new BandedBitmap(slots, Math.min(offset, slots), random);
  }

  Cidr cidr() {
    return cidr;
  }

  /** {@return whether the address can be allocated from this range at all} */
  boolean inRange(IpAddress ip) {
    if (!cidr.contains(ip)) {
      return false;
    }
    long slot = cidr.offsetOf(ip) - 1;
    return slot >= 0 && slot < slots;
  }

  boolean isAllocated(IpAddress ip) {
    return inRange(ip) && bitmap.isUsed(slot(ip));
  }

  /** Marks a requested address as used; the caller has checked it is in range and free. */
  void allocate(IpAddress ip) {
    bitmap.set(slot(ip));
  }

  void release(IpAddress ip) {
    if (inRange(ip)) {
      bitmap.clear(slot(ip));
    }
  }

  /** {@return the next address by upstream's banded random scan, or empty when full} */
  Optional<IpAddress> allocateNext() {
    OptionalInt slot = bitmap.allocateNext();
    return slot.isPresent() ? Optional.of(cidr.address(slot.getAsInt() + 1L)) : Optional.empty();
  }

  int allocatedCount() {
    return bitmap.count();
  }

  private int slot(IpAddress ip) {
    return (int) (cidr.offsetOf(ip) - 1);
  }
}

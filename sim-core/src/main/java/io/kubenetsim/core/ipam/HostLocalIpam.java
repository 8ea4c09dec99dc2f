package io.kubenetsim.core.ipam;

import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Pod IPs for one node, as the CNI {@code host-local} IPAM plugin hands them out: the gateway
 * takes {@code .1}, pods get {@code .2} upward (the broadcast address never), and allocation
 * continues after the last address handed out and wraps, so a freed IP is normally not handed
 * out again until the range has cycled. This is why a recreated pod gets a different IP.
 */
public final class HostLocalIpam {
  private final Cidr range;
  private final long first;
  private final long last;
  private final Set<Long> used = new HashSet<>();
  private long lastReserved;

  public HostLocalIpam(Cidr range) {
    this.range = range;
    this.first = 2;
    this.last = range.size().longValueExact() - 2;
    this.lastReserved = first - 1;
  }

  /** {@return the node's pod range} */
  public Cidr range() {
    return range;
  }

  /** {@return the next free address after the last one handed out, or empty when full} */
  public Optional<IpAddress> allocate() {
    long span = last - first + 1;
    for (long i = 1; i <= span; i++) {
      long candidate = first + Math.floorMod(lastReserved - first + i, span);
      if (used.add(candidate)) {
        lastReserved = candidate;
        return Optional.of(range.address(candidate));
      }
    }
    return Optional.empty();
  }

  /** Frees an address (the pod's sandbox was torn down). */
  public void release(IpAddress address) {
    if (range.contains(address)) {
      used.remove(range.offsetOf(address));
    }
  }

  /** {@return how many addresses are in use} */
  public int inUse() {
    return used.size();
  }
}

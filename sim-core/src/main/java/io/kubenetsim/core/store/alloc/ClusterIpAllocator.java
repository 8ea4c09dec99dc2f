package io.kubenetsim.core.store.alloc;

import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * ClusterIP allocation over every service CIDR of the cluster (the default range and any
 * ServiceCIDR objects), in the order they were added, as upstream's per-family {@code
 * MetaAllocator}s ({@code ipallocator/cidrallocator.go}) together: a requested address must lie
 * in one of them and be free; automatic allocation of a family takes from the first range of
 * that family with room. Which families a Service may use at all is the cluster's ({@code
 * --service-cluster-ip-range}), checked before allocation ({@code ServiceFamilyInit}); a range
 * of another family, from a ServiceCIDR, is kept but never reached, as upstream builds no
 * allocator for it.
 *
 * <pre>{@code
 * ClusterIpAllocator ips = new ClusterIpAllocator(random);
 * ips.addRange(Cidr.parse("fd00:10:96::/112"));
 * ips.allocateNext(IpFamily.IPV6);  // Optional[fd00:10:96::…]
 * }</pre>
 *
 * <p>Simplification: upstream's multi-CIDR allocator prefers the most specific range; this one
 * prefers the oldest, which is the same for the common single-range cluster.
 */
public final class ClusterIpAllocator {
  private final SeededRandom random;
  private final List<ClusterIpRange> ranges = new ArrayList<>();

  public ClusterIpAllocator(SeededRandom random) {
    this.random = random;
  }

  /** Adds a range to allocate from (a ServiceCIDR was created). */
  public void addRange(Cidr cidr) {
    if (ranges.stream().noneMatch(r -> r.cidr().equals(cidr))) {
      ranges.add(new ClusterIpRange(cidr, random.child(cidr.toString())));
    }
  }

  /** Stops allocating new addresses from a range; addresses already handed out stay valid. */
  public void removeRange(Cidr cidr) {
    ranges.removeIf(r -> r.cidr().equals(cidr));
  }

  /** {@return the ranges, in allocation order} */
  public List<Cidr> ranges() {
    return ranges.stream().map(ClusterIpRange::cidr).toList();
  }

  /**
   * Takes a requested address.
   *
   * @return empty on success, or upstream's reason it cannot be had
   */
  public Optional<String> allocate(IpAddress ip) {
    Optional<ClusterIpRange> range = ranges.stream().filter(r -> r.inRange(ip)).findFirst();
    if (range.isEmpty()) {
      // Upstream has one allocator per family, so the message names that family's ranges.
      return Optional.of("the provided IP (" + ip + ") is not in the valid range. The range of "
          + "valid IPs is " + ranges.stream().filter(r -> r.cidr().family() == ip.family())
              .map(r -> r.cidr().toString()).collect(Collectors.joining(",")));
    }
    if (range.get().isAllocated(ip)) {
      return Optional.of("provided IP is already allocated");
    }
    range.get().allocate(ip);
    return Optional.empty();
  }

  /** {@return a free address of this family, or empty when every range is full} */
  public Optional<IpAddress> allocateNext(IpFamily family) {
    for (ClusterIpRange range : ranges) {
      if (range.cidr().family() == family) {
        Optional<IpAddress> ip = range.allocateNext();
        if (ip.isPresent()) {
          return ip;
        }
      }
    }
    return Optional.empty();
  }

  /** Frees an address (its Service was deleted or stopped needing it). */
  public void release(IpAddress ip) {
    ranges.forEach(r -> r.release(ip));
  }

  /** {@return how many addresses are allocated in all ranges} */
  public int allocatedCount() {
    return ranges.stream().mapToInt(ClusterIpRange::allocatedCount).sum();
  }
}

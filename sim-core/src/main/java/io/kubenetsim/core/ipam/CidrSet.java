package io.kubenetsim.core.ipam;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.net.Cidr;
import java.util.BitSet;
import java.util.Optional;

/**
 * Splits a cluster CIDR into equal node subnets and hands them out as kube-controller-manager's
 * node IPAM ({@code cidrset.CidrSet}) does: a bitmap of used subnets plus a cursor; a search
 * starts at the cursor and wraps, and the cursor moves past each allocation, so a released
 * subnet is reused only after the cursor has come round.
 */
public final class CidrSet {
  private final Cidr cluster;
  private final int subnetPrefixLength;
  private final int subnetCount;
  private final BitSet used = new BitSet();
  private int nextCandidate;

  public CidrSet(Cidr cluster, int subnetPrefixLength) {
    long count = cluster.subnetCount(subnetPrefixLength);
    checkArgument(count <= 1 << 20, "%s split into /%s makes %s subnets; at most 2^20 are "
        + "supported", cluster, subnetPrefixLength, count);
    this.cluster = cluster;
    this.subnetPrefixLength = subnetPrefixLength;
    this.subnetCount = (int) count;
  }

  /** {@return the next free subnet, or empty when every subnet is taken} */
  public Optional<Cidr> allocateNext() {
    for (int i = 0; i < subnetCount; i++) {
      int candidate = (nextCandidate + i) % subnetCount;
      if (!used.get(candidate)) {
        used.set(candidate);
        nextCandidate = (candidate + 1) % subnetCount;
        return Optional.of(cluster.subnet(subnetPrefixLength, candidate));
      }
    }
    return Optional.empty();
  }

  /** Marks a subnet as used (a node that came with its own podCIDR). Outside subnets are ignored. */
  public void occupy(Cidr subnet) {
    indexOf(subnet).ifPresent(used::set);
  }

  /** Frees a subnet (its node was deleted). */
  public void release(Cidr subnet) {
    indexOf(subnet).ifPresent(used::clear);
  }

  private Optional<Integer> indexOf(Cidr subnet) {
    if (subnet.prefixLength() != subnetPrefixLength || !cluster.contains(subnet)) {
      return Optional.empty();
    }
    long offset = cluster.offsetOf(subnet.network()) >> (cluster.family().bits()
        - subnetPrefixLength);
    return Optional.of((int) offset);
  }
}

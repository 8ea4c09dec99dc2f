package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;

/**
 * {@code Node.spec}: the pod CIDR(s) node IPAM assigned (write-once), schedulability, taints.
 *
 * @param podCIDR the primary pod CIDR, {@code ""} until assigned
 * @param podCIDRs one per family, {@code podCIDRs[0] == podCIDR}
 */
public record NodeSpec(
    String podCIDR, ImmutableList<String> podCIDRs, boolean unschedulable,
    ImmutableList<Taint> taints) {

  public NodeSpec {
    checkArgument(podCIDR != null, "podCIDR must not be null (use \"\" for unset)");
    podCIDRs = ImmutableList.copyOf(podCIDRs);
    taints = ImmutableList.copyOf(taints);
  }

  /** {@return a spec with no CIDR yet, schedulable, untainted} */
  public static NodeSpec empty() {
    return new NodeSpec("", ImmutableList.of(), false, ImmutableList.of());
  }

  public NodeSpec withPodCIDRs(java.util.List<String> cidrs) {
    return new NodeSpec(cidrs.isEmpty() ? "" : cidrs.get(0), ImmutableList.copyOf(cidrs),
        unschedulable, taints);
  }

  public NodeSpec withTaints(java.util.List<Taint> newTaints) {
    return new NodeSpec(podCIDR, podCIDRs, unschedulable, ImmutableList.copyOf(newTaints));
  }

  public NodeSpec withUnschedulable(boolean value) {
    return new NodeSpec(podCIDR, podCIDRs, value, taints);
  }
}

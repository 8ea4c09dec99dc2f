package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * {@code Node.status}: addresses, pod capacity ({@code capacity.pods}), conditions and info.
 */
public record NodeStatus(
    ImmutableList<NodeAddress> addresses,
    int podCapacity,
    ImmutableList<Condition> conditions,
    NodeSystemInfo nodeInfo) {

  /** kubelet's default {@code maxPods}. */
  public static final int DEFAULT_POD_CAPACITY = 110;

  public NodeStatus {
    addresses = ImmutableList.copyOf(addresses);
    conditions = ImmutableList.copyOf(conditions);
    checkArgument(nodeInfo != null, "nodeInfo must not be null");
  }

  /** {@return a status with these addresses, default capacity and no conditions yet} */
  public static NodeStatus of(List<NodeAddress> addresses) {
    return new NodeStatus(ImmutableList.copyOf(addresses), DEFAULT_POD_CAPACITY,
        ImmutableList.of(), NodeSystemInfo.simulated());
  }

  /** {@return the first address of this type} */
  public Optional<String> address(String type) {
    return addresses.stream().filter(a -> a.type().equals(type)).map(NodeAddress::address)
        .findFirst();
  }

  /** {@return the condition of this type, if reported} */
  public Optional<Condition> condition(String type) {
    // A loop, not a stream: the scheduler asks every node's Ready condition for every pod.
    for (Condition condition : conditions) {
      if (condition.type().equals(type)) {
        return Optional.of(condition);
      }
    }
    return Optional.empty();
  }

  /** {@return whether the {@code Ready} condition is True} */
  public boolean isReady() {
    return condition("Ready").map(Condition::isTrue).orElse(false);
  }

  public NodeStatus withConditions(List<Condition> newConditions) {
    return new NodeStatus(addresses, podCapacity, ImmutableList.copyOf(newConditions), nodeInfo);
  }
}

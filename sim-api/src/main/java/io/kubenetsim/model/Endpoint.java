package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * One endpoint of an EndpointSlice: its address(es), conditions, and where it runs.
 *
 * @param hostname set only when the pod has {@code spec.hostname} and its {@code
 *     spec.subdomain} names the Service; {@code ""} otherwise
 * @param nodeName {@code ""} when unknown
 * @param zone from the node's {@code topology.kubernetes.io/zone} label, {@code ""} when unset
 */
public record Endpoint(
    ImmutableList<String> addresses,
    EndpointConditions conditions,
    String hostname,
    String nodeName,
    String zone,
    Optional<TargetRef> targetRef) {

  public Endpoint {
    addresses = ImmutableList.copyOf(addresses);
    checkArgument(conditions != null && hostname != null && nodeName != null && zone != null
        && targetRef != null, "endpoint parts must not be null");
  }

  /** {@return an endpoint at one address, with no conditions set and no target} */
  public static Endpoint at(String address) {
    return new Endpoint(ImmutableList.of(address), EndpointConditions.unset(), "", "", "",
        Optional.empty());
  }

  @Override
  public String toString() {
    return String.join(",", addresses) + (nodeName.isEmpty() ? "" : "@" + nodeName)
        + (conditions.isReady() ? "" : conditions.isTerminating() ? "(terminating)"
            : "(not ready)");
  }
}

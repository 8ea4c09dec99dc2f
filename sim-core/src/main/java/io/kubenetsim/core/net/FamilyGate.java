package io.kubenetsim.core.net;

import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.model.Service;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.util.Optional;

/**
 * Where the simulated network ends: pods and nodes are IPv4-only (their addresses come from
 * the IPv4 cluster CIDR and node network), so a packet to or from an IPv6 address has no path.
 * In a cluster like that, a pod's kernel answers {@code connect()} to an IPv6 address at once
 * with "Network is unreachable" (there is no IPv6 route), and no node has an IPv6 address an
 * outside IPv6 client could reach. Services can still hold IPv6 ClusterIPs (dual-stack service
 * ranges); this gate makes a connection to one end as {@link
 * io.kubenetsim.net.ConnectionVerdict#UNREACHABLE} with a reason that says why, instead of a
 * time-out that would look like a network fault.
 *
 * <p>Simplification: IPv6 traffic is not simulated at all; a cluster with IPv6 pods would route
 * it through kube-proxy's IPv6 proxier.
 *
 * <pre>{@code
 * new FamilyGate(store).refusal(source, IpAddress.parse("fd00:10:96::5"));
 * // Optional["IPv6 traffic is not simulated: ... (network unreachable)"]
 * }</pre>
 */
final class FamilyGate {
  private final ApiStore store;

  FamilyGate(ApiStore store) {
    this.store = store;
  }

  /** {@return why {@code source} cannot reach {@code to}, or empty when both are IPv4} */
  Optional<String> refusal(Source source, IpAddress to) {
    String notSimulated = "IPv6 traffic is not simulated: pods and nodes are IPv4-only, so ";
    if (source.ip().family() != IpFamily.IPV4) {
      return Optional.of(notSimulated + "nothing in the cluster can reach or answer the IPv6 "
          + "client " + source.ip() + " (network unreachable)");
    }
    if (to.family() != IpFamily.IPV4) {
      return Optional.of(notSimulated + source + " has no route to " + to
          + serviceHolding(to).map(s -> ", the IPv6 ClusterIP of Service " + s).orElse("")
          + " (network unreachable)");
    }
    return Optional.empty();
  }

  /** {@return the Service whose clusterIPs hold the address, as {@code namespace/name}} */
  private Optional<String> serviceHolding(IpAddress ip) {
    return store.list(Service.class).stream()
        .filter(s -> s.spec().clusterIPs().stream().map(IpAddress::tryParse)
            .anyMatch(a -> a.equals(Optional.of(ip))))
        .map(s -> s.metadata().namespace() + "/" + s.metadata().name()).findFirst();
  }
}

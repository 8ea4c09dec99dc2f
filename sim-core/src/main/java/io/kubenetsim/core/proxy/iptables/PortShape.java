package io.kubenetsim.core.proxy.iptables;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.kubenetsim.core.proxy.EndpointSelection;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.core.proxy.ServicePortName;

/**
 * What a service port's rules depend on that is the same on every node: the flags of upstream's
 * per-service loop in {@code syncProxyRules} that do not involve local endpoints, the chain
 * names, the cluster endpoints ({@code CategorizeEndpoints}), and which nodes have local
 * endpoints. Computed once per port per snapshot; immutable.
 */
final class PortShape {
  final ServicePortInfo port;
  final ServicePortName name;
  /** The port's name as comments print it, {@code ns/svc:port}. */
  final String display;
  final ChainNames.PortChains chains;
  final boolean externallyAccessible;
  /** externalTrafficPolicy Local on a port that has an external address or NodePort. */
  final boolean externalLocal;
  final boolean internalLocal;
  final boolean usesCluster;
  final boolean usesLocal;
  final boolean hasEndpoints;
  final boolean usesExternalChain;
  final boolean usesFirewallChain;
  /** The endpoints Cluster policies use (empty when no policy is Cluster). */
  final ImmutableList<ProxyEndpoint> cluster;
  /** For lookup only: the nodes on which a Local policy has endpoints to use. */
  private final ImmutableSet<String> nodesWithLocalEndpoints;

  PortShape(ServicePortInfo port) {
    this.port = port;
    this.name = port.name();
    this.display = name.name();
    this.chains = ChainNames.forPort(name);
    this.externallyAccessible = port.nodePort() > 0 || !port.externalIPs().isEmpty()
        || !port.loadBalancerIPs().isEmpty();
    this.externalLocal = port.externalLocal() && externallyAccessible;
    this.internalLocal = port.internalLocal();
    this.usesCluster = !internalLocal || externallyAccessible;
    this.usesLocal = internalLocal || externalLocal;
    this.hasEndpoints = port.hasEndpoints();
    this.usesExternalChain = hasEndpoints && externallyAccessible;
    this.usesFirewallChain = hasEndpoints && !port.loadBalancerIPs().isEmpty()
        && !port.loadBalancerSourceRanges().isEmpty();
    // Any node's selection gives the cluster endpoints; "" is the name of no node.
    this.cluster = usesCluster ? ImmutableList.copyOf(EndpointSelection.of(port, "").cluster())
        : ImmutableList.of();
    this.nodesWithLocalEndpoints = port.endpoints().stream().map(ProxyEndpoint::nodeName)
        .distinct().filter(n -> !EndpointSelection.of(port, n).local().isEmpty())
        .collect(ImmutableSet.toImmutableSet());
  }

  /** {@return whether a node has endpoints a Local policy would use} */
  boolean hasLocalEndpoints(String nodeName) {
    return nodesWithLocalEndpoints.contains(nodeName);
  }

  /** {@return the nodes that have endpoints a Local policy would use} */
  ImmutableSet<String> nodesWithLocalEndpoints() {
    return nodesWithLocalEndpoints;
  }

  /** {@return where upstream's {@code hasInternalEndpoints} holds: ClusterIP traffic is DNATed} */
  Presence internalEndpoints() {
    return !hasEndpoints ? Presence.NEVER
        : internalLocal ? Presence.WITH_LOCAL_ENDPOINTS : Presence.ALWAYS;
  }

  /** {@return where upstream's {@code hasExternalEndpoints} holds: external traffic is DNATed} */
  Presence externalEndpoints() {
    return !hasEndpoints ? Presence.NEVER
        : externalLocal ? Presence.WITH_LOCAL_ENDPOINTS : Presence.ALWAYS;
  }
}

package io.kubenetsim.core.proxy.ipvs;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyDecision.Dnat;
import io.kubenetsim.core.proxy.ProxyDecision.Entry;
import io.kubenetsim.core.proxy.ProxyDecision;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ProxyNodeState;
import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.RuleOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the first packet of a flow through one node's IPVS mode: finds the virtual server by
 * hash lookup on (destination, protocol, port) as the kernel's {@code ip_vs_service_find} does,
 * schedules a real server round robin ({@code ip_vs_rr}) or by persistence, and decides
 * masquerading from the ipset-matching iptables rules of upstream {@code writeIptablesRules}.
 * The cost is a few hash lookups whatever the number of services.
 *
 * <p>Outcomes: a virtual server with real servers DNATs; one without real servers is refused
 * with ICMP port unreachable by IPVS itself ({@code ip_vs_leave}), reported as REJECT; a new
 * connection to a {@code kube-ipvs0} address on a port no virtual server has is rejected by
 * {@code KUBE-IPVS-FILTER} (kubernetes/kubernetes#72236); a load-balancer address with
 * source ranges drops other sources in {@code KUBE-SOURCE-RANGES-FIREWALL}; anything else is
 * untouched.
 */
public final class IpvsEvaluator {
  private static final Cidr LOOPBACK = Cidr.parse("127.0.0.0/8");

  /** {@return what this node's IPVS rules do with the first packet of a flow} */
  public ProxyDecision evaluate(ProxySnapshot snapshot, NodeContext node, ProxyPacket packet,
      ProxyNodeState state, Instant now) {
    Lookup lookup = find(snapshot, node, packet);
    if (lookup.server().isEmpty()) {
      return notAService(snapshot, node, packet, lookup.probes());
    }
    VirtualServer vs = lookup.server().get();
    ServicePortInfo port = vs.servicePort();
    List<String> matched = new ArrayList<>();
    int probes = lookup.probes();
    if (vs.entry() == Entry.LOAD_BALANCER && !sourceAllowed(port, packet.source(), vs)) {
      matched.add("-A KUBE-SOURCE-RANGES-FIREWALL -j DROP");
      return decision(RuleOutcome.DROP, Optional.empty(), vs, Optional.empty(), matched,
          probes + 1);
    }
    if (vs.realServers().isEmpty()) {
      matched.add(vs.serviceLine() + " (no real servers: ICMP port unreachable)");
      return decision(RuleOutcome.REJECT, Optional.empty(), vs, Optional.empty(), matched,
          probes);
    }
    ProxyEndpoint backend = schedule(vs, packet.source(), state, now);
    String forward = vs.serviceLine() + " -> " + backend.address();
    matched.add(forward);
    Optional<String> masqRule = masquerade(vs, packet, node);
    boolean hairpin = backend.ip().equals(packet.source())
        && backend.nodeName().equals(node.nodeName());
    masqRule.ifPresent(matched::add);
    if (hairpin) {
      String loopBack = "-A KUBE-POSTROUTING -m set --match-set KUBE-LOOP-BACK dst,dst,src"
          + " -j MASQUERADE";
      matched.add(loopBack);
      masqRule = masqRule.or(() -> Optional.of(loopBack));
    }
    return decision(RuleOutcome.DNAT, Optional.of(new Dnat(backend, forward)), vs, masqRule,
        matched, probes + 2);
  }

  private record Lookup(Optional<VirtualServer> server, int probes) {}

  /** Virtual-server lookup: ClusterIP, then external/LB address, then NodePort on a node IP. */
  private static Lookup find(ProxySnapshot snapshot, NodeContext node, ProxyPacket p) {
    Optional<ServicePortInfo> port =
        snapshot.byClusterIP(p.destination(), p.protocol(), p.destinationPort());
    if (port.isPresent()) {
      return new Lookup(Optional.of(VirtualServer.of(port.get(), p.destination(),
          p.destinationPort(), Entry.CLUSTER_IP, node)), 1);
    }
    port = snapshot.byExternalAddress(p.destination(), p.protocol(), p.destinationPort());
    if (port.isPresent()) {
      Entry entry = port.get().loadBalancerIPs().contains(p.destination())
          ? Entry.LOAD_BALANCER : Entry.EXTERNAL_IP;
      return new Lookup(Optional.of(VirtualServer.of(port.get(), p.destination(),
          p.destinationPort(), entry, node)), 2);
    }
    if (!IpvsTable.nodePortAddresses(node).contains(p.destination())) {
      return new Lookup(Optional.empty(), 3);
    }
    port = snapshot.byNodePort(p.protocol(), p.destinationPort());
    return new Lookup(port.map(np -> VirtualServer.of(np, p.destination(), p.destinationPort(),
        Entry.NODE_PORT, node)), 3);
  }

  /**
   * A packet no virtual server claims: KUBE-IPVS-FILTER, or nothing at all. A {@code
   * kube-ipvs0} address is local to every node, so a packet for it is delivered to the node's
   * own stack and passes filter INPUT, whether it came from a pod (PREROUTING) or from a process
   * on the node (OUTPUT, then the loopback into INPUT); a new connection on a port no virtual
   * server has is rejected there.
   */
  private ProxyDecision notAService(ProxySnapshot snapshot, NodeContext node, ProxyPacket packet,
      int probes) {
    boolean vip = snapshot.isServiceAddress(packet.destination())
        && !node.nodeIPs().contains(packet.destination());
    if (vip) {
      return new ProxyDecision(RuleOutcome.REJECT, Optional.empty(), ImmutableList.of(),
          Optional.empty(), Optional.empty(), Entry.NONE,
          ImmutableList.of(IpvsIptablesRules.IPVS_FILTER_REJECT), probes + 1);
    }
    return ProxyDecision.untouched(List.of(), probes + 1);
  }

  /** KUBE-PROXY-FIREWALL: sources outside loadBalancerSourceRanges are dropped. */
  private static boolean sourceAllowed(ServicePortInfo port, IpAddress source, VirtualServer vs) {
    return port.loadBalancerSourceRanges().isEmpty()
        || port.loadBalancerSourceRanges().stream().anyMatch(r -> r.contains(source))
        || source.equals(vs.address());
  }

  /** Persistence first (a live template for this client), then round robin in sorted order. */
  private static ProxyEndpoint schedule(VirtualServer vs, IpAddress client, ProxyNodeState state,
      Instant now) {
    List<ProxyEndpoint> servers = vs.realServers();
    if (vs.persistence().isPresent()) {
      Duration timeout = vs.persistence().get();
      Optional<HostPort> remembered = state.affinity(vs.key(), client, now, timeout);
      Optional<ProxyEndpoint> sticky = remembered.flatMap(address -> servers.stream()
          .filter(e -> e.address().equals(address)).findFirst());
      ProxyEndpoint chosen = sticky.orElseGet(
          () -> servers.get(state.nextRoundRobin(vs.key(), servers.size())));
      state.recordAffinity(vs.key(), client, chosen.address(), now);
      return chosen;
    }
    return servers.get(state.nextRoundRobin(vs.key(), servers.size()));
  }

  /**
   * The KUBE-SERVICES path of the packet: loopback sources return first; then the
   * KUBE-LOAD-BALANCER, KUBE-CLUSTER-IP, KUBE-EXTERNAL-IP and (destination is local)
   * KUBE-NODE-PORT matches, each marking for masquerade unless a Local policy returns.
   */
  private static Optional<String> masquerade(VirtualServer vs, ProxyPacket packet,
      NodeContext node) {
    if (LOOPBACK.contains(packet.source())) {
      return Optional.empty();
    }
    ServicePortInfo port = vs.servicePort();
    switch (vs.entry()) {
      case LOAD_BALANCER:
        return port.externalLocal() ? Optional.empty()
            : Optional.of("-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ");
      case CLUSTER_IP:
        // A node process dialling a VIP on kube-ipvs0 gets the VIP as its source address, so
        // it is off-cluster for a detector and matches "src,dst" without one.
        boolean marked = node.config().masqueradeAll()
            || (node.localTraffic().isPresent() ? !node.isPodSource(packet.source())
                : packet.hook() == ProxyPacket.Hook.OUTPUT);
        return marked ? Optional.of(IpvsIptablesRules.clusterIpMasquerade(node))
            : Optional.empty();
      case EXTERNAL_IP:
        return port.externalLocal() ? Optional.empty()
            : Optional.of("-A KUBE-SERVICES -m set --match-set KUBE-EXTERNAL-IP dst,dst"
                + " -j KUBE-MARK-MASQ");
      case NODE_PORT:
        return port.externalLocal() ? Optional.empty()
            : Optional.of("-A KUBE-NODE-PORT -p " + port.name().protocolLowerCase()
                + " -m set --match-set KUBE-NODE-PORT-" + port.name().protocol() + " dst"
                + " -j KUBE-MARK-MASQ");
      default:
        throw new AssertionError("no masquerade rule for entry " + vs.entry());
    }
  }

  private static ProxyDecision decision(RuleOutcome outcome, Optional<Dnat> dnat,
      VirtualServer vs, Optional<String> masqueradeRule, List<String> matched, int probes) {
    return new ProxyDecision(outcome, dnat, vs.realServers(), masqueradeRule,
        Optional.of(vs.servicePort().name()), vs.entry(), ImmutableList.copyOf(matched), probes);
  }
}

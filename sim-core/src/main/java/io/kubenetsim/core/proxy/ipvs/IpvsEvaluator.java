package io.kubenetsim.core.proxy.ipvs;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyDecision;
import io.kubenetsim.core.proxy.ProxyDecision.Entry;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ProxyNodeState;
import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.core.proxy.ProxySnapshot.Key;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.RuleOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

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
  private static final String SOURCE_RANGES_DROP = "-A KUBE-SOURCE-RANGES-FIREWALL -j DROP";
  private static final String LOOP_BACK_MASQUERADE = "-A KUBE-POSTROUTING -m set --match-set"
      + " KUBE-LOOP-BACK dst,dst,src -j MASQUERADE";

  /**
   * {@return what this node's IPVS rules do with the first packet of a flow} The decision's
   * text is rendered only when it is read: the virtual server, the node's context and the packet
   * it is made from never change.
   */
  public ProxyDecision evaluate(ProxySnapshot snapshot, NodeContext node, ProxyPacket packet,
      ProxyNodeState state, Instant now) {
    VirtualServer vs = find(snapshot, node, packet);
    if (vs == null) {
      return notAService(snapshot, node, packet);
    }
    ServicePortInfo port = vs.servicePort();
    int probes = probes(vs.entry());
    if (vs.entry() == Entry.LOAD_BALANCER && !sourceAllowed(port, packet.source(), vs)) {
      return decision(RuleOutcome.DROP, null, vs, false, probes + 1,
          () -> text(ImmutableList.of(SOURCE_RANGES_DROP), Optional.empty(), Optional.empty()));
    }
    if (vs.realServers().isEmpty()) {
      return decision(RuleOutcome.REJECT, null, vs, false, probes,
          () -> text(ImmutableList.of(vs.serviceLine()
              + " (no real servers: ICMP port unreachable)"), Optional.empty(), Optional.empty()));
    }
    ProxyEndpoint backend = schedule(vs, packet.source(), state, now);
    boolean marked = marksForMasquerade(vs, packet, node);
    boolean hairpin = backend.ip().equals(packet.source())
        && backend.nodeName().equals(node.nodeName());
    return decision(RuleOutcome.DNAT, backend, vs, marked || hairpin, probes + 2,
        () -> dnatText(vs, backend, marked, hairpin, node));
  }

  /**
   * Virtual-server lookup: ClusterIP, then external/LB address, then NodePort on a node IP;
   * null when no virtual server has the destination.
   */
  private static VirtualServer find(ProxySnapshot snapshot, NodeContext node, ProxyPacket p) {
    Optional<ServicePortInfo> port =
        snapshot.byClusterIP(p.destination(), p.protocol(), p.destinationPort());
    if (port.isPresent()) {
      return VirtualServer.of(port.get(), p.destination(), p.destinationPort(), Entry.CLUSTER_IP,
          node);
    }
    port = snapshot.byExternalAddress(p.destination(), p.protocol(), p.destinationPort());
    if (port.isPresent()) {
      Entry entry = port.get().loadBalancerIPs().contains(p.destination())
          ? Entry.LOAD_BALANCER : Entry.EXTERNAL_IP;
      return VirtualServer.of(port.get(), p.destination(), p.destinationPort(), entry, node);
    }
    if (!IpvsTable.nodePortAddresses(node).contains(p.destination())) {
      return null;
    }
    port = snapshot.byNodePort(p.protocol(), p.destinationPort());
    return port.isEmpty() ? null : VirtualServer.of(port.get(), p.destination(),
        p.destinationPort(), Entry.NODE_PORT, node);
  }

  /** {@return the hash lookups {@link #find} made to reach a virtual server of this entry} */
  private static int probes(Entry entry) {
    return switch (entry) {
      case CLUSTER_IP -> 1;
      case EXTERNAL_IP, LOAD_BALANCER -> 2;
      case NODE_PORT, NONE -> 3;
    };
  }

  /**
   * A packet no virtual server claims: KUBE-IPVS-FILTER, or nothing at all. A {@code
   * kube-ipvs0} address is local to every node, so a packet for it is delivered to the node's
   * own stack and passes filter INPUT, whether it came from a pod (PREROUTING) or from a process
   * on the node (OUTPUT, then the loopback into INPUT); a new connection on a port no virtual
   * server has is rejected there.
   */
  private ProxyDecision notAService(ProxySnapshot snapshot, NodeContext node,
      ProxyPacket packet) {
    int probes = probes(Entry.NONE);
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
    if (port.loadBalancerSourceRanges().isEmpty() || source.equals(vs.address())) {
      return true;
    }
    for (Cidr range : port.loadBalancerSourceRanges()) {
      if (range.contains(source)) {
        return true;
      }
    }
    return false;
  }

  /** Persistence first (a live template for this client), then round robin in sorted order. */
  private static ProxyEndpoint schedule(VirtualServer vs, IpAddress client, ProxyNodeState state,
      Instant now) {
    List<ProxyEndpoint> servers = vs.realServers();
    Key key = vs.key();
    if (vs.persistence().isEmpty()) {
      return servers.get(state.nextRoundRobin(key, servers.size()));
    }
    Duration timeout = vs.persistence().get();
    Optional<HostPort> remembered = state.affinity(key, client, now, timeout);
    ProxyEndpoint chosen = null;
    if (remembered.isPresent()) {
      for (ProxyEndpoint server : servers) {
        if (server.address().equals(remembered.get())) {
          chosen = server;
          break;
        }
      }
    }
    if (chosen == null) {
      chosen = servers.get(state.nextRoundRobin(key, servers.size()));
    }
    state.recordAffinity(key, client, chosen.address(), now);
    return chosen;
  }

  /**
   * {@return whether the KUBE-SERVICES path marks the packet for masquerade}: loopback sources
   * return first; then the KUBE-LOAD-BALANCER, KUBE-CLUSTER-IP, KUBE-EXTERNAL-IP and
   * (destination is local) KUBE-NODE-PORT matches, each marking unless a Local policy returns.
   * The rule that marks follows from the entry ({@link #markRule}).
   */
  private static boolean marksForMasquerade(VirtualServer vs, ProxyPacket packet,
      NodeContext node) {
    if (LOOPBACK.contains(packet.source())) {
      return false;
    }
    if (vs.entry() != Entry.CLUSTER_IP) {
      return !vs.servicePort().externalLocal();
    }
    // A node process dialling a VIP on kube-ipvs0 gets the VIP as its source address, so it is
    // off-cluster for a detector and matches "src,dst" without one.
    return node.config().masqueradeAll()
        || (node.localTraffic().isPresent() ? !node.isPodSource(packet.source())
            : packet.hook() == ProxyPacket.Hook.OUTPUT);
  }

  /** {@return the rule that marked a packet to this virtual server for masquerade} */
  private static String markRule(VirtualServer vs, NodeContext node) {
    ServicePortInfo port = vs.servicePort();
    return switch (vs.entry()) {
      case LOAD_BALANCER -> "-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ";
      case CLUSTER_IP -> IpvsIptablesRules.clusterIpMasquerade(node);
      case EXTERNAL_IP -> "-A KUBE-SERVICES -m set --match-set KUBE-EXTERNAL-IP dst,dst"
          + " -j KUBE-MARK-MASQ";
      case NODE_PORT -> "-A KUBE-NODE-PORT -p " + port.name().protocolLowerCase()
          + " -m set --match-set KUBE-NODE-PORT-" + port.name().protocol() + " dst"
          + " -j KUBE-MARK-MASQ";
      case NONE -> throw new AssertionError("no masquerade rule for entry " + vs.entry());
    };
  }

  /** The text of a DNAT: the forward, then the masquerade mark and the hairpin's MASQUERADE. */
  private static ProxyDecision.Text dnatText(VirtualServer vs, ProxyEndpoint backend,
      boolean marked, boolean hairpin, NodeContext node) {
    String forward = vs.serviceLine() + " -> " + backend.address();
    List<String> matched = new ArrayList<>(3);
    matched.add(forward);
    Optional<String> masqueradeRule = marked ? Optional.of(markRule(vs, node))
        : Optional.empty();
    masqueradeRule.ifPresent(matched::add);
    if (hairpin) {
      matched.add(LOOP_BACK_MASQUERADE);
      masqueradeRule = masqueradeRule.or(() -> Optional.of(LOOP_BACK_MASQUERADE));
    }
    return text(matched, masqueradeRule, Optional.of(forward));
  }

  private static ProxyDecision.Text text(List<String> matched, Optional<String> masqueradeRule,
      Optional<String> dnatRule) {
    return new ProxyDecision.Text(ImmutableList.copyOf(matched), masqueradeRule, dnatRule);
  }

  private static ProxyDecision decision(RuleOutcome outcome, ProxyEndpoint backend,
      VirtualServer vs, boolean masquerade, int probes, Supplier<ProxyDecision.Text> text) {
    return ProxyDecision.rendered(outcome, Optional.ofNullable(backend), vs.realServers(),
        masquerade, Optional.of(vs.servicePort().name()), vs.entry(), probes, text);
  }
}

package io.kubenetsim.core.proxy.iptables;

import static io.kubenetsim.core.proxy.iptables.IptablesRuleCompiler.EXTERNAL_SERVICES;
import static io.kubenetsim.core.proxy.iptables.IptablesRuleCompiler.NODE_PORTS;
import static io.kubenetsim.core.proxy.iptables.IptablesRuleCompiler.PROXY_FIREWALL;
import static io.kubenetsim.core.proxy.iptables.IptablesRuleCompiler.SERVICES;
import static io.kubenetsim.core.proxy.iptables.IptablesRuleCompiler.destination;

import io.kubenetsim.core.proxy.ProxyDecision.Entry;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.core.proxy.iptables.Match.AddressTypeLocal;
import io.kubenetsim.core.proxy.iptables.Match.Comment;
import io.kubenetsim.core.proxy.iptables.Match.DestinationPort;
import io.kubenetsim.core.proxy.iptables.Match.ProtocolMatch;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.util.ArrayList;
import java.util.List;

/**
 * A service port's rules in the chains all service ports share — nat KUBE-SERVICES and
 * KUBE-NODEPORTS, filter KUBE-SERVICES, KUBE-EXTERNAL-SERVICES, KUBE-NODEPORTS and
 * KUBE-PROXY-FIREWALL — written as the first half of upstream's per-service loop in {@code
 * syncProxyRules}, once for every node: a rule that only some nodes have carries its {@link
 * Presence} instead of being left out. The port's own chains are {@link ServicePortRules}.
 */
final class ServiceEntryRules {
  private final PortShape shape;
  private final List<PortSlot.Entry> nat;
  private final List<PortSlot.Entry> filter;
  private final ProtocolMatch protocol;

  /** Writes into {@code nat} and {@code filter}, in the order of each table's rules. */
  ServiceEntryRules(PortShape shape, List<PortSlot.Entry> nat, List<PortSlot.Entry> filter) {
    this.shape = shape;
    this.nat = nat;
    this.filter = filter;
    this.protocol = new ProtocolMatch(shape.name.protocol());
  }

  void write() {
    ServicePortInfo port = shape.port;
    String display = shape.display;
    ChainNames.PortChains chains = shape.chains;
    Presence hasInternal = shape.internalEndpoints();
    Presence hasExternal = shape.externalEndpoints();
    String internalChain = shape.internalLocal ? chains.serviceLocal() : chains.service();
    String filterTarget = shape.hasEndpoints ? "DROP" : "REJECT";
    String filterComment =
        display + (shape.hasEndpoints ? " has no local endpoints" : " has no endpoints");

    // Capture the clusterIP: DNAT where there are endpoints to use, DROP or REJECT elsewhere.
    List<Match> clusterIP = address(port.clusterIP());
    nat(SERVICES, hasInternal, Entry.CLUSTER_IP,
        concat(new Comment(display + " cluster IP"), clusterIP), internalChain);
    filter(SERVICES, hasInternal.negate(), Entry.CLUSTER_IP,
        concat(new Comment(filterComment), clusterIP), filterTarget);
    // Capture externalIPs.
    for (IpAddress ip : port.externalIPs()) {
      if (shape.hasEndpoints) {
        nat(SERVICES, Presence.ALWAYS, Entry.EXTERNAL_IP,
            concat(new Comment(display + " external IP"), address(ip)), chains.external());
      }
      filter(EXTERNAL_SERVICES, hasExternal.negate(), Entry.EXTERNAL_IP,
          concat(new Comment(filterComment), address(ip)), filterTarget);
    }
    // Capture load-balancer ingress.
    String firewall = chains.firewall();
    for (IpAddress ip : port.loadBalancerIPs()) {
      if (shape.hasEndpoints) {
        nat(SERVICES, Presence.ALWAYS, Entry.LOAD_BALANCER,
            concat(new Comment(display + " loadbalancer IP"), address(ip)),
            shape.usesFirewallChain ? firewall : chains.external());
      }
      if (shape.usesFirewallChain) {
        filter(PROXY_FIREWALL, Presence.ALWAYS, Entry.LOAD_BALANCER, concat(new Comment(display
            + " traffic not accepted by " + firewall), address(ip)), "DROP");
      }
    }
    for (IpAddress ip : port.loadBalancerIPs()) {
      filter(EXTERNAL_SERVICES, hasExternal.negate(), Entry.LOAD_BALANCER,
          concat(new Comment(filterComment), address(ip)), filterTarget);
    }
    // Capture nodeports.
    if (port.nodePort() > 0) {
      if (shape.hasEndpoints) {
        nat(NODE_PORTS, Presence.ALWAYS, Entry.NODE_PORT, List.of(new Comment(display), protocol,
            new DestinationPort(port.nodePort())), chains.external());
      }
      filter(EXTERNAL_SERVICES, hasExternal.negate(), Entry.NODE_PORT, List.of(
          new Comment(filterComment), new AddressTypeLocal(false), protocol,
          new DestinationPort(port.nodePort())), filterTarget);
    }
    // Capture healthCheckNodePorts (only Local LoadBalancers have one).
    if (port.healthCheckNodePort() > 0 && shape.externalLocal) {
      filter.add(new PortSlot.Entry(Rule.of(NODE_PORTS, List.of(
          new Comment(display + " health check node port"),
          new ProtocolMatch(Protocol.TCP),
          new DestinationPort(port.healthCheckNodePort())), Target.of("ACCEPT"))
          .forPort(shape.name), Presence.ALWAYS));
    }
  }

  private List<Match> address(IpAddress ip) {
    return List.of(protocol, destination(ip), new DestinationPort(shape.port.port()));
  }

  private void nat(String chain, Presence presence, Entry entry, List<Match> matches,
      String target) {
    append(nat, chain, presence, entry, matches, target);
  }

  private void filter(String chain, Presence presence, Entry entry, List<Match> matches,
      String target) {
    append(filter, chain, presence, entry, matches, target);
  }

  private void append(List<PortSlot.Entry> table, String chain, Presence presence, Entry entry,
      List<Match> matches, String target) {
    if (presence != Presence.NEVER) {
      table.add(new PortSlot.Entry(Rule.of(chain, matches, Target.of(target))
          .forPort(shape.name).withEntry(entry), presence));
    }
  }

  private static List<Match> concat(Match first, List<Match> rest) {
    List<Match> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }
}

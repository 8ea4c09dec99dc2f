package io.kubenetsim.core.proxy.iptables;

import static io.kubenetsim.core.proxy.iptables.IptablesRuleCompiler.MARK_MASQ;
import static io.kubenetsim.core.proxy.iptables.IptablesRuleCompiler.destination;
import static io.kubenetsim.core.proxy.iptables.IptablesRuleCompiler.source;

import io.kubenetsim.core.proxy.ProxyDecision.Entry;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.core.proxy.ServicePortName;
import io.kubenetsim.core.proxy.iptables.Match.AddressTypeLocal;
import io.kubenetsim.core.proxy.iptables.Match.Comment;
import io.kubenetsim.core.proxy.iptables.Match.DestinationPort;
import io.kubenetsim.core.proxy.iptables.Match.ProtocolMatch;
import io.kubenetsim.core.proxy.iptables.Match.RecentCheck;
import io.kubenetsim.core.proxy.iptables.Match.RecentSet;
import io.kubenetsim.core.proxy.iptables.Match.Statistic;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A service port's own nat chains — KUBE-SVC, KUBE-SVL, KUBE-EXT, KUBE-FW and KUBE-SEP — written
 * as the second half of upstream's per-service loop in {@code syncProxyRules} for one {@link
 * PortVariant}: which chains exist follows {@code CategorizeEndpoints} and the service's traffic
 * policies. The port's rules in the shared chains are {@link ServiceEntryRules}.
 */
final class ServicePortRules {
  private final PortShape shape;
  private final PortVariant variant;
  private final Table.Builder nat;
  private final ServicePortInfo port;
  private final String display;

  ServicePortRules(PortShape shape, PortVariant variant, Table.Builder nat) {
    this.shape = shape;
    this.variant = variant;
    this.nat = nat;
    this.port = shape.port;
    this.display = shape.display;
  }

  void write() {
    List<ProxyEndpoint> cluster = shape.cluster;
    List<ProxyEndpoint> local = variant.local();
    boolean hasInternal = shape.internalEndpoints().holds(!local.isEmpty());
    boolean hasExternal = shape.externalEndpoints().holds(!local.isEmpty());
    ChainNames.PortChains chains = shape.chains;
    String internalChain = shape.internalLocal ? chains.serviceLocal() : chains.service();
    String externalPolicyChain = shape.externalLocal ? chains.serviceLocal() : chains.service();

    // Off-cluster traffic to the VIP is masqueraded: all of it with masqueradeAll, what the
    // local-traffic detector does not call a pod otherwise, and none without a detector.
    if (hasInternal && (variant.masqueradeAll() || variant.localTraffic().isPresent())) {
      List<Match> masq = new ArrayList<>(List.of(new Comment(display + " cluster IP"),
          new ProtocolMatch(shape.name.protocol()), destination(port.clusterIP()),
          new DestinationPort(port.port())));
      if (!variant.masqueradeAll()) {
        Cidr pods = variant.localTraffic().get();
        masq.add(new Match.Source(pods, pods.toString(), true));
      }
      nat(internalChain, Entry.NONE, masq, MARK_MASQ);
    }
    if (shape.usesExternalChain) {
      writeExternalChain(chains.external(), chains.service(), externalPolicyChain, hasExternal);
    }
    if (shape.usesFirewallChain) {
      writeFirewallChain(chains.firewall(), chains.external());
    }
    EndpointRules endpoints = new EndpointRules(port, nat);
    if (!cluster.isEmpty()) {
      endpoints.writeServiceChain(chains.service(), cluster);
    }
    if (!local.isEmpty()) {
      endpoints.writeServiceChain(chains.serviceLocal(), local);
    }
    endpoints.writeEndpointChains(port.endpoints().stream()
        .filter(e -> cluster.contains(e) || local.contains(e)).toList());
  }

  private void writeExternalChain(String ext, String svc, String policyChain,
      boolean hasExternal) {
    nat.declare(ext);
    if (!shape.externalLocal) {
      nat(ext, Entry.NONE, List.of(new Comment("masquerade traffic for " + display
          + " external destinations")), MARK_MASQ);
    } else {
      // Pod traffic to an external address may use any endpoint, but only a detector can say
      // what pod traffic is (upstream writes this rule only when IsImplemented()).
      variant.localTraffic().ifPresent(pods -> nat(ext, Entry.NONE, List.of(new Comment(
          "pod traffic for " + display + " external destinations"),
          new Match.Source(pods, pods.toString(), false)), svc));
      nat(ext, Entry.NONE, List.of(new Comment("masquerade LOCAL traffic for " + display
          + " external destinations"), new AddressTypeLocal(true)), MARK_MASQ);
      nat(ext, Entry.NONE, List.of(new Comment("route LOCAL traffic for " + display
          + " external destinations"), new AddressTypeLocal(true)), svc);
    }
    if (hasExternal) {
      nat(ext, Entry.NONE, List.of(), policyChain);
    }
  }

  private void writeFirewallChain(String fw, String ext) {
    nat.declare(fw);
    Comment comment = new Comment(display + " loadbalancer IP");
    for (Cidr range : port.loadBalancerSourceRanges()) {
      nat(fw, Entry.NONE, List.of(comment, new Match.Source(range, range.toString(), false)), ext);
    }
    if (variant.allowFromNode()) {
      for (IpAddress ip : port.loadBalancerIPs()) {
        nat(fw, Entry.NONE, List.of(comment, source(ip)), ext);
      }
    }
    nat.append(Rule.withoutTarget(fw, List.of(new Comment("other traffic to " + display
        + " will be dropped by KUBE-PROXY-FIREWALL"))).forPort(shape.name));
  }

  private void nat(String chain, Entry entry, List<Match> matches, String target) {
    nat.append(Rule.of(chain, matches, Target.of(target)).forPort(shape.name).withEntry(entry));
  }

  /** Rules from KUBE-SVC/KUBE-SVL to endpoints, and the KUBE-SEP chains themselves. */
  private record EndpointRules(ServicePortInfo port, Table.Builder nat) {

    /** Upstream's {@code writeServiceToEndpointRules}: affinity checks, then statistic. */
    void writeServiceChain(String chain, List<ProxyEndpoint> endpoints) {
      nat.declare(chain);
      ServicePortName name = port.name();
      port.affinityTimeout().ifPresent(timeout -> {
        for (ProxyEndpoint e : endpoints) {
          String sep = ChainNames.endpoint(name, e);
          append(chain, List.of(arrow(e), new RecentCheck(sep, timeout)), sep);
        }
      });
      int n = endpoints.size();
      for (int i = 0; i < n; i++) {
        ProxyEndpoint e = endpoints.get(i);
        List<Match> matches = i < n - 1 ? List.of(arrow(e), new Statistic(n - i))
            : List.of(arrow(e));
        append(chain, matches, ChainNames.endpoint(name, e));
      }
    }

    void writeEndpointChains(List<ProxyEndpoint> endpoints) {
      ServicePortName name = port.name();
      for (ProxyEndpoint e : endpoints) {
        String sep = ChainNames.endpoint(name, e);
        nat.declare(sep);
        Comment comment = new Comment(name.name());
        append(sep, List.of(comment, source(e.ip())), MARK_MASQ);
        List<Match> dnat = new ArrayList<>(List.of(comment));
        if (port.affinityTimeout().isPresent()) {
          dnat.add(new RecentSet(sep));
        }
        dnat.add(new ProtocolMatch(name.protocol()));
        nat.append(Rule.of(sep, dnat, new Target("DNAT", "--to-destination " + e.address()))
            .forPort(name).withEndpoint(e));
      }
    }

    private Comment arrow(ProxyEndpoint e) {
      return new Comment(port.name().name() + " -> " + e.address());
    }

    private void append(String chain, List<Match> matches, String target) {
      nat.append(Rule.of(chain, matches, Target.of(target)).forPort(port.name()));
    }
  }
}

package io.kubenetsim.core.proxy.iptables;

import static io.kubenetsim.core.proxy.iptables.IptablesRuleCompiler.EXTERNAL_SERVICES;
import static io.kubenetsim.core.proxy.iptables.IptablesRuleCompiler.MARK_MASQ;
import static io.kubenetsim.core.proxy.iptables.IptablesRuleCompiler.NODE_PORTS;
import static io.kubenetsim.core.proxy.iptables.IptablesRuleCompiler.PROXY_FIREWALL;
import static io.kubenetsim.core.proxy.iptables.IptablesRuleCompiler.SERVICES;
import static io.kubenetsim.core.proxy.iptables.IptablesRuleCompiler.destination;
import static io.kubenetsim.core.proxy.iptables.IptablesRuleCompiler.source;

import io.kubenetsim.core.proxy.EndpointSelection;
import io.kubenetsim.core.proxy.NodeContext;
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
import io.kubenetsim.net.Protocol;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of one service port, written as the body of upstream's per-service loop in {@code
 * syncProxyRules}: which chains exist follows {@code CategorizeEndpoints} ({@link
 * EndpointSelection}) and the service's traffic policies; services without usable endpoints
 * get filter-table REJECT (none anywhere) or DROP (none on this node for a Local policy) rules.
 */
final class ServicePortRules {
  private final ServicePortInfo port;
  private final NodeContext node;
  private final Table.Builder nat;
  private final Table.Builder filter;
  private final ServicePortName name;
  private final String display;
  private final ProtocolMatch protocol;

  ServicePortRules(ServicePortInfo port, NodeContext node, Table.Builder nat,
      Table.Builder filter) {
    this.port = port;
    this.node = node;
    this.nat = nat;
    this.filter = filter;
    this.name = port.name();
    this.display = name.name();
    this.protocol = new ProtocolMatch(name.protocol());
  }

  void write() {
    boolean externallyAccessible = port.nodePort() > 0 || !port.externalIPs().isEmpty()
        || !port.loadBalancerIPs().isEmpty();
    boolean externalLocal = port.externalLocal() && externallyAccessible;
    boolean internalLocal = port.internalLocal();
    boolean usesCluster = !internalLocal || externallyAccessible;
    boolean usesLocal = internalLocal || externalLocal;
    EndpointSelection selection = EndpointSelection.of(port, node.nodeName());
    List<ProxyEndpoint> cluster = usesCluster ? selection.cluster() : List.of();
    List<ProxyEndpoint> local = usesLocal ? selection.local() : List.of();
    boolean hasEndpoints = port.hasEndpoints();

    String svc = ChainNames.service(name);
    String svl = ChainNames.serviceLocal(name);
    String ext = ChainNames.external(name);
    String fw = ChainNames.firewall(name);
    String internalChain = internalLocal ? svl : svc;
    boolean hasInternal = hasEndpoints && (!internalLocal || !local.isEmpty());
    String externalPolicyChain = externalLocal ? svl : svc;
    boolean hasExternal = hasEndpoints && (!externalLocal || !local.isEmpty());
    boolean usesExt = hasEndpoints && externallyAccessible;
    boolean usesFw = hasEndpoints && !port.loadBalancerIPs().isEmpty()
        && !port.loadBalancerSourceRanges().isEmpty();

    String internalFilter = hasEndpoints ? "DROP" : "REJECT";
    String externalFilter = internalFilter;
    String filterComment =
        display + (hasEndpoints ? " has no local endpoints" : " has no endpoints");

    // Capture the clusterIP.
    List<Match> clusterIP = List.of(protocol, destination(port.clusterIP()),
        new DestinationPort(port.port()));
    if (hasInternal) {
      nat(SERVICES, Entry.CLUSTER_IP, concat(new Comment(display + " cluster IP"), clusterIP),
          internalChain);
    } else {
      filter(SERVICES, Entry.CLUSTER_IP, concat(new Comment(filterComment), clusterIP),
          internalFilter);
    }
    // Capture externalIPs.
    for (IpAddress ip : port.externalIPs()) {
      List<Match> address = List.of(protocol, destination(ip), new DestinationPort(port.port()));
      if (hasEndpoints) {
        nat(SERVICES, Entry.EXTERNAL_IP, concat(new Comment(display + " external IP"), address),
            ext);
      }
      if (!hasExternal) {
        filter(EXTERNAL_SERVICES, Entry.EXTERNAL_IP, concat(new Comment(filterComment), address),
            externalFilter);
      }
    }
    // Capture load-balancer ingress.
    for (IpAddress ip : port.loadBalancerIPs()) {
      List<Match> address = List.of(protocol, destination(ip), new DestinationPort(port.port()));
      if (hasEndpoints) {
        nat(SERVICES, Entry.LOAD_BALANCER,
            concat(new Comment(display + " loadbalancer IP"), address), usesFw ? fw : ext);
      }
      if (usesFw) {
        filter(PROXY_FIREWALL, Entry.LOAD_BALANCER, concat(new Comment(display
            + " traffic not accepted by " + fw), address), "DROP");
      }
    }
    if (!hasExternal) {
      for (IpAddress ip : port.loadBalancerIPs()) {
        filter(EXTERNAL_SERVICES, Entry.LOAD_BALANCER, concat(new Comment(filterComment),
            List.of(protocol, destination(ip), new DestinationPort(port.port()))),
            externalFilter);
      }
    }
    // Capture nodeports.
    if (port.nodePort() > 0) {
      if (hasEndpoints) {
        nat(NODE_PORTS, Entry.NODE_PORT, List.of(new Comment(display), protocol,
            new DestinationPort(port.nodePort())), ext);
      }
      if (!hasExternal) {
        filter(EXTERNAL_SERVICES, Entry.NODE_PORT, List.of(new Comment(filterComment),
            new AddressTypeLocal(false), protocol, new DestinationPort(port.nodePort())),
            externalFilter);
      }
    }
    // Capture healthCheckNodePorts (only Local LoadBalancers have one).
    if (port.healthCheckNodePort() > 0 && externalLocal) {
      filter.append(Rule.of(NODE_PORTS, List.of(
          new Comment(display + " health check node port"),
          new ProtocolMatch(Protocol.TCP),
          new DestinationPort(port.healthCheckNodePort())), Target.of("ACCEPT")).forPort(name));
    }

    // Off-cluster traffic to the VIP is masqueraded: all of it with masqueradeAll, what the
    // local-traffic detector does not call a pod otherwise, and none without a detector.
    if (hasInternal && (node.config().masqueradeAll() || node.localTraffic().isPresent())) {
      List<Match> masq = new ArrayList<>(concat(new Comment(display + " cluster IP"), clusterIP));
      if (!node.config().masqueradeAll()) {
        Cidr pods = node.localTraffic().get();
        masq.add(new Match.Source(pods, pods.toString(), true));
      }
      nat(internalChain, Entry.NONE, masq, MARK_MASQ);
    }
    if (usesExt) {
      writeExternalChain(ext, svc, externalPolicyChain, externalLocal, hasExternal);
    }
    if (usesFw) {
      writeFirewallChain(fw, ext);
    }
    if (usesCluster && !cluster.isEmpty()) {
      new EndpointRules(port, nat).writeServiceChain(svc, cluster);
    }
    if (usesLocal && !local.isEmpty()) {
      new EndpointRules(port, nat).writeServiceChain(svl, local);
    }
    List<ProxyEndpoint> reachable = port.endpoints().stream()
        .filter(e -> cluster.contains(e) || local.contains(e)).toList();
    new EndpointRules(port, nat).writeEndpointChains(reachable);
  }

  private void writeExternalChain(String ext, String svc, String policyChain,
      boolean externalLocal, boolean hasExternal) {
    nat.declare(ext);
    if (!externalLocal) {
      nat(ext, Entry.NONE, List.of(new Comment("masquerade traffic for " + display
          + " external destinations")), MARK_MASQ);
    } else {
      // Pod traffic to an external address may use any endpoint, but only a detector can say
      // what pod traffic is (upstream writes this rule only when IsImplemented()).
      node.localTraffic().ifPresent(pods -> nat(ext, Entry.NONE, List.of(new Comment(
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
    boolean allowFromNode = false;
    for (Cidr range : port.loadBalancerSourceRanges()) {
      nat(fw, Entry.NONE, List.of(comment, new Match.Source(range, range.toString(), false)), ext);
      allowFromNode |= range.contains(node.primaryIP());
    }
    if (allowFromNode) {
      for (IpAddress ip : port.loadBalancerIPs()) {
        nat(fw, Entry.NONE, List.of(comment, source(ip)), ext);
      }
    }
    nat.append(Rule.withoutTarget(fw, List.of(new Comment("other traffic to " + display
        + " will be dropped by KUBE-PROXY-FIREWALL"))).forPort(name));
  }

  private void nat(String chain, Entry entry, List<Match> matches, String target) {
    nat.append(Rule.of(chain, matches, Target.of(target)).forPort(name).withEntry(entry));
  }

  private void filter(String chain, Entry entry, List<Match> matches, String target) {
    filter.append(Rule.of(chain, matches, Target.of(target)).forPort(name).withEntry(entry));
  }

  private static List<Match> concat(Match first, List<Match> rest) {
    List<Match> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
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

package io.kubenetsim.core.proxy.ipvs;

import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The ipsets IPVS mode fills for its iptables rules, as upstream's {@code ipsetInfo} and the
 * entry-building half of {@code syncProxyRules} ({@code pkg/proxy/ipvs/proxier.go},
 * {@code ipset.go}): names, types, comments and members ({@code 10.96.0.1,tcp:443} for
 * {@code hash:ip,port}, {@code 30080} for {@code bitmap:port}). Immutable after {@link #build};
 * sets in upstream's declaration order, members sorted.
 *
 * <p>Simplification: {@code ipset list} also prints revision, memory size and references; we
 * print name, type, header, entry count and members only.
 */
public final class IpvsIpsets {
  static final String LOOP_BACK = "KUBE-LOOP-BACK";
  static final String CLUSTER_IP = "KUBE-CLUSTER-IP";
  static final String EXTERNAL_IP = "KUBE-EXTERNAL-IP";
  static final String EXTERNAL_IP_LOCAL = "KUBE-EXTERNAL-IP-LOCAL";
  static final String LOAD_BALANCER = "KUBE-LOAD-BALANCER";
  static final String LOAD_BALANCER_FW = "KUBE-LOAD-BALANCER-FW";
  static final String LOAD_BALANCER_LOCAL = "KUBE-LOAD-BALANCER-LOCAL";
  static final String LB_SOURCE_IP = "KUBE-LOAD-BALANCER-SOURCE-IP";
  static final String LB_SOURCE_CIDR = "KUBE-LOAD-BALANCER-SOURCE-CIDR";
  static final String NODE_PORT_TCP = "KUBE-NODE-PORT-TCP";
  static final String NODE_PORT_LOCAL_TCP = "KUBE-NODE-PORT-LOCAL-TCP";
  static final String NODE_PORT_UDP = "KUBE-NODE-PORT-UDP";
  static final String NODE_PORT_LOCAL_UDP = "KUBE-NODE-PORT-LOCAL-UDP";
  static final String NODE_PORT_SCTP = "KUBE-NODE-PORT-SCTP-HASH";
  static final String NODE_PORT_LOCAL_SCTP = "KUBE-NODE-PORT-LOCAL-SCTP-HASH";
  static final String HEALTH_CHECK_NODE_PORT = "KUBE-HEALTH-CHECK-NODE-PORT";
  static final String IPVS_IPS = "KUBE-IPVS-IPS";
  static final String CLUSTER_IP_COMMENT =
      "Kubernetes service cluster ip + port for masquerade purpose";

  /** One set: name, {@code ipset} type, the comment iptables rules carry, sorted members. */
  record IpSet(String name, String type, String comment, TreeSet<Member> members) {}

  /** A member with a numeric sort key (address, then port, then text). */
  record Member(IpAddress ip, int port, String text) {}

  private static final Comparator<Member> MEMBER_ORDER = Comparator.comparing(Member::ip)
      .thenComparingInt(Member::port).thenComparing(Member::text);
  private static final IpAddress NONE = IpAddress.ipv4(0);

  private final Map<String, IpSet> sets = new LinkedHashMap<>();

  private IpvsIpsets() {
    declare(LOOP_BACK, "hash:ip,port,ip",
        "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose");
    declare(CLUSTER_IP, "hash:ip,port", CLUSTER_IP_COMMENT);
    declare(EXTERNAL_IP, "hash:ip,port",
        "Kubernetes service external ip + port for masquerade and filter purpose");
    declare(EXTERNAL_IP_LOCAL, "hash:ip,port",
        "Kubernetes service external ip + port with externalTrafficPolicy=local");
    declare(LOAD_BALANCER, "hash:ip,port", "Kubernetes service lb portal");
    declare(LOAD_BALANCER_FW, "hash:ip,port",
        "Kubernetes service load balancer ip + port for load balancer with sourceRange");
    declare(LOAD_BALANCER_LOCAL, "hash:ip,port",
        "Kubernetes service load balancer ip + port with externalTrafficPolicy=local");
    declare(LB_SOURCE_IP, "hash:ip,port,ip",
        "Kubernetes service load balancer ip + port + source IP for packet filter purpose");
    declare(LB_SOURCE_CIDR, "hash:ip,port,net",
        "Kubernetes service load balancer ip + port + source cidr for packet filter purpose");
    declare(NODE_PORT_TCP, "bitmap:port", "Kubernetes nodeport TCP port for masquerade purpose");
    declare(NODE_PORT_LOCAL_TCP, "bitmap:port",
        "Kubernetes nodeport TCP port with externalTrafficPolicy=local");
    declare(NODE_PORT_UDP, "bitmap:port", "Kubernetes nodeport UDP port for masquerade purpose");
    declare(NODE_PORT_LOCAL_UDP, "bitmap:port",
        "Kubernetes nodeport UDP port with externalTrafficPolicy=local");
    declare(NODE_PORT_SCTP, "hash:ip,port",
        "Kubernetes nodeport SCTP port for masquerade purpose with type 'hash ip:port'");
    declare(NODE_PORT_LOCAL_SCTP, "hash:ip,port",
        "Kubernetes nodeport SCTP port with externalTrafficPolicy=local with type 'hash ip:port'");
    declare(HEALTH_CHECK_NODE_PORT, "bitmap:port", "Kubernetes health check node port");
    declare(IPVS_IPS, "hash:ip", "Addresses on the ipvs interface");
  }

  private void declare(String name, String type, String comment) {
    sets.put(name, new IpSet(name, type, comment, new TreeSet<>(MEMBER_ORDER)));
  }

  /** {@return the sets' contents for one node, as one sync of upstream fills them} */
  public static IpvsIpsets build(ProxySnapshot snapshot, NodeContext node) {
    IpvsIpsets result = new IpvsIpsets();
    List<IpAddress> nodePortIPs = IpvsTable.nodePortAddresses(node);
    for (ServicePortInfo port : snapshot.ports()) {
      result.addPort(port, node, nodePortIPs);
    }
    return result;
  }

  private void addPort(ServicePortInfo port, NodeContext node, List<IpAddress> nodePortIPs) {
    String proto = port.name().protocolLowerCase();
    for (ProxyEndpoint e : port.endpoints()) {
      if (e.nodeName().equals(node.nodeName())) {
        add(LOOP_BACK, e.ip(), e.port(), e.ip() + "," + proto + ":" + e.port() + "," + e.ip());
      }
    }
    add(CLUSTER_IP, port.clusterIP(), port.port(), ipPort(port.clusterIP(), proto, port.port()));
    add(IPVS_IPS, port.clusterIP(), 0, port.clusterIP().toString());
    for (IpAddress ip : port.externalIPs()) {
      add(port.externalLocal() ? EXTERNAL_IP_LOCAL : EXTERNAL_IP, ip, port.port(),
          ipPort(ip, proto, port.port()));
      bind(ip, node);
    }
    for (IpAddress ip : port.loadBalancerIPs()) {
      addLoadBalancer(port, ip, proto, node);
      bind(ip, node);
    }
    if (port.nodePort() > 0 && !nodePortIPs.isEmpty()) {
      addNodePort(port, proto, nodePortIPs);
    }
    if (port.healthCheckNodePort() > 0) {
      add(HEALTH_CHECK_NODE_PORT, NONE, port.healthCheckNodePort(),
          String.valueOf(port.healthCheckNodePort()));
    }
  }

  private void bind(IpAddress ip, NodeContext node) {
    if (!node.nodeIPs().contains(ip)) {
      add(IPVS_IPS, ip, 0, ip.toString());
    }
  }

  private void addLoadBalancer(ServicePortInfo port, IpAddress ip, String proto,
      NodeContext node) {
    String entry = ipPort(ip, proto, port.port());
    add(LOAD_BALANCER, ip, port.port(), entry);
    if (port.externalLocal()) {
      add(LOAD_BALANCER_LOCAL, ip, port.port(), entry);
    }
    if (port.loadBalancerSourceRanges().isEmpty()) {
      return;
    }
    add(LOAD_BALANCER_FW, ip, port.port(), entry);
    boolean allowFromNode = false;
    for (Cidr range : port.loadBalancerSourceRanges()) {
      add(LB_SOURCE_CIDR, ip, port.port(), entry + "," + range);
      allowFromNode |= range.contains(node.primaryIP());
    }
    if (allowFromNode) {
      add(LB_SOURCE_IP, ip, port.port(), entry + "," + ip);
    }
  }

  private void addNodePort(ServicePortInfo port, String proto, List<IpAddress> nodePortIPs) {
    boolean local = port.externalLocal();
    Protocol protocol = port.name().protocol();
    if (protocol == Protocol.SCTP) {
      for (IpAddress ip : nodePortIPs) {
        String entry = ipPort(ip, proto, port.nodePort());
        add(NODE_PORT_SCTP, ip, port.nodePort(), entry);
        if (local) {
          add(NODE_PORT_LOCAL_SCTP, ip, port.nodePort(), entry);
        }
      }
      return;
    }
    String number = String.valueOf(port.nodePort());
    add(protocol == Protocol.TCP ? NODE_PORT_TCP : NODE_PORT_UDP, NONE, port.nodePort(), number);
    if (local) {
      add(protocol == Protocol.TCP ? NODE_PORT_LOCAL_TCP : NODE_PORT_LOCAL_UDP, NONE,
          port.nodePort(), number);
    }
  }

  private static String ipPort(IpAddress ip, String proto, int port) {
    return ip + "," + proto + ":" + port;
  }

  private void add(String set, IpAddress ip, int port, String text) {
    sets.get(set).members().add(new Member(ip, port, text));
  }

  /** {@return whether the named set has no members (upstream then writes no rule for it)} */
  boolean isEmpty(String name) {
    return sets.get(name).members().isEmpty();
  }

  /** {@return the comment iptables rules matching the named set carry} */
  String comment(String name) {
    return sets.get(name).comment();
  }

  /** {@return the sets in {@code ipset list} style, one block per set} */
  public String render() {
    StringBuilder out = new StringBuilder();
    for (IpSet set : sets.values()) {
      String header = set.type().startsWith("bitmap")
          ? "range 0-65535 comment" : "family inet hashsize 1024 maxelem 65536 comment";
      out.append("Name: ").append(set.name()).append('\n')
          .append("Type: ").append(set.type()).append('\n')
          .append("Header: ").append(header).append('\n')
          .append("Number of entries: ").append(set.members().size()).append('\n')
          .append("Members:\n");
      set.members().forEach(m -> out.append(m.text()).append('\n'));
      out.append('\n');
    }
    return out.toString();
  }
}

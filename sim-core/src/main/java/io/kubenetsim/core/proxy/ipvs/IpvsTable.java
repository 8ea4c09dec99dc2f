package io.kubenetsim.core.proxy.ipvs;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyDecision.Entry;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every IPVS virtual server one node's kube-proxy programs from a snapshot, as upstream's
 * {@code syncProxyRules} in {@code pkg/proxy/ipvs/proxier.go}: per service port one for the
 * ClusterIP, one per externalIP, one per load-balancer ingress IP, and, for a NodePort, one per
 * node address from {@link #nodePortAddresses}. Immutable; virtual servers in {@link
 * VirtualServer#ORDER}.
 *
 * <pre>{@code
 * IpvsTable table = IpvsTable.build(snapshot, node);
 * table.ipvsadm(); // what `ipvsadm -Ln` prints
 * table.dump();    // ipvsadm, iptables-save and ipset list, with section headers
 * }</pre>
 *
 * <p>Simplification: the real kernel lists services in hash order; we sort them. Trailing
 * padding of the last column is trimmed. Real servers being drained (weight 0 after their
 * endpoint went away) are not shown: the snapshot has no memory of removed endpoints.
 */
public final class IpvsTable {
  private static final Cidr LOOPBACK = Cidr.parse("127.0.0.0/8");
  private static final IpAddress LOOPBACK_IPV6 = IpAddress.parse("::1");

  private final ProxySnapshot snapshot;
  private final NodeContext node;
  private final ImmutableList<VirtualServer> virtualServers;

  private IpvsTable(ProxySnapshot snapshot, NodeContext node, List<VirtualServer> servers) {
    this.snapshot = snapshot;
    this.node = node;
    this.virtualServers = ImmutableList.sortedCopyOf(VirtualServer.ORDER, servers);
  }

  /** {@return the virtual servers of one node for one snapshot} */
  public static IpvsTable build(ProxySnapshot snapshot, NodeContext node) {
    List<IpAddress> nodePortIPs = nodePortAddresses(node);
    List<VirtualServer> servers = new ArrayList<>();
    for (ServicePortInfo port : snapshot.ports()) {
      servers.add(VirtualServer.of(port, port.clusterIP(), port.port(), Entry.CLUSTER_IP, node));
      for (IpAddress ip : port.externalIPs()) {
        servers.add(VirtualServer.of(port, ip, port.port(), Entry.EXTERNAL_IP, node));
      }
      for (IpAddress ip : port.loadBalancerIPs()) {
        servers.add(VirtualServer.of(port, ip, port.port(), Entry.LOAD_BALANCER, node));
      }
      if (port.nodePort() > 0) {
        for (IpAddress ip : nodePortIPs) {
          servers.add(VirtualServer.of(port, ip, port.nodePort(), Entry.NODE_PORT, node));
        }
      }
    }
    return new IpvsTable(snapshot, node, servers);
  }

  /**
   * {@return the node addresses that get NodePort virtual servers}: every node address when
   * {@code nodePortAddresses} is empty, else those inside a listed CIDR (or the primary one for
   * {@code primary}); loopback never, since upstream's {@code isValidForSet} and the
   * {@code !ip.IsLoopback()} filter in {@code syncProxyRules} leave it out, so IPVS mode does
   * not serve NodePorts on {@code 127.0.0.1}
   */
  public static List<IpAddress> nodePortAddresses(NodeContext node) {
    List<String> wanted = node.config().nodePortAddresses();
    List<IpAddress> result = new ArrayList<>();
    for (IpAddress ip : node.nodeIPs()) {
      if (LOOPBACK.contains(ip) || ip.equals(LOOPBACK_IPV6)) {
        continue;
      }
      if (wanted.isEmpty() || wanted.stream().anyMatch(w -> selects(w, ip, node))) {
        result.add(ip);
      }
    }
    return result;
  }

  private static boolean selects(String wanted, IpAddress ip, NodeContext node) {
    if (wanted.equals("primary")) {
      return ip.equals(node.primaryIP());
    }
    Optional<Cidr> cidr = Cidr.tryParse(wanted);
    return cidr.isPresent() && cidr.get().contains(ip);
  }

  /** {@return the virtual servers, in {@link VirtualServer#ORDER}} */
  public ImmutableList<VirtualServer> virtualServers() {
    return virtualServers;
  }

  /** {@return the text {@code ipvsadm -Ln} prints for these virtual servers} */
  public String ipvsadm() {
    StringBuilder out = new StringBuilder()
        .append("IP Virtual Server version 1.2.1 (size=4096)\n")
        .append("Prot LocalAddress:Port Scheduler Flags\n")
        .append("  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n");
    for (VirtualServer server : virtualServers) {
      out.append(server.serviceLine()).append('\n');
      server.destinationLines().forEach(line -> out.append(line).append('\n'));
    }
    return out.toString();
  }

  /** {@return {@code ipvsadm -Ln}, {@code iptables-save} and {@code ipset list}, headed} */
  public String dump() {
    IpvsIpsets sets = IpvsIpsets.build(snapshot, node);
    return "# ipvsadm -Ln\n" + ipvsadm()
        + "\n# iptables-save\n" + IpvsIptablesRules.render(sets, node)
        + "\n# ipset list\n" + sets.render();
  }
}

package io.kubenetsim.core.proxy.ipvs;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.proxy.EndpointSelection;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyDecision.Entry;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ProxySnapshot.Key;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One IPVS virtual server as kube-proxy programs it ({@code utilipvs.VirtualServer} in upstream
 * {@code pkg/proxy/ipvs/proxier.go}): address, port and protocol, scheduler {@code rr}, the
 * persistence flag and timeout for {@code sessionAffinity: ClientIP}, and the real servers
 * (weight 1, masquerading forward) that {@code syncEndpoint} installs. Immutable.
 *
 * <pre>{@code
 * VirtualServer vs = VirtualServer.of(port, port.clusterIP(), port.port(), Entry.CLUSTER_IP, node);
 * vs.key();         // TCP, 10.96.0.1, 443: the round-robin and persistence key
 * vs.realServers(); // sorted by ip:port
 * }</pre>
 *
 * @param servicePort the service port the virtual server belongs to
 * @param entry how a packet addressed to it reaches the service
 * @param persistence the IPVS persistence timeout, present with ClientIP affinity
 * @param realServers the destinations, sorted by {@code ip:port} string as upstream sorts them
 */
public record VirtualServer(
    Protocol protocol,
    IpAddress address,
    int port,
    ServicePortInfo servicePort,
    Entry entry,
    Optional<Duration> persistence,
    ImmutableList<ProxyEndpoint> realServers) {

  /** The scheduler kube-proxy uses unless {@code --ipvs-scheduler} says otherwise. */
  public static final String SCHEDULER = "rr";

  /** The order {@code ipvsadm -Ln} is rendered in: protocol, address (numeric), port. */
  public static final Comparator<VirtualServer> ORDER = Comparator
      .comparing(VirtualServer::protocol)
      .thenComparing(VirtualServer::address)
      .thenComparingInt(VirtualServer::port);

  /**
   * {@return the virtual server for one address of a service port on one node}: ClusterIP
   * virtual servers follow internalTrafficPolicy, the others externalTrafficPolicy
   */
  public static VirtualServer of(ServicePortInfo servicePort, IpAddress address, int port,
      Entry entry, NodeContext node) {
    boolean onlyLocal = entry == Entry.CLUSTER_IP
        ? servicePort.internalLocal() : servicePort.externalLocal();
    return new VirtualServer(servicePort.name().protocol(), address, port, servicePort, entry,
        servicePort.affinityTimeout(), realServers(servicePort, onlyLocal, node.nodeName()));
  }

  /**
   * {@return the real servers upstream's {@code syncEndpoint} installs}: the endpoints of
   * {@code CategorizeEndpoints}; with a Local policy the local ones, or, when this node has
   * none, the cluster ones (kubernetes/kubernetes#97081, "Allow access from local PODs even if
   * no local endpoints exist"). Cluster endpoints exist only when the port uses them ({@code
   * UsesClusterEndpoints}: internalTrafficPolicy Cluster, or externally accessible), so an
   * internal-Local port that is not externally accessible gets no real servers at all.
   *
   * <p>Without a Local policy this is the service port's own {@link
   * ServicePortInfo#clusterEndpoints()}, worked out once for every node and packet.
   */
  static ImmutableList<ProxyEndpoint> realServers(ServicePortInfo port, boolean onlyLocal,
      String nodeName) {
    if (onlyLocal) {
      ImmutableList<ProxyEndpoint> local = EndpointSelection.localEndpoints(port, nodeName);
      if (!local.isEmpty()) {
        return local;
      }
    }
    boolean externallyAccessible = port.nodePort() > 0 || !port.externalIPs().isEmpty()
        || !port.loadBalancerIPs().isEmpty();
    return !port.internalLocal() || externallyAccessible
        ? port.clusterEndpoints() : ImmutableList.of();
  }

  /**
   * {@return protocol, address and port as a value: what the node keeps the virtual server's
   * round-robin position and persistence templates under}
   */
  public Key key() {
    return new Key(address, protocol, port);
  }

  /** {@return the service line of {@code ipvsadm -Ln}, e.g. {@code TCP  10.96.0.1:443 rr}} */
  public String serviceLine() {
    return protocol + "  " + address + ":" + port + " " + SCHEDULER
        + persistence.map(t -> " persistent " + t.toSeconds()).orElse("");
  }

  /** {@return the destination lines of {@code ipvsadm -Ln}, one per real server} */
  public List<String> destinationLines() {
    return realServers.stream()
        .map(e -> String.format("  -> %-28s %-7s %-6d %-10d %d", e.address(), "Masq", 1, 0, 0))
        .toList();
  }
}

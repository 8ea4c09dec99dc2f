package io.kubenetsim.core.proxy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service ports kube-proxy programs, as of one sync: immutable, shared by every node that
 * synced from the same view (so thousands of nodes hold references, not copies). Ports are in
 * name order (the order iptables rules are written in); hash indexes answer "which service port
 * owns this address, protocol and port" for the map-based modes.
 */
public final class ProxySnapshot {
  /** A service address: VIP or NodePort key. */
  public record Key(IpAddress address, Protocol protocol, int port) {}

  private final long version;
  private final ImmutableList<ServicePortInfo> ports;
  private final ImmutableMap<Key, ServicePortInfo> byClusterIP;
  private final ImmutableMap<Key, ServicePortInfo> byExternalAddress;
  private final ImmutableMap<Key, ServicePortInfo> byNodePort;
  private final ImmutableMap<ServicePortName, ServicePortInfo> byName;
  private final ImmutableSet<IpAddress> clusterIPs;

  public ProxySnapshot(long version, List<ServicePortInfo> ports) {
    this.version = version;
    this.ports = ImmutableList.sortedCopyOf((a, b) -> a.name().compareTo(b.name()), ports);
    Map<Key, ServicePortInfo> cluster = new LinkedHashMap<>();
    Map<Key, ServicePortInfo> external = new LinkedHashMap<>();
    Map<Key, ServicePortInfo> nodePorts = new LinkedHashMap<>();
    Map<ServicePortName, ServicePortInfo> names = new LinkedHashMap<>();
    for (ServicePortInfo port : this.ports) {
      Protocol protocol = port.name().protocol();
      cluster.put(new Key(port.clusterIP(), protocol, port.port()), port);
      names.put(port.name(), port);
      port.externalIPs().forEach(ip -> external.put(new Key(ip, protocol, port.port()), port));
      port.loadBalancerIPs().forEach(ip -> external.put(new Key(ip, protocol, port.port()), port));
      if (port.nodePort() > 0) {
        nodePorts.put(new Key(IpAddress.ipv4(0), protocol, port.nodePort()), port);
      }
    }
    this.byClusterIP = ImmutableMap.copyOf(cluster);
    this.byExternalAddress = ImmutableMap.copyOf(external);
    this.byNodePort = ImmutableMap.copyOf(nodePorts);
    this.byName = ImmutableMap.copyOf(names);
    this.clusterIPs = this.ports.stream().map(ServicePortInfo::clusterIP)
        .collect(ImmutableSet.toImmutableSet());
  }

  /** {@return a number that grows with each distinct view (for sharing and for dumps)} */
  public long version() {
    return version;
  }

  /** {@return every programmed service port, in name order} */
  public ImmutableList<ServicePortInfo> ports() {
    return ports;
  }

  /** {@return the service port with this ClusterIP, protocol and port} */
  public Optional<ServicePortInfo> byClusterIP(IpAddress ip, Protocol protocol, int port) {
    return Optional.ofNullable(byClusterIP.get(new Key(ip, protocol, port)));
  }

  /** {@return the service port with this external or load-balancer IP, protocol and port} */
  public Optional<ServicePortInfo> byExternalAddress(IpAddress ip, Protocol protocol, int port) {
    return Optional.ofNullable(byExternalAddress.get(new Key(ip, protocol, port)));
  }

  /** {@return the service port with this node port} */
  public Optional<ServicePortInfo> byNodePort(Protocol protocol, int nodePort) {
    return Optional.ofNullable(byNodePort.get(new Key(IpAddress.ipv4(0), protocol, nodePort)));
  }

  /** {@return the service port with this name} */
  public Optional<ServicePortInfo> byName(ServicePortName name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** {@return whether some service port uses this ClusterIP (on any port)} */
  public boolean isClusterIP(IpAddress ip) {
    return clusterIPs.contains(ip);
  }
}

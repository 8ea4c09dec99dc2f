package io.kubenetsim.core.proxy;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The service ports kube-proxy programs, as of one sync: immutable, shared by every node that
 * synced from the same view (so thousands of nodes hold references, not copies). Ports are in
 * name order (the order iptables rules are written in); hash indexes answer "which service port
 * owns this address, protocol and port" for the map-based modes.
 *
 * <p>Consecutive snapshots share structure ({@link SortedChunks}, {@link PersistentHashMap}):
 * {@link #changed} copies a few small arrays per changed port, so a sync costs what changed,
 * not the size of the cluster. When two ports claim one address (two Services listing the same
 * external IP), the one last in name order owns it, at every version.
 */
public final class ProxySnapshot {
  /** A service address: VIP or NodePort key. */
  public record Key(IpAddress address, Protocol protocol, int port) {}

  private static final Comparator<ServicePortInfo> BY_NAME =
      Comparator.comparing(ServicePortInfo::name);
  private static final IpAddress ANY = IpAddress.ipv4(0);

  private final long version;
  private final SortedChunks<ServicePortInfo> ordered;
  private final PersistentHashMap<ServicePortName, ServicePortInfo> byName;
  /** Each key's claimants in name order; the last one owns the key. */
  private final PersistentHashMap<Key, ServicePortInfo[]> byClusterIP;
  private final PersistentHashMap<Key, ServicePortInfo[]> byExternalAddress;
  private final PersistentHashMap<Key, ServicePortInfo[]> byNodePort;
  /** How many ports use each address as ClusterIP, and as any service address. */
  private final PersistentHashMap<IpAddress, Integer> clusterIPs;
  private final PersistentHashMap<IpAddress, Integer> serviceAddresses;
  private final int endpointCount;
  private final int nodeSpecificPorts;
  private ImmutableList<ServicePortInfo> ports;

  private ProxySnapshot(long version, SortedChunks<ServicePortInfo> ordered,
      PersistentHashMap<ServicePortName, ServicePortInfo> byName,
      PersistentHashMap<Key, ServicePortInfo[]> byClusterIP,
      PersistentHashMap<Key, ServicePortInfo[]> byExternalAddress,
      PersistentHashMap<Key, ServicePortInfo[]> byNodePort,
      PersistentHashMap<IpAddress, Integer> clusterIPs,
      PersistentHashMap<IpAddress, Integer> serviceAddresses, int endpointCount,
      int nodeSpecificPorts) {
    this.version = version;
    this.ordered = ordered;
    this.byName = byName;
    this.byClusterIP = byClusterIP;
    this.byExternalAddress = byExternalAddress;
    this.byNodePort = byNodePort;
    this.clusterIPs = clusterIPs;
    this.serviceAddresses = serviceAddresses;
    this.endpointCount = endpointCount;
    this.nodeSpecificPorts = nodeSpecificPorts;
  }

  /** {@return version 0: no service ports} */
  public static ProxySnapshot empty() {
    PersistentHashMap<Key, ServicePortInfo[]> none = PersistentHashMap.empty();
    return new ProxySnapshot(0, SortedChunks.empty(BY_NAME), PersistentHashMap.empty(), none,
        none, none, PersistentHashMap.empty(), PersistentHashMap.empty(), 0, 0);
  }

  /** {@return a snapshot of exactly these ports} (names unique) */
  public static ProxySnapshot of(long version, List<ServicePortInfo> ports) {
    Builder all = new Builder(empty());
    ports.forEach(all::index);
    // One sort instead of one chunk insert per port: a full rebuild is the benchmark's baseline.
    all.ordered = SortedChunks.of(BY_NAME, ports);
    return all.build(version);
  }

  /**
   * {@return the next snapshot: this one without {@code removed} (ports of this snapshot) and
   * with {@code added}}; this one is unchanged
   */
  public ProxySnapshot changed(long nextVersion, List<ServicePortInfo> removed,
      List<ServicePortInfo> added) {
    Builder next = new Builder(this);
    // A port removed and added again under its name is replaced in place in the name order.
    Set<ServicePortName> readded = new HashSet<>();
    added.forEach(port -> readded.add(port.name()));
    removed.forEach(port -> next.remove(port, !readded.contains(port.name())));
    added.forEach(next::add);
    return next.build(nextVersion);
  }

  /** {@return a number that grows with each distinct view (for sharing and for dumps)} */
  public long version() {
    return version;
  }

  /** {@return every programmed service port, in name order} */
  public ImmutableList<ServicePortInfo> ports() {
    // Only the modes that compile whole rulesets walk every port; built on their first use.
    if (ports == null) {
      ports = ordered.toList();
    }
    return ports;
  }

  /** {@return how many service ports are programmed} */
  public int portCount() {
    return ordered.size();
  }

  /** {@return how many endpoints the service ports have together} */
  public int endpointCount() {
    return endpointCount;
  }

  /**
   * {@return how many service ports have rules that differ from node to node}: a Local traffic
   * policy (each node lists its own endpoints) or load-balancer source ranges (a node's own
   * address may be admitted). With none, every node with the same configuration and
   * local-traffic detector programs the same rules for the services.
   */
  public int nodeSpecificPorts() {
    return nodeSpecificPorts;
  }

  /** {@return the service port with this ClusterIP, protocol and port} */
  public Optional<ServicePortInfo> byClusterIP(IpAddress ip, Protocol protocol, int port) {
    return owner(byClusterIP, new Key(ip, protocol, port));
  }

  /** {@return the service port with this external or load-balancer IP, protocol and port} */
  public Optional<ServicePortInfo> byExternalAddress(IpAddress ip, Protocol protocol, int port) {
    return owner(byExternalAddress, new Key(ip, protocol, port));
  }

  /** {@return the service port with this node port} */
  public Optional<ServicePortInfo> byNodePort(Protocol protocol, int nodePort) {
    return owner(byNodePort, new Key(ANY, protocol, nodePort));
  }

  /** {@return the service port with this name} */
  public Optional<ServicePortInfo> byName(ServicePortName name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** {@return whether some service port uses this ClusterIP (on any port)} */
  public boolean isClusterIP(IpAddress ip) {
    return clusterIPs.get(ip) != null;
  }

  /**
   * {@return whether some service port uses this address as ClusterIP, external IP or
   * load-balancer IP} (the addresses IPVS mode binds to {@code kube-ipvs0})
   */
  public boolean isServiceAddress(IpAddress ip) {
    return serviceAddresses.get(ip) != null;
  }

  private static Optional<ServicePortInfo> owner(PersistentHashMap<Key, ServicePortInfo[]> index,
      Key key) {
    ServicePortInfo[] claimants = index.get(key);
    return claimants == null ? Optional.empty()
        : Optional.of(claimants[claimants.length - 1]);
  }

  /** One snapshot's worth of changes, applied to persistent structures. */
  private static final class Builder {
    private SortedChunks<ServicePortInfo> ordered;
    private PersistentHashMap<ServicePortName, ServicePortInfo> byName;
    private PersistentHashMap<Key, ServicePortInfo[]> byClusterIP;
    private PersistentHashMap<Key, ServicePortInfo[]> byExternalAddress;
    private PersistentHashMap<Key, ServicePortInfo[]> byNodePort;
    private PersistentHashMap<IpAddress, Integer> clusterIPs;
    private PersistentHashMap<IpAddress, Integer> serviceAddresses;
    private int endpointCount;
    private int nodeSpecificPorts;

    Builder(ProxySnapshot from) {
      ordered = from.ordered;
      byName = from.byName;
      byClusterIP = from.byClusterIP;
      byExternalAddress = from.byExternalAddress;
      byNodePort = from.byNodePort;
      clusterIPs = from.clusterIPs;
      serviceAddresses = from.serviceAddresses;
      endpointCount = from.endpointCount;
      nodeSpecificPorts = from.nodeSpecificPorts;
    }

    void add(ServicePortInfo port) {
      ordered = ordered.with(port);
      index(port);
    }

    /** Adds the port to every index but the name order. */
    void index(ServicePortInfo port) {
      byName = byName.with(port.name(), port);
      byClusterIP = claim(byClusterIP, clusterKey(port), port);
      for (Key key : externalKeys(port)) {
        byExternalAddress = claim(byExternalAddress, key, port);
      }
      if (port.nodePort() > 0) {
        byNodePort = claim(byNodePort, nodePortKey(port), port);
      }
      clusterIPs = count(clusterIPs, port.clusterIP(), 1);
      for (IpAddress ip : addresses(port)) {
        serviceAddresses = count(serviceAddresses, ip, 1);
      }
      endpointCount += port.endpoints().size();
      nodeSpecificPorts += isNodeSpecific(port) ? 1 : 0;
    }

    void remove(ServicePortInfo port, boolean fromOrder) {
      if (fromOrder) {
        ordered = ordered.without(port);
        byName = byName.without(port.name());
      }
      byClusterIP = release(byClusterIP, clusterKey(port), port);
      for (Key key : externalKeys(port)) {
        byExternalAddress = release(byExternalAddress, key, port);
      }
      if (port.nodePort() > 0) {
        byNodePort = release(byNodePort, nodePortKey(port), port);
      }
      clusterIPs = count(clusterIPs, port.clusterIP(), -1);
      for (IpAddress ip : addresses(port)) {
        serviceAddresses = count(serviceAddresses, ip, -1);
      }
      endpointCount -= port.endpoints().size();
      nodeSpecificPorts -= isNodeSpecific(port) ? 1 : 0;
    }

    private static boolean isNodeSpecific(ServicePortInfo port) {
      return port.internalLocal() || port.externalLocal()
          || !port.loadBalancerSourceRanges().isEmpty();
    }

    ProxySnapshot build(long version) {
      return new ProxySnapshot(version, ordered, byName, byClusterIP, byExternalAddress,
          byNodePort, clusterIPs, serviceAddresses, endpointCount, nodeSpecificPorts);
    }

    private static Key clusterKey(ServicePortInfo port) {
      return new Key(port.clusterIP(), port.name().protocol(), port.port());
    }

    private static Key nodePortKey(ServicePortInfo port) {
      return new Key(ANY, port.name().protocol(), port.nodePort());
    }

    /** The port's external and load-balancer addresses as keys, each once. */
    private static Set<Key> externalKeys(ServicePortInfo port) {
      Set<Key> keys = new LinkedHashSet<>();
      port.externalIPs().forEach(ip -> keys.add(new Key(ip, port.name().protocol(), port.port())));
      port.loadBalancerIPs().forEach(ip -> keys.add(new Key(ip, port.name().protocol(),
          port.port())));
      return keys;
    }

    /** The addresses the port binds, each once. */
    private static Set<IpAddress> addresses(ServicePortInfo port) {
      Set<IpAddress> ips = new LinkedHashSet<>();
      ips.add(port.clusterIP());
      ips.addAll(port.externalIPs());
      ips.addAll(port.loadBalancerIPs());
      return ips;
    }

    private static PersistentHashMap<Key, ServicePortInfo[]> claim(
        PersistentHashMap<Key, ServicePortInfo[]> index, Key key, ServicePortInfo port) {
      ServicePortInfo[] claimants = index.get(key);
      if (claimants == null) {
        return index.with(key, new ServicePortInfo[] {port});
      }
      ServicePortInfo[] grown = new ServicePortInfo[claimants.length + 1];
      int at = 0;
      while (at < claimants.length && BY_NAME.compare(claimants[at], port) < 0) {
        grown[at] = claimants[at];
        at++;
      }
      grown[at] = port;
      System.arraycopy(claimants, at, grown, at + 1, claimants.length - at);
      return index.with(key, grown);
    }

    private static PersistentHashMap<Key, ServicePortInfo[]> release(
        PersistentHashMap<Key, ServicePortInfo[]> index, Key key, ServicePortInfo port) {
      ServicePortInfo[] claimants = index.get(key);
      if (claimants == null) {
        return index;
      }
      ServicePortInfo[] rest = Arrays.stream(claimants)
          .filter(c -> !c.name().equals(port.name())).toArray(ServicePortInfo[]::new);
      return rest.length == 0 ? index.without(key) : index.with(key, rest);
    }

    private static PersistentHashMap<IpAddress, Integer> count(
        PersistentHashMap<IpAddress, Integer> counts, IpAddress ip, int delta) {
      Integer before = counts.get(ip);
      int now = (before == null ? 0 : before) + delta;
      return now == 0 ? counts.without(ip) : counts.with(ip, now);
    }
  }
}

package io.kubenetsim.core.proxy;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.ClusterConfig;
import io.kubenetsim.KubeProxyConfiguration;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.NodeAddress;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Service;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * kube-proxy on every node. All proxies watch Services and EndpointSlices through one shared
 * lagging informer and resync at most once per {@code minSyncPeriod}, so their syncs coincide:
 * one sync builds one immutable {@link ProxySnapshot} and every running node takes a reference
 * to it. Thousands of nodes therefore share rules instead of copying them; what is particular
 * to a node (its addresses, local endpoints, kernel state) is applied when a packet is
 * evaluated. A node whose kubelet is down does not sync and keeps its stale rules.
 *
 * <p>Each node's kube-proxy is its IPv4 proxier only (nodes are IPv4-only; upstream runs one
 * proxier per family the node has): it programs Services through their IPv4 ClusterIP and
 * knows only the IPv4 service CIDRs ({@link SnapshotBuilder}).
 *
 * <p>Simplification: no periodic full resync ({@code syncPeriod}); syncs happen on change only,
 * so a quiet cluster settles.
 */
public final class KubeProxyFleet {
  private final Simulator sim;
  private final ClusterConfig config;
  private final Informer<Service> services;
  private final Informer<EndpointSlice> slices;
  private final Informer<Node> nodes;
  /** The nodes whose kubelet is stopped (a live view): their kube-proxy does not sync. */
  private final SortedSet<String> stopped;
  /** Those of {@link #stopped} at the last sync, each holding the rules it had then. */
  private final TreeSet<String> frozenAtLastSync = new TreeSet<>();
  private final ProxyBackend backend;
  /** The service CIDRs of the node's family, as an IPv4 proxier sees them. */
  private final ImmutableList<Cidr> ipv4ServiceCidrs;
  private final TreeMap<String, NodeProxy> proxies = new TreeMap<>();
  private final Map<String, NodeView> contexts = new HashMap<>();
  /** The last sync's rules, which every running node's kube-proxy reads. */
  private final LatestSync latest = new LatestSync();
  private final ProxyChangeTracker changes;
  private boolean syncPending;
  private long lastSyncNanos = Long.MIN_VALUE / 2;

  public KubeProxyFleet(Simulator sim, ClusterConfig config, Informer<Service> services,
      Informer<EndpointSlice> slices, Informer<Node> nodes, SortedSet<String> stopped,
      ProxyBackend backend) {
    this.sim = sim;
    this.config = config;
    this.services = services;
    this.slices = slices;
    this.nodes = nodes;
    this.stopped = stopped;
    this.backend = backend;
    this.ipv4ServiceCidrs = config.serviceCidrs().stream()
        .filter(c -> c.family() == IpFamily.IPV4).collect(ImmutableList.toImmutableList());
    this.changes = new ProxyChangeTracker(services, slices);
    services.addHandler(e -> requestSync());
    slices.addHandler(e -> requestSync());
    nodes.addHandler(this::onNode);
  }

  /**
   * {@return what a rules dump adds when the cluster has IPv6 service CIDRs}: that only the
   * IPv4 proxier runs, so IPv6 ClusterIPs get no rules; empty on an IPv4-only cluster
   */
  public Optional<String> familyNote() {
    List<Cidr> ipv6 = config.serviceCidrs().stream().filter(c -> c.family() == IpFamily.IPV6)
        .toList();
    if (ipv6.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("IPv4 rules only: nodes are IPv4-only, so kube-proxy runs no IPv6 "
        + "proxier and IPv6 ClusterIPs (" + ipv6.get(0) + ") get no rules; IPv6 traffic is "
        + "not simulated");
  }

  /** {@return the mode's backend} */
  public ProxyBackend backend() {
    return backend;
  }

  /** {@return the node's kube-proxy, while the Node exists} */
  public Optional<NodeProxy> proxy(String nodeName) {
    return Optional.ofNullable(proxies.get(nodeName));
  }

  /** {@return the node's context (addresses, CIDRs, configuration) as its kube-proxy sees it} */
  public Optional<NodeContext> context(String nodeName) {
    Optional<Node> node = nodes.get(NamespacedName.of("", nodeName));
    if (node.isEmpty()) {
      return Optional.empty();
    }
    // Read once per version of the Node: every connection's first packet needs it.
    NodeView view = contexts.get(nodeName);
    if (view == null || view.node() != node.get()) {
      view = new NodeView(node.get(), context(node.get()));
      contexts.put(nodeName, view);
    }
    return Optional.of(view.context());
  }

  private record NodeView(Node node, NodeContext context) {}

  private NodeContext context(Node node) {
    List<IpAddress> ips = node.status().addresses().stream()
        .filter(a -> a.type().equals(NodeAddress.INTERNAL_IP)
            || a.type().equals(NodeAddress.EXTERNAL_IP))
        .sorted((a, b) -> a.type().equals(b.type()) ? 0
            : a.type().equals(NodeAddress.INTERNAL_IP) ? -1 : 1)
        .map(a -> IpAddress.tryParse(a.address())).flatMap(Optional::stream).toList();
    Optional<Cidr> podCidr = Cidr.tryParse(node.spec().podCIDR());
    return new NodeContext(node.metadata().name(), ImmutableList.copyOf(ips), podCidr,
        localTraffic(config.kubeProxy(), podCidr), ipv4ServiceCidrs, config.kubeProxy());
  }

  /** The local-traffic detector, as upstream's {@code getLocalDetectors} picks it. */
  private static Optional<Cidr> localTraffic(KubeProxyConfiguration proxy,
      Optional<Cidr> nodePodCidr) {
    return switch (proxy.detectLocalMode()) {
      case CLUSTER_CIDR -> Cidr.tryParse(proxy.clusterCIDR());
      case NODE_CIDR -> nodePodCidr;
    };
  }

  private void onNode(WatchEvent event) {
    String name = event.object().metadata().name();
    if (event.type() == WatchEvent.Type.DELETED) {
      proxies.remove(name);
      contexts.remove(name);
      return;
    }
    proxies.computeIfAbsent(name, n -> new NodeProxy(n, sim.random("kube-proxy/" + n), latest));
  }

  private void requestSync() {
    if (syncPending) {
      return;
    }
    syncPending = true;
    long earliest = lastSyncNanos + config.kubeProxy().minSyncPeriod().toNanos();
    sim.schedule(Duration.ofNanos(Math.max(0, earliest - sim.clock().nanos())), this::sync);
  }

  /**
   * One sync for the whole fleet: running nodes read {@link #latest}, so taking the new rules
   * costs them nothing; a node stopped since the last sync keeps the rules it had, and one
   * running again since then follows from now on. The work is the snapshot's and the stopped
   * nodes', not the cluster's.
   */
  private void sync() {
    syncPending = false;
    lastSyncNanos = sim.clock().nanos();
    ProxySnapshot previous = latest.snapshot;
    for (String name : stopped) {
      NodeProxy proxy = proxies.get(name);
      if (proxy != null && !frozenAtLastSync.contains(name)) {
        proxy.freeze(previous);
      }
    }
    for (String name : frozenAtLastSync) {
      NodeProxy proxy = proxies.get(name);
      if (proxy != null && !stopped.contains(name)) {
        proxy.follow();
      }
    }
    frozenAtLastSync.clear();
    int synced = proxies.size();
    for (String name : stopped) {
      if (proxies.containsKey(name)) {
        frozenAtLastSync.add(name);
        synced--;
      }
    }
    latest.snapshot = changes.snapshot(previous.version() + 1);
    ProxySnapshot current = latest.snapshot;
    sim.log().record("ProxyRulesSynced", ObjectRef.clusterScoped("KubeProxy", "kube-proxy"),
        config.kubeProxy().mode() + " rules v" + current.version() + " on " + synced + " nodes: "
            + current.portCount() + " service ports, " + current.endpointCount() + " endpoints");
  }

  /** The rules of the fleet's last sync, shared by reference with every node's kube-proxy. */
  static final class LatestSync {
    ProxySnapshot snapshot = ProxySnapshot.empty();
  }
}

package io.kubenetsim.core.net;

import com.google.common.collect.MultimapBuilder;
import com.google.common.collect.SortedSetMultimap;
import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.proxy.KubeProxyFleet;
import io.kubenetsim.core.proxy.ServicePortName;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.TrafficPolicy;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The simulated cloud's load balancer in front of a LoadBalancer Service: it admits clients by
 * {@code loadBalancerSourceRanges} in its own firewall, health-checks nodes (for {@code
 * externalTrafficPolicy: Local}, only nodes with a ready local endpoint pass), and forwards a
 * client's packet to {@code NodeIP:NodePort} on one healthy node, chosen from its own seeded
 * stream.
 *
 * <p>Simplification: the node is picked uniformly per connection; real cloud load balancers
 * hash flows or weigh nodes in ways this does not model.
 */
final class CloudLoadBalancer {
  private final ApiStore store;
  private final KubeProxyFleet proxies;
  private final Predicate<String> nodeUp;
  private final SeededRandom random;
  /** The Services behind each load-balancer address (from status); looked up, never iterated. */
  private final SortedSetMultimap<IpAddress, NamespacedName> byIngress =
      MultimapBuilder.hashKeys().treeSetValues().build();

  CloudLoadBalancer(ApiStore store, KubeProxyFleet proxies, Predicate<String> nodeUp,
      SeededRandom random) {
    this.store = store;
    this.proxies = proxies;
    this.nodeUp = nodeUp;
    this.random = random;
    store.watch(this::onChange);
  }

  /**
   * Where the load balancer sends a client's packet.
   *
   * @param node the node it enters at; empty when the load balancer dropped it
   * @param to the address it is forwarded to (the node's NodePort, or the VIP itself when the
   *     Service allocated no node ports)
   */
  record Forward(Optional<String> node, HostPort to, String reason) {}

  /** {@return how the packet is forwarded, or empty when {@code to} is no load balancer's} */
  Optional<Forward> forward(IpAddress client, HostPort to, Protocol protocol) {
    for (NamespacedName key : byIngress.get(to.ip())) {
      Service service = store.get(Service.class, key).orElseThrow();
      Optional<ServicePort> servicePort = service.spec().ports().stream()
          .filter(p -> p.port() == to.port() && p.protocol() == protocol).findFirst();
      if (servicePort.isPresent()) {
        return Optional.of(forward(service, servicePort.get(), client, to));
      }
    }
    return Optional.empty();
  }

  private void onChange(WatchEvent event) {
    if (!(event.object() instanceof Service service)) {
      return;
    }
    event.old().map(Service.class::cast).ifPresent(old -> ingress(old).forEach(ip ->
        byIngress.remove(ip, old.metadata().key())));
    if (event.type() != WatchEvent.Type.DELETED) {
      ingress(service).forEach(ip -> byIngress.put(ip, service.metadata().key()));
    }
  }

  private static List<IpAddress> ingress(Service service) {
    return service.status().loadBalancerIngress().stream().map(i -> IpAddress.tryParse(i.ip()))
        .flatMap(Optional::stream).toList();
  }

  private Forward forward(Service service, ServicePort port, IpAddress client, HostPort to) {
    String name = service.metadata().key().toString();
    List<String> ranges = service.spec().loadBalancerSourceRanges();
    if (!ranges.isEmpty() && ranges.stream().map(r -> Cidr.tryParse(r.strip()))
        .flatMap(Optional::stream).noneMatch(r -> r.contains(client))) {
      // The cloud enforces loadBalancerSourceRanges in its own firewall before it forwards to
      // a NodePort (kube-proxy's firewall rules only see packets still addressed to the LB IP).
      return new Forward(Optional.empty(), to, "the load balancer for " + name
          + " admits only loadBalancerSourceRanges " + ranges + "; " + client
          + " is dropped by the cloud firewall");
    }
    boolean local = service.spec().externalPolicy() == TrafficPolicy.LOCAL;
    List<Node> healthy = store.list(Node.class).stream()
        .filter(n -> nodeUp.test(n.metadata().name()) && n.isReady())
        .filter(n -> !local || hasLocalEndpoint(service, port, n.metadata().name())).toList();
    if (healthy.isEmpty()) {
      return new Forward(Optional.empty(), to, "the load balancer for " + name
          + " has no healthy node" + (local ? " (externalTrafficPolicy Local: no node with a "
              + "ready local endpoint passes the health check)" : ""));
    }
    Node chosen = healthy.get(random.nextInt(healthy.size()));
    IpAddress nodeIp = chosen.internalIP().flatMap(IpAddress::tryParse).orElseThrow();
    boolean viaNodePort = port.nodePort() > 0;
    return new Forward(Optional.of(chosen.metadata().name()),
        viaNodePort ? HostPort.of(nodeIp, port.nodePort()) : to,
        "cloud load balancer for " + name + " -> node " + chosen.metadata().name()
            + (viaNodePort ? " NodePort" : " (VIP: no node ports allocated)"));
  }

  /** The health check kube-proxy answers for Local policy: a ready endpoint on the node. */
  private boolean hasLocalEndpoint(Service service, ServicePort port, String node) {
    ServicePortName name = new ServicePortName(service.metadata().namespace(),
        service.metadata().name(), port.name(), port.protocol());
    return proxies.proxy(node).flatMap(p -> p.synced().byName(name))
        .map(i -> i.endpoints().stream().anyMatch(e -> e.ready() && e.nodeName().equals(node)))
        .orElse(false);
  }
}

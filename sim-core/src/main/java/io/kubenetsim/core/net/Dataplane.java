package io.kubenetsim.core.net;

import io.kubenetsim.Connection;
import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.engine.Simulator;

import io.kubenetsim.core.proxy.KubeProxyFleet;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.NodeProxy;
import io.kubenetsim.core.proxy.ProxyDecision;
import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.Hop;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Moves a connection's first packet through the cluster, hop by hop: a cloud load balancer
 * hands outside traffic for a LoadBalancer IP to a node's NodePort; the entry node's kube-proxy
 * rules (as that node last synced them, possibly stale) rewrite it; the pod network delivers it.
 * The result says what the client sees, which backend it reached, the source the backend sees,
 * and every hop with the rule that made it. An established connection then follows its
 * conntrack entry: requests go to the same backend until it disappears.
 */
public final class Dataplane {
  private final Simulator sim;
  private final ApiStore store;
  private final KubeProxyFleet proxies;
  private final Predicate<String> nodeUp;
  private final Deliverer deliverer;
  private final SeededRandom cloud;

  public Dataplane(Simulator sim, ApiStore store, KubeProxyFleet proxies, PodAddresses pods,
      Predicate<String> nodeUp, List<Cidr> internalRanges) {
    this.sim = sim;
    this.store = store;
    this.proxies = proxies;
    this.nodeUp = nodeUp;
    this.deliverer = new Deliverer(store, pods, nodeUp, internalRanges);
    this.cloud = sim.random("cloud-load-balancer");
  }

  /** Opens a connection from {@code source} to {@code ip:port}. */
  public Connection connect(Source source, IpAddress ip, int port, Protocol protocol) {
    List<Hop> hops = new ArrayList<>();
    String packet = protocol + " " + source + " (" + source.ip() + ") -> " + ip + ":" + port;
    IpAddress dst = ip;
    int dstPort = port;
    Optional<String> entry = source.node();
    if (source.kind() == Source.Kind.EXTERNAL && entry.isEmpty()) {
      Optional<LbForward> lb = loadBalancerForward(source.ip(), ip, port, protocol);
      if (lb.isPresent() && lb.get().node().isEmpty()) {
        return failed(packet, hops, ConnectionVerdict.TIMED_OUT, source, lb.get().reason());
      }
      if (lb.isPresent()) {
        entry = lb.get().node();
        dst = lb.get().ip();
        dstPort = lb.get().port();
        hops.add(new Hop(ip + ":" + port, dst + ":" + dstPort, "", lb.get().reason()));
      } else {
        entry = nodeOwning(ip).or(this::firstReadyNode);
      }
    }
    if (entry.isEmpty()) {
      return failed(packet, hops, ConnectionVerdict.TIMED_OUT, source, "no node to enter at");
    }
    Connection first = throughRules(source, entry.get(), dst, dstPort, protocol, hops, packet);
    if (protocol != Protocol.UDP || !first.isEstablished() || first.candidates().isEmpty()) {
      return first;
    }
    String node = entry.get();
    String backend = first.backend().orElseThrow();
    return new UdpFlow(first, () -> !servingEndpoint(node, backend),
        () -> connect(source, ip, port, protocol));
  }

  /** {@return whether the node's synced rules still list this {@code ip:port} as serving} */
  private boolean servingEndpoint(String node, String hostPort) {
    return proxies.proxy(node).map(p -> p.synced().ports().stream()
        .flatMap(port -> port.endpoints().stream())
        .anyMatch(e -> e.hostPort().equals(hostPort) && (e.ready() || e.serving())))
        .orElse(false);
  }

  /**
   * A connection that {@code kubectl port-forward} carries straight into a pod's network
   * namespace: no kube-proxy rules, no Service, and the pod sees it come from localhost.
   */
  public Connection forwarded(String pod, IpAddress podIp, String node, int localPort,
      int port) {
    String packet = "TCP workstation -> localhost:" + localPort + " (kubectl port-forward to "
        + pod + ")";
    List<Hop> hops = List.of(new Hop("localhost:" + localPort, podIp + ":" + port, node,
        "kubectl port-forward: API server -> kubelet -> the pod's network namespace "
            + "(bypasses kube-proxy)"));
    Delivery delivery = deliverer.deliver(podIp, port, Protocol.TCP);
    Optional<String> podUid = delivery.pod().flatMap(p -> store.get(Pod.class,
        NamespacedName.parse(p)).map(x -> x.metadata().uid()));
    return new SimConnection(delivery.verdict(), Optional.of(podIp + ":" + port),
        List.of(podIp + ":" + port), delivery.pod(), "127.0.0.1", hops, delivery.reason(), packet,
        () -> stillThere(podIp, port, Protocol.TCP, podUid), () -> { });
  }

  private Connection throughRules(Source source, String node, IpAddress dst, int port,
      Protocol protocol, List<Hop> hops, String packet) {
    NodeProxy proxy = proxies.proxy(node).orElseThrow(() -> new IllegalArgumentException(
        "no node named " + node));
    NodeContext context = proxies.context(node).orElseThrow();
    ProxyPacket first = new ProxyPacket(source.ip(), dst, port, protocol, source.onHost()
        ? ProxyPacket.Hook.OUTPUT : ProxyPacket.Hook.PREROUTING);
    ProxyDecision decision = proxies.backend().evaluate(proxy.synced(), context, first,
        proxy.state(), sim.clock().now(), proxy.random());
    String where = dst + ":" + port;
    String seen = decision.masquerade() ? context.primaryIP().toString() : source.ip().toString();
    switch (decision.outcome()) {
      case REJECT -> {
        hops.add(new Hop(where, where, node, String.join(" -> ", decision.matchedRules())));
        return failed(packet, hops, ConnectionVerdict.REJECTED, source, decision.servicePort()
            .map(p -> p.name() + " has no endpoints").orElse("rejected") + ": connection refused");
      }
      case DROP -> {
        hops.add(new Hop(where, where, node, String.join(" -> ", decision.matchedRules())));
        return failed(packet, hops, ConnectionVerdict.TIMED_OUT, source, "dropped by node "
            + node + "'s rules" + decision.servicePort().map(p -> " for " + p.name()).orElse("")
            + "; the client times out");
      }
      case UNTOUCHED -> {
        return delivered(source, packet, hops, dst, port, protocol, seen, "", List.of());
      }
      case DNAT -> {
        var backend = decision.backend().orElseThrow();
        addServiceHops(hops, decision, proxy, where, backend.hostPort(), node);
        if (source.kind() == Source.Kind.EXTERNAL && !decision.masquerade()
            && !backend.nodeName().isEmpty() && !backend.nodeName().equals(node)) {
          String why = "forwarded unmasqueraded to " + backend.hostPort() + " on "
              + backend.nodeName() + ": its reply leaves " + backend.nodeName()
              + " without the reverse NAT of " + node + ", so the client drops it";
          return new SimConnection(ConnectionVerdict.TIMED_OUT, Optional.of(backend.hostPort()),
              hostPorts(decision), deliverer.deliver(backend.ip(), backend.port(), protocol)
                  .pod(), seen, hops, why,
              packet, () -> ConnectionVerdict.TIMED_OUT, () -> { });
        }
        return delivered(source, packet, hops, backend.ip(), backend.port(), protocol, seen,
            decision.candidates().size() + " candidate backends", hostPorts(decision));
      }
      default -> throw new AssertionError("unknown outcome " + decision.outcome());
    }
  }

  private static void addServiceHops(List<Hop> hops, ProxyDecision decision, NodeProxy proxy,
      String where, String backend, String node) {
    List<String> rules = decision.matchedRules();
    int dnat = dnatRule(rules);
    List<String> others = new ArrayList<>(rules);
    String rewrite = dnat < 0 ? String.join(" -> ", rules) : others.remove(dnat);
    Optional<ServicePortInfo> port = decision.servicePort().flatMap(name -> proxy.synced()
        .ports().stream().filter(p -> p.name().equals(name)).findFirst());
    if (decision.entry() != ProxyDecision.Entry.CLUSTER_IP && port.isPresent()) {
      String service = port.get().clusterIP() + ":" + port.get().port();
      hops.add(new Hop(where, service, node, "service " + port.get().name().name() + " ("
          + decision.entry() + ")" + (others.isEmpty() ? "" : ": "
              + String.join(" -> ", others))));
      hops.add(new Hop(service, backend, node, "DNAT: " + rewrite));
    } else {
      hops.add(new Hop(where, backend, node, String.join(" -> ", rules)));
    }
  }

  /** {@return the index of the rule that rewrote the destination, or -1} */
  private static int dnatRule(List<String> rules) {
    for (int i = rules.size() - 1; i >= 0; i--) {
      String rule = rules.get(i);
      if (rule.contains("-j DNAT") || rule.contains("dnat to") || rule.contains(" -> ")) {
        return i;
      }
    }
    return -1;
  }


  private static List<String> hostPorts(ProxyDecision decision) {
    return decision.candidates().stream().map(c -> c.hostPort()).toList();
  }

  private Connection delivered(Source source, String packet, List<Hop> hops, IpAddress ip,
      int port, Protocol protocol, String seen, String note, List<String> candidates) {
    Delivery delivery = deliverer.deliver(ip, port, protocol);
    Optional<String> backend = Optional.of(ip + ":" + port);
    Optional<String> podUid = delivery.pod().flatMap(p -> store.get(Pod.class,
        NamespacedName.parse(p)).map(x -> x.metadata().uid()));
    String reason = delivery.reason() + (note.isEmpty() ? "" : " (" + note + ")");
    return new SimConnection(delivery.verdict(), backend, candidates, delivery.pod(), seen, hops,
        reason,
        packet, () -> stillThere(ip, port, protocol, podUid), () -> { });
  }

  private ConnectionVerdict stillThere(IpAddress ip, int port, Protocol protocol,
      Optional<String> podUid) {
    Delivery now = deliverer.deliver(ip, port, protocol);
    boolean samePod = podUid.isEmpty() || now.pod().flatMap(p -> store.get(Pod.class,
        NamespacedName.parse(p)).map(x -> x.metadata().uid())).equals(podUid);
    return now.verdict() == ConnectionVerdict.ESTABLISHED && samePod
        ? ConnectionVerdict.ESTABLISHED : ConnectionVerdict.TIMED_OUT;
  }

  private static Connection failed(String packet, List<Hop> hops, ConnectionVerdict verdict,
      Source source, String reason) {
    return new SimConnection(verdict, Optional.empty(), List.of(), Optional.empty(),
        source.ip().toString(), hops, reason, packet, () -> verdict, () -> { });
  }

  /** Where the cloud sends traffic for a LoadBalancer IP: a node's NodePort (or the VIP). */
  private record LbForward(Optional<String> node, IpAddress ip, int port, String reason) {}

  private Optional<LbForward> loadBalancerForward(IpAddress client, IpAddress ip, int port,
      Protocol protocol) {
    for (Service service : store.list(Service.class)) {
      boolean ours = service.status().loadBalancerIngress().stream()
          .anyMatch(i -> i.ip().equals(ip.toString()));
      Optional<ServicePort> servicePort = service.spec().ports().stream()
          .filter(p -> p.port() == port && p.protocol() == protocol).findFirst();
      if (ours && servicePort.isPresent()) {
        return Optional.of(forward(service, servicePort.get(), client, ip));
      }
    }
    return Optional.empty();
  }

  private LbForward forward(Service service, ServicePort port, IpAddress client, IpAddress ip) {
    boolean local = "Local".equals(service.spec().externalTrafficPolicy());
    List<String> ranges = service.spec().loadBalancerSourceRanges();
    if (!ranges.isEmpty() && ranges.stream().map(r -> Cidr.tryParse(r.strip()))
        .flatMap(Optional::stream).noneMatch(r -> r.contains(client))) {
      // The cloud enforces loadBalancerSourceRanges in its own firewall before it forwards to
      // a NodePort (kube-proxy's firewall rules only see packets still addressed to the LB IP).
      return new LbForward(Optional.empty(), ip, port.port(), "the load balancer for "
          + service.metadata().key() + " admits only loadBalancerSourceRanges " + ranges
          + "; " + client + " is dropped by the cloud firewall");
    }
    List<Node> healthy = store.list(Node.class).stream()
        .filter(n -> nodeUp.test(n.metadata().name()) && n.isReady())
        .filter(n -> !local || hasLocalEndpoint(service, port, n.metadata().name())).toList();
    String name = service.metadata().key().toString();
    if (healthy.isEmpty()) {
      return new LbForward(Optional.empty(), ip, port.port(), "the load balancer for " + name
          + " has no healthy node" + (local ? " (externalTrafficPolicy Local: no node with a "
              + "ready local endpoint passes the health check)" : ""));
    }
    Node chosen = healthy.get(cloud.nextInt(healthy.size()));
    IpAddress nodeIp = chosen.internalIP().flatMap(IpAddress::tryParse).orElseThrow();
    boolean viaNodePort = port.nodePort() > 0;
    return new LbForward(Optional.of(chosen.metadata().name()), viaNodePort ? nodeIp : ip,
        viaNodePort ? port.nodePort() : port.port(), "cloud load balancer for " + name
            + " -> node " + chosen.metadata().name()
            + (viaNodePort ? " NodePort" : " (VIP: no node ports allocated)"));
  }

  private boolean hasLocalEndpoint(Service service, ServicePort port, String node) {
    return proxies.proxy(node).map(p -> p.synced().ports().stream()
        .filter(i -> i.name().namespace().equals(service.metadata().namespace())
            && i.name().service().equals(service.metadata().name())
            && i.name().port().equals(port.name()))
        .anyMatch(i -> i.endpoints().stream().anyMatch(e -> e.ready()
            && e.nodeName().equals(node)))).orElse(false);
  }

  private Optional<String> nodeOwning(IpAddress ip) {
    return store.list(Node.class).stream().filter(n -> n.status().addresses().stream()
        .anyMatch(a -> a.address().equals(ip.toString()))).map(n -> n.metadata().name())
        .findFirst();
  }

  private Optional<String> firstReadyNode() {
    return store.list(Node.class).stream().filter(n -> nodeUp.test(n.metadata().name()))
        .map(n -> n.metadata().name()).findFirst();
  }

}

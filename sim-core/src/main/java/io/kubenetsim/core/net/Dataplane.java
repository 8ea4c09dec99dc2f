package io.kubenetsim.core.net;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.Connection;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.net.Attempt.Explanation;
import io.kubenetsim.core.policy.NetworkPolicyEngine;
import io.kubenetsim.core.proxy.KubeProxyFleet;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.NodeProxy;
import io.kubenetsim.core.proxy.ProxyDecision.Dnat;
import io.kubenetsim.core.proxy.ProxyDecision;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Pod;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.Hop;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PolicyCheck;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.RuleOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Moves a connection's first packet through the cluster, hop by hop: a cloud load balancer
 * hands outside traffic for a LoadBalancer IP to a node's NodePort; the entry node's kube-proxy
 * rules (as that node last synced them, possibly stale) decide; the pod network delivers it.
 * Everything reported is read from the rules' typed {@link ProxyDecision} — the rewrite, the
 * masquerade mark, the outcome — never from rule text.
 *
 * <ol>
 *   <li>An IPv6 destination or client is {@code UNREACHABLE} before any rule: pods and nodes are
 *       IPv4-only ({@link FamilyGate}).
 *   <li>REJECT and DROP end the attempt with {@link io.kubenetsim.net.RuleOutcome#verdict()}.
 *   <li>A packet no rule touched goes on as addressed: a pod or a node answers for itself, and
 *       so does a DNS resolver outside the cluster (port 53 of an outside address); any other
 *       address gets no answer, so the client times out (kube-proxy did not claim it and
 *       nothing in the cluster holds it).
 *   <li>A DNATed packet reaches the endpoint, seen from the node's address when a rule marked
 *       it for masquerade; an outside client's unmasqueraded packet forwarded to another node
 *       times out, because the reply skips the entry node's reverse NAT.
 * </ol>
 *
 * <p>An established connection then follows its conntrack entry: requests go to the same
 * backend until it disappears.
 */
public final class Dataplane {
  private final Simulator sim;
  private final ApiStore store;
  private final KubeProxyFleet proxies;
  private final Predicate<String> nodeUp;
  private final Deliverer deliverer;
  private final NodeAddresses nodeAddresses;
  private final CloudLoadBalancer cloud;
  private final PolicyGate policies;
  private final FamilyGate families;

  /**
   * @param policies the NetworkPolicy engine the network plugin enforces, or empty when the
   *     plugin ignores policies
   */
  public Dataplane(Simulator sim, ApiStore store, KubeProxyFleet proxies, PodAddresses pods,
      Predicate<String> nodeUp, List<Cidr> internalRanges,
      Optional<NetworkPolicyEngine> policies) {
    this.sim = sim;
    this.store = store;
    this.proxies = proxies;
    this.nodeUp = nodeUp;
    this.nodeAddresses = new NodeAddresses(store);
    this.deliverer = new Deliverer(store, pods, nodeAddresses, nodeUp, internalRanges);
    this.cloud = new CloudLoadBalancer(store, proxies, nodeUp,
        sim.random("cloud-load-balancer"));
    this.policies = new PolicyGate(policies);
    this.families = new FamilyGate(store);
  }

  /** Opens a connection from {@code source} to {@code ip:port}. */
  public Connection connect(Source source, IpAddress ip, int port, Protocol protocol) {
    HostPort to = HostPort.of(ip, port);
    PacketLine packet = new PacketLine(protocol, source, to);
    List<Hop> hops = new ArrayList<>();
    Optional<String> noRoute = families.refusal(source, ip);
    if (noRoute.isPresent()) {
      return failed(ConnectionVerdict.UNREACHABLE, source, hops, noRoute.get(), packet);
    }
    HostPort addressed = to;
    Optional<String> entry = source.node();
    if (source.kind() == Source.Kind.EXTERNAL && entry.isEmpty()) {
      Optional<CloudLoadBalancer.Forward> lb = cloud.forward(source.ip(), to, protocol);
      if (lb.isPresent() && lb.get().node().isEmpty()) {
        return failed(ConnectionVerdict.TIMED_OUT, source, hops, lb.get().reason(), packet);
      }
      if (lb.isPresent()) {
        entry = lb.get().node();
        addressed = lb.get().to();
        hops.add(new Hop(to, addressed, "", lb.get().reason()));
      } else {
        entry = nodeOwning(ip).or(this::firstReadyNode);
      }
    }
    if (entry.isEmpty()) {
      return failed(ConnectionVerdict.TIMED_OUT, source, hops, "no node to enter at", packet);
    }
    Connection first = throughRules(source, entry.get(), addressed, protocol,
        ImmutableList.copyOf(hops), packet);
    if (protocol != Protocol.UDP || !first.isEstablished() || first.candidates().isEmpty()) {
      return first;
    }
    String node = entry.get();
    HostPort backend = first.backend().orElseThrow();
    return new UdpFlow(first, () -> !servingEndpoint(node, backend),
        () -> connect(source, ip, port, protocol));
  }

  /**
   * A connection that {@code kubectl port-forward} carries straight into a pod's network
   * namespace: no kube-proxy rules, no Service, and the pod sees it come from localhost.
   */
  public Connection forwarded(String pod, IpAddress podIp, String node, int localPort,
      int port) {
    HostPort local = HostPort.of(IpAddress.parse("127.0.0.1"), localPort);
    HostPort target = HostPort.of(podIp, port);
    String packet = "TCP workstation -> " + local + " (kubectl port-forward to " + pod + ")";
    ImmutableList<Hop> hops = ImmutableList.of(new Hop(local, target, node, "kubectl "
        + "port-forward: API server -> kubelet -> the pod's network namespace (bypasses "
        + "kube-proxy)"));
    return delivered(target, Protocol.TCP, new Attempt(ConnectionVerdict.ESTABLISHED,
        Optional.of(target), ImmutableList.of(target), Optional.empty(), false, local.ip(),
        ImmutableList.of(), () -> new Explanation(packet, hops, "")), false);
  }

  /** {@return whether the node's synced rules still list this address as serving} */
  private boolean servingEndpoint(String node, HostPort address) {
    return proxies.proxy(node).map(p -> p.synced().ports().stream()
        .flatMap(port -> port.endpoints().stream())
        .anyMatch(e -> e.address().equals(address) && (e.ready() || e.serving())))
        .orElse(false);
  }

  private Connection throughRules(Source source, String node, HostPort to, Protocol protocol,
      ImmutableList<Hop> before, PacketLine packet) {
    NodeProxy proxy = proxies.proxy(node).orElseThrow(() -> new IllegalArgumentException(
        "no node named " + node));
    NodeContext context = proxies.context(node).orElseThrow();
    ProxySnapshot rules = proxy.synced();
    ProxyPacket first = new ProxyPacket(source.ip(), to.ip(), to.port(), protocol,
        source.onHost() ? ProxyPacket.Hook.OUTPUT : ProxyPacket.Hook.PREROUTING);
    ProxyDecision decision = proxies.backend().evaluate(rules, context, first, proxy.state(),
        sim.clock().now(), proxy.random());
    return switch (decision.outcome()) {
      case REJECT, DROP -> SimConnection.failed(Attempt.failed(decision.outcome().verdict(),
          source.ip(), () -> new Explanation(packet.toString(), append(before, new Hop(to, to,
              node, String.join(" -> ", decision.matchedRules()))),
              ruleVerdictReason(decision, rules, node, to, protocol))));
      case UNTOUCHED -> untouched(source, node, to, protocol, rules, before, packet);
      case DNAT -> dnat(source, node, decision, rules, context, to, protocol, before, packet);
    };
  }

  /** Why the rules alone ended the attempt. */
  private static String ruleVerdictReason(ProxyDecision decision, ProxySnapshot rules,
      String node, HostPort to, Protocol protocol) {
    String byRules = " by node " + node + "'s rules";
    if (decision.outcome() == RuleOutcome.DROP) {
      return "dropped" + byRules + decision.servicePort().map(p -> " for " + p.name())
          .orElse("") + "; the client times out";
    }
    if (decision.servicePort().isPresent()) {
      return decision.servicePort().get().name() + " has no endpoints: rejected" + byRules
          + " (connection refused)";
    }
    String what = rules.isClusterIP(to.ip()) ? to.ip() + " is a ClusterIP, but its Service "
        + "declares no port " + to.port() + "/" + protocol + ": " : "";
    return what + "rejected" + byRules + " (connection refused)";
  }

  private Connection untouched(Source source, String node, HostPort to, Protocol protocol,
      ProxySnapshot rules, ImmutableList<Hop> before, PacketLine packet) {
    Delivery delivery = deliverer.deliver(to.ip(), to.port(), protocol);
    if (!delivery.reachedListener()) {
      return SimConnection.failed(Attempt.failed(ConnectionVerdict.TIMED_OUT, source.ip(),
          () -> {
            String why = rules.isClusterIP(to.ip()) ? " (" + to.ip() + " is a ClusterIP, but "
                + "its Service declares no port " + to.port() + "/" + protocol + ")" : "";
            return new Explanation(packet.toString(), append(before, routedAsAddressed(node, to,
                protocol)), noRule(node, to, protocol) + why + ", and no pod or node holds "
                + to.ip() + ": nothing answers, so the client times out");
          }));
    }
    Attempt reached = new Attempt(delivery.verdict(), Optional.of(to), ImmutableList.of(),
        delivery.pod(), false, source.ip(), policies.check(source.ip(), source.ip(), to,
            protocol), () -> new Explanation(packet.toString(), append(before,
                routedAsAddressed(node, to, protocol)), delivery.reason()));
    return refusedByPolicy(reached, protocol)
        .orElseGet(() -> delivered(to, protocol, reached, false));
  }

  private static String noRule(String node, HostPort to, Protocol protocol) {
    return "no kube-proxy rule on " + node + " matched " + to + "/" + protocol;
  }

  private static Hop routedAsAddressed(String node, HostPort to, Protocol protocol) {
    return new Hop(to, to, node, noRule(node, to, protocol) + ": routed as addressed");
  }

  private Connection dnat(Source source, String node, ProxyDecision decision,
      ProxySnapshot rules, NodeContext context, HostPort to, Protocol protocol,
      ImmutableList<Hop> before, PacketLine packet) {
    ProxyEndpoint backend = decision.backend().orElseThrow();
    IpAddress seen = decision.sourceSeen(source.ip(), context);
    ImmutableList<HostPort> candidates = addresses(decision.candidates());
    Attempt reached = new Attempt(ConnectionVerdict.ESTABLISHED, Optional.of(backend.address()),
        candidates, Optional.empty(), decision.masquerade(), seen,
        policies.check(source.ip(), seen, backend.address(), protocol),
        () -> new Explanation(packet.toString(), serviceHops(before, decision, rules, to, node),
            ""));
    Optional<Connection> refused = refusedByPolicy(reached, protocol);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (source.kind() == Source.Kind.EXTERNAL && !decision.masquerade()
        && !backend.nodeName().isEmpty() && !backend.nodeName().equals(node)) {
      Delivery delivery = deliverer.deliver(backend.ip(), backend.port(), protocol);
      return SimConnection.failed(reached.then(ConnectionVerdict.TIMED_OUT, delivery.pod(),
          told -> new Explanation(told.packet(), told.hops(), "forwarded unmasqueraded to "
              + backend + " on " + backend.nodeName() + ": its reply leaves "
              + backend.nodeName() + " without the reverse NAT of " + node
              + ", so the client drops it")));
    }
    return delivered(backend.address(), protocol, reached, true);
  }

  // A loop, not a stream: every connection through a Service lists its candidates.
  private static ImmutableList<HostPort> addresses(List<ProxyEndpoint> endpoints) {
    ImmutableList.Builder<HostPort> addresses =
        ImmutableList.builderWithExpectedSize(endpoints.size());
    for (ProxyEndpoint endpoint : endpoints) {
      addresses.add(endpoint.address());
    }
    return addresses.build();
  }

  /**
   * {@return the connection a NetworkPolicy dropped, when one did}: the client sees nothing
   * come back and times out; the last hop names the check that dropped it
   */
  private Optional<Connection> refusedByPolicy(Attempt reached, Protocol protocol) {
    Optional<PolicyCheck> denied = PolicyCheck.firstDenied(reached.policyChecks());
    if (denied.isEmpty()) {
      return Optional.empty();
    }
    PolicyCheck check = denied.get();
    HostPort at = reached.backend().orElseThrow();
    // Read now: the pod may move or go before anyone reads the explanation.
    String node = nodeOf(check.pod());
    Delivery delivery = deliverer.deliver(at.ip(), at.port(), protocol);
    return Optional.of(SimConnection.failed(reached.then(ConnectionVerdict.TIMED_OUT,
        delivery.pod(), told -> new Explanation(told.packet(), append(told.hops(),
            new Hop(at, at, node, "NetworkPolicy " + check)), "dropped by NetworkPolicy: "
                + check + "; the client times out"))));
  }

  /** {@return the node a pod runs on, {@code ""} when it is gone} */
  private String nodeOf(String pod) {
    return store.get(Pod.class, NamespacedName.parse(pod)).map(p -> p.spec().nodeName())
        .orElse("");
  }

  /**
   * The hops of a DNAT: for an address other than the ClusterIP, first to the Service's VIP
   * (the rules that matched on the way), then the rewrite to the endpoint by its rule.
   */
  private static ImmutableList<Hop> serviceHops(ImmutableList<Hop> before,
      ProxyDecision decision, ProxySnapshot rules, HostPort addressed, String node) {
    Dnat rewrite = decision.dnat().orElseThrow();
    HostPort backend = rewrite.endpoint().address();
    Optional<ServicePortInfo> port = decision.servicePort().flatMap(rules::byName);
    if (decision.entry() == ProxyDecision.Entry.CLUSTER_IP || port.isEmpty()) {
      return append(before, new Hop(addressed, backend, node,
          String.join(" -> ", decision.matchedRules())));
    }
    List<String> earlier = decision.matchedRules().stream()
        .filter(rule -> !rule.equals(rewrite.rule())).toList();
    HostPort service = HostPort.of(port.get().clusterIP(), port.get().port());
    return ImmutableList.<Hop>builder().addAll(before)
        .add(new Hop(addressed, service, node, "service " + port.get().name().name() + " ("
            + decision.entry() + ")" + (earlier.isEmpty() ? ""
                : ": " + String.join(" -> ", earlier))))
        .add(new Hop(service, backend, node, "DNAT: " + rewrite.rule())).build();
  }

  private static ImmutableList<Hop> append(List<Hop> hops, Hop last) {
    return ImmutableList.<Hop>builderWithExpectedSize(hops.size() + 1).addAll(hops).add(last)
        .build();
  }

  /**
   * Delivers to {@code to} and returns the connection, with what answered filled in; a
   * connection through a Service also says how many backends its rules allowed.
   */
  private Connection delivered(HostPort to, Protocol protocol, Attempt attempt,
      boolean countCandidates) {
    Delivery delivery = deliverer.deliver(to.ip(), to.port(), protocol);
    Optional<String> podUid = delivery.pod().map(p -> p.metadata().uid());
    Attempt done = attempt.then(delivery.verdict(), delivery.pod(),
        told -> new Explanation(told.packet(), told.hops(), delivery.reason()
            + (countCandidates ? " (" + attempt.candidates().size() + " candidate backends)"
                : "")));
    return new SimConnection(done, () -> stillThere(to, protocol, podUid));
  }

  private ConnectionVerdict stillThere(HostPort to, Protocol protocol, Optional<String> podUid) {
    Delivery now = deliverer.deliver(to.ip(), to.port(), protocol);
    boolean samePod = podUid.isEmpty()
        || now.pod().map(p -> p.metadata().uid()).equals(podUid);
    return now.verdict() == ConnectionVerdict.ESTABLISHED && samePod
        ? ConnectionVerdict.ESTABLISHED : ConnectionVerdict.TIMED_OUT;
  }

  private static Connection failed(ConnectionVerdict verdict, Source source, List<Hop> hops,
      String reason, PacketLine packet) {
    ImmutableList<Hop> path = ImmutableList.copyOf(hops);
    return SimConnection.failed(Attempt.failed(verdict, source.ip(),
        () -> new Explanation(packet.toString(), path, reason)));
  }

  private Optional<String> nodeOwning(IpAddress ip) {
    return nodeAddresses.owner(ip);
  }

  private Optional<String> firstReadyNode() {
    return store.list(Node.class).stream().filter(n -> nodeUp.test(n.metadata().name()))
        .map(n -> n.metadata().name()).findFirst();
  }

  /** A connection's first line, {@code TCP pod ns/a (10.244.1.5) -> 10.96.0.10:80}. */
  private record PacketLine(Protocol protocol, Source source, HostPort to) {
    @Override
    public String toString() {
      return protocol + " " + source + " (" + source.ip() + ") -> " + to;
    }
  }
}

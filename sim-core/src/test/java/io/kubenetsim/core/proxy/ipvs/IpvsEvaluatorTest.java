package io.kubenetsim.core.proxy.ipvs;

import static io.kubenetsim.core.proxy.ipvs.IpvsFixtures.node;
import static io.kubenetsim.core.proxy.ipvs.IpvsFixtures.port;
import static io.kubenetsim.core.proxy.ipvs.IpvsFixtures.ready;
import static io.kubenetsim.core.proxy.ipvs.IpvsFixtures.tcp;
import static io.kubenetsim.core.proxy.ipvs.IpvsFixtures.terminating;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyDecision;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ProxyNodeState;
import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.core.proxy.ipvs.IpvsFixtures.Port;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.RuleOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Scheduling, policies and outcomes of IPVS mode, one node's first packets at a time. */
class IpvsEvaluatorTest {
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  static final NodeContext NODE_A = node("node-a", "192.168.0.10");
  static final NodeContext NODE_B = node("node-b", "192.168.0.11");
  static final NodeContext NODE_C = node("node-c", "192.168.0.12");
  static final ProxyEndpoint A1 = ready("10.244.1.5", 8080, "node-a");
  static final ProxyEndpoint B1 = ready("10.244.2.5", 8080, "node-b");
  static final ProxyEndpoint B2 = ready("10.244.2.6", 8080, "node-b");

  private final IpvsEvaluator evaluator = new IpvsEvaluator();

  static ProxySnapshot snapshot(Port... ports) {
    return ProxySnapshot.of(1, Stream.of(ports).map(Port::info).toList());
  }

  ProxyDecision run(ProxySnapshot s, NodeContext node, ProxyPacket p, ProxyNodeState state) {
    return evaluator.evaluate(s, node, p, state, T0);
  }

  ProxyDecision run(ProxySnapshot s, NodeContext node, ProxyPacket p) {
    return run(s, node, p, new ProxyNodeState());
  }

  @Test
  void roundRobinGivesEveryRealServerExactlyItsShareOnEachNode() {
    // rr walks the sorted real servers, so 3·k new connections give each exactly k; the two
    // nodes keep their own positions, so interleaving them changes nothing.
    ProxySnapshot s = snapshot(port("shop", "web", "10.96.12.3", 80, B2, A1, B1));
    ProxyNodeState stateA = new ProxyNodeState();
    ProxyNodeState stateB = new ProxyNodeState();
    Map<HostPort, Integer> onA = new TreeMap<>(HostPort.BY_TEXT);
    Map<HostPort, Integer> onB = new TreeMap<>(HostPort.BY_TEXT);
    for (int i = 0; i < 1200; i++) {
      count(onA, run(s, NODE_A, tcp("10.244.1.9", "10.96.12.3", 80), stateA));
      if (i % 4 == 0) {
        count(onB, run(s, NODE_B, tcp("10.244.2.9", "10.96.12.3", 80), stateB));
      }
    }
    HostPort a1 = HostPort.parse("10.244.1.5:8080");
    HostPort b1 = HostPort.parse("10.244.2.5:8080");
    HostPort b2 = HostPort.parse("10.244.2.6:8080");
    assertEquals(Map.of(a1, 400, b1, 400, b2, 400), onA, "node-a shares");
    assertEquals(Map.of(a1, 100, b1, 100, b2, 100), onB, "node-b shares");
  }

  private static void count(Map<HostPort, Integer> counts, ProxyDecision d) {
    counts.merge(d.backend().orElseThrow().address(), 1, Integer::sum);
  }

  @Test
  void persistenceKeepsAClientOnOneRealServerUntilTheTimeout() {
    // ClientIP affinity is IPVS persistence: a client's template pins it; other clients keep
    // the round robin going; after the timeout the client is scheduled afresh.
    ProxySnapshot s = snapshot(port("shop", "web", "10.96.12.3", 80, A1, B1, B2)
        .affinity(Duration.ofSeconds(10800)));
    ProxyNodeState state = new ProxyNodeState();
    ProxyPacket client = tcp("10.244.1.9", "10.96.12.3", 80);
    for (int i = 0; i < 10; i++) {
      assertEquals(A1, evaluator.evaluate(s, NODE_A, client, state, T0.plusSeconds(i))
          .backend().orElseThrow(), "connection " + i);
    }
    assertEquals(B1, run(s, NODE_A, tcp("10.244.1.10", "10.96.12.3", 80), state)
        .backend().orElseThrow(), "a second client takes the next real server");
    assertEquals(B2, evaluator.evaluate(s, NODE_A, client, state, T0.plusSeconds(9 + 10801))
        .backend().orElseThrow(), "after the timeout the client is rescheduled");
    assertTrue(run(s, NODE_A, client, state).matchedRules().get(0)
        .startsWith("TCP  10.96.12.3:80 rr persistent 10800"));
  }

  @Test
  void nodePortIsServedOnEveryNodeAddressButNotOnLoopback() {
    NodeContext twoAddresses = node("node-a", "192.168.0.10", "10.0.0.10", "127.0.0.1");
    ProxySnapshot s = snapshot(port("shop", "web", "10.96.12.3", 80, A1).nodePort(30080));
    for (String address : List.of("192.168.0.10", "10.0.0.10")) {
      ProxyDecision d = run(s, twoAddresses, tcp("203.0.113.7", address, 30080));
      assertEquals(RuleOutcome.DNAT, d.outcome(), address);
      assertEquals(ProxyDecision.Entry.NODE_PORT, d.entry(), address);
    }
    ProxyPacket local = new ProxyPacket(IpvsFixtures.ip("127.0.0.1"),
        IpvsFixtures.ip("127.0.0.1"), 30080, io.kubenetsim.net.Protocol.TCP,
        ProxyPacket.Hook.OUTPUT);
    assertEquals(RuleOutcome.UNTOUCHED, run(s, twoAddresses, local).outcome(),
        "no IPVS virtual server on 127.0.0.1 (loopback is filtered out upstream)");
  }

  @Test
  void externalLocalUsesOnlyLocalRealServersAndKeepsTheClientAddress() {
    // With local endpoints only they are real servers, and KUBE-NODE-PORT-LOCAL-TCP returns
    // before KUBE-MARK-MASQ. Without any, upstream installs the cluster endpoints instead
    // (kubernetes#97081), still unmasqueraded: the reply would bypass this node.
    ProxySnapshot s = snapshot(port("shop", "web", "10.96.12.3", 80, A1, B1, B2)
        .nodePort(30080).externalLocal());
    ProxyNodeState state = new ProxyNodeState();
    for (int i = 0; i < 5; i++) {
      ProxyDecision d = run(s, NODE_A, tcp("203.0.113.7", "192.168.0.10", 30080), state);
      assertEquals(A1, d.backend().orElseThrow());
      assertEquals(List.of(A1), d.candidates());
      assertEquals(false, d.masquerade(), "client address preserved");
    }
    ProxyDecision none = run(s, NODE_C, tcp("203.0.113.7", "192.168.0.12", 30080));
    assertEquals(RuleOutcome.DNAT, none.outcome());
    assertEquals(List.of(A1, B1, B2), none.candidates());
    assertEquals(false, none.masquerade());
  }

  @Test
  void internalLocalUsesLocalRealServersAndRejectsWhereThereAreNone() {
    // An internal-Local port that is not externally accessible has no cluster endpoints
    // (UsesClusterEndpoints is false), so a node without local ones has an empty virtual
    // server, which IPVS answers with ICMP port unreachable.
    ProxySnapshot s = snapshot(port("shop", "web", "10.96.12.3", 80, A1, B1).internalLocal());
    assertEquals(List.of(A1), run(s, NODE_A, tcp("10.244.1.9", "10.96.12.3", 80)).candidates());
    assertEquals(RuleOutcome.REJECT, run(s, NODE_C, tcp("10.244.3.9", "10.96.12.3", 80)).outcome());
    ProxySnapshot exposed = snapshot(port("shop", "web", "10.96.12.3", 80, A1, B1)
        .internalLocal().nodePort(30080));
    assertEquals(List.of(A1, B1),
        run(exposed, NODE_C, tcp("10.244.3.9", "10.96.12.3", 80)).candidates(),
        "externally accessible: falls back to the cluster endpoints");
  }

  @Test
  void serviceWithNoEndpointsIsRejected() {
    ProxySnapshot s = snapshot(port("shop", "web", "10.96.12.3", 80).nodePort(30080));
    for (ProxyPacket p : List.of(tcp("10.244.1.9", "10.96.12.3", 80),
        tcp("203.0.113.7", "192.168.0.10", 30080))) {
      ProxyDecision d = run(s, NODE_A, p);
      assertEquals(RuleOutcome.REJECT, d.outcome(), p.toString());
      assertTrue(d.candidates().isEmpty());
    }
  }

  @Test
  void undefinedPortOnAServiceAddressIsFilteredAndOtherAddressesAreUntouched() {
    ProxySnapshot s = snapshot(port("shop", "web", "10.96.12.3", 80, A1));
    ProxyDecision filtered = run(s, NODE_A, tcp("10.244.1.9", "10.96.12.3", 81));
    assertEquals(RuleOutcome.REJECT, filtered.outcome(),
        "KUBE-IPVS-FILTER rejects new connections");
    assertTrue(filtered.matchedRules().get(0).startsWith("-A KUBE-IPVS-FILTER"));
    ProxyPacket fromHost = new ProxyPacket(IpvsFixtures.ip("192.168.0.10"),
        IpvsFixtures.ip("10.96.12.3"), 81, io.kubenetsim.net.Protocol.TCP,
        ProxyPacket.Hook.OUTPUT);
    // A host process's packet to a local address loops back through filter INPUT, where the
    // same KUBE-IPVS-FILTER rule sees it.
    assertEquals(RuleOutcome.REJECT, run(s, NODE_A, fromHost).outcome(),
        "a bound VIP is local: the node's own packet reaches INPUT too");
    assertEquals(RuleOutcome.UNTOUCHED,
        run(s, NODE_A, tcp("10.244.1.9", "10.244.2.5", 8080)).outcome());
  }

  @Test
  void terminatingEndpointsAreUsedOnlyWhenNoneIsReady() {
    ProxyEndpoint draining = terminating("10.244.1.7", 8080, "node-a");
    ProxySnapshot both = snapshot(port("shop", "web", "10.96.12.3", 80, draining, B1));
    assertEquals(List.of(B1), run(both, NODE_A, tcp("10.244.1.9", "10.96.12.3", 80))
        .candidates());
    ProxySnapshot onlyDraining = snapshot(port("shop", "web", "10.96.12.3", 80, draining));
    assertEquals(draining, run(onlyDraining, NODE_A, tcp("10.244.1.9", "10.96.12.3", 80))
        .backend().orElseThrow());
  }

  @Test
  void loadBalancerSourceRangesDropOtherSources() {
    ProxySnapshot s = snapshot(port("shop", "web", "10.96.12.3", 80, A1)
        .loadBalancer("203.0.113.50", "198.51.100.0/24"));
    assertEquals(RuleOutcome.DNAT,
        run(s, NODE_A, tcp("198.51.100.4", "203.0.113.50", 80)).outcome());
    assertEquals(RuleOutcome.DROP,
        run(s, NODE_A, tcp("203.0.113.7", "203.0.113.50", 80)).outcome());
  }

  @Test
  void evaluationCostDoesNotGrowWithTheNumberOfServices() {
    // Every lookup is a hash probe; 10 and 10,000 services cost the same number of steps.
    for (ProxyPacket p : List.of(tcp("10.244.1.9", "10.96.0.5", 80),
        tcp("203.0.113.7", "192.168.0.10", 30005), tcp("10.244.1.9", "10.244.9.9", 80))) {
      assertEquals(run(manyServices(10), NODE_A, p).rulesEvaluated(),
          run(manyServices(10_000), NODE_A, p).rulesEvaluated(), p.toString());
    }
  }

  static ProxySnapshot manyServices(int count) {
    return snapshot(java.util.stream.IntStream.range(0, count)
        .mapToObj(i -> port("ns", "svc" + i, "10.96." + (i / 250) + "." + (i % 250), 80,
            ready("10.244." + (i / 250) + "." + (i % 250 + 1), 8080, "node-b"))
            .nodePort(30000 + i))
        .toArray(Port[]::new));
  }
}

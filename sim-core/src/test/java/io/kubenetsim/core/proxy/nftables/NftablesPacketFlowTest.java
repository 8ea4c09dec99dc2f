package io.kubenetsim.core.proxy.nftables;

import static io.kubenetsim.core.proxy.nftables.NftablesFixtures.NODE;
import static io.kubenetsim.core.proxy.nftables.NftablesFixtures.fromHost;
import static io.kubenetsim.core.proxy.nftables.NftablesFixtures.ready;
import static io.kubenetsim.core.proxy.nftables.NftablesFixtures.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.proxy.ProxyDecision;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ProxyNodeState;
import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.core.proxy.nftables.NftablesFixtures.Port;
import io.kubenetsim.net.RuleOutcome;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A packet-flow table in the manner of upstream {@code runPacketFlowTests}: output is the
 * candidate endpoints joined by {@code ", "}, or {@code REJECT} / {@code DROP}, or empty when the
 * rules leave the packet alone; plus whether it is masqueraded.
 */
class NftablesPacketFlowTest {
  static final ProxySnapshot SNAPSHOT = ProxySnapshot.of(1, List.of(
      new Port("ns1", "svc1", "172.30.0.41").nodePort(3001)
          .endpoints(ready("10.180.0.1", NODE), ready("10.180.2.1", "node2")).build(),
      new Port("ns2", "svc2", "172.30.0.42").nodePort(3002).loadBalancer("1.2.3.4")
          .externalLocal().endpoints(ready("10.180.0.2", NODE)).build(),
      new Port("ns3", "svc3", "172.30.0.43").nodePort(3003).externalIPs("192.168.99.33")
          .externalLocal().endpoints(ready("10.180.2.3", "node2")).build(),
      new Port("ns4", "svc4", "172.30.0.44").nodePort(3004).build(),
      new Port("ns5", "svc5", "172.30.0.45").nodePort(3005)
          .loadBalancer("5.6.7.8", "203.0.113.0/25")
          .endpoints(ready("10.180.0.5", NODE)).build()));

  static Stream<Arguments> flows() {
    return Stream.of(
        flow("pod to ClusterIP", tcp("10.0.0.2", "172.30.0.41", 80),
            "10.180.0.1:80, 10.180.2.1:80", false),
        flow("hairpin to ClusterIP", tcp("10.180.0.2", "172.30.0.42", 80), "10.180.0.2:80",
            true),
        flow("node to ClusterIP", fromHost("192.168.0.2", "172.30.0.41", 80),
            "10.180.0.1:80, 10.180.2.1:80", true),
        flow("external to ClusterIP", tcp("203.0.113.2", "172.30.0.41", 80),
            "10.180.0.1:80, 10.180.2.1:80", true),
        flow("external to NodePort on primary IP", tcp("203.0.113.2", "192.168.0.2", 3001),
            "10.180.0.1:80, 10.180.2.1:80", true),
        flow("external to NodePort on other node IP", tcp("203.0.113.2", "192.168.1.2", 3001),
            "", false),
        flow("host to NodePort on localhost", fromHost("127.0.0.1", "127.0.0.1", 3001), "",
            false),
        flow("ETP Local, local endpoint: external to NodePort",
            tcp("203.0.113.2", "192.168.0.2", 3002), "10.180.0.2:80", false),
        flow("ETP Local, local endpoint: external to LB IP", tcp("203.0.113.2", "1.2.3.4", 80),
            "10.180.0.2:80", false),
        flow("ETP Local, no local endpoint: external to NodePort",
            tcp("203.0.113.2", "192.168.0.2", 3003), "DROP", false),
        flow("ETP Local, no local endpoint: external to externalIP",
            tcp("203.0.113.2", "192.168.99.33", 80), "DROP", false),
        flow("ETP Local, no local endpoint: pod to NodePort short-circuits",
            tcp("10.0.0.2", "192.168.0.2", 3003), "10.180.2.3:80", false),
        flow("ETP Local, no local endpoint: host to NodePort is masqueraded",
            fromHost("192.168.0.2", "192.168.0.2", 3003), "10.180.2.3:80", true),
        flow("no endpoints: ClusterIP", tcp("10.0.0.2", "172.30.0.44", 80), "REJECT", false),
        flow("no endpoints: NodePort", tcp("203.0.113.2", "192.168.0.2", 3004), "REJECT",
            false),
        flow("no endpoints: from host", fromHost("192.168.0.2", "172.30.0.44", 80), "REJECT",
            false),
        flow("ClusterIP on undefined port", tcp("10.0.0.2", "172.30.0.41", 443), "REJECT",
            false),
        flow("unallocated service-CIDR address", tcp("10.0.0.2", "172.30.0.50", 80), "DROP",
            false),
        flow("LB source range allows", tcp("203.0.113.2", "5.6.7.8", 80), "10.180.0.5:80",
            true),
        flow("LB source range blocks", tcp("203.0.113.130", "5.6.7.8", 80), "DROP", false),
        flow("NodePort bypasses LB source ranges", tcp("203.0.113.130", "192.168.0.2", 3005),
            "10.180.0.5:80", true),
        flow("outside the service range", tcp("10.0.0.2", "8.8.8.8", 53), "", false));
  }

  private static Arguments flow(String name, ProxyPacket packet, String output, boolean masq) {
    return Arguments.of(name, packet, output, masq);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flows")
  void packetFlow(String name, ProxyPacket packet, String output, boolean masq) {
    ProxyDecision decision = new NftablesBackend().evaluate(SNAPSHOT, NftablesFixtures.node(),
        packet, new ProxyNodeState(), Instant.EPOCH, new SeededRandom(7));
    String actual = switch (decision.outcome()) {
      case DNAT -> decision.candidates().stream().map(ProxyEndpoint::toString)
          .collect(Collectors.joining(", "));
      case REJECT, DROP -> decision.outcome().name();
      case UNTOUCHED -> "";
    };
    assertEquals(output, actual, () -> String.join("\n", decision.matchedRules()));
    if (decision.outcome() == RuleOutcome.DNAT) {
      assertEquals(masq, decision.masquerade(), () -> String.join("\n", decision.matchedRules()));
    }
  }
}

package io.kubenetsim.core.proxy.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.proxy.ProxyDecision.Entry;
import io.kubenetsim.core.proxy.ProxyDecision;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ProxyNodeState;
import io.kubenetsim.core.proxy.ProxyPacket.Hook;
import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.RuleOutcome;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Packet-flow rows in the shape of upstream's {@code packetFlowTest} (proxier_test.go): source,
 * destination, port, protocol → every endpoint the rules could pick ({@code "ip:port, ..."}),
 * or REJECT / DROP, or "" when nothing applies, and whether the packet is masqueraded. The node
 * is {@code test-node} (192.168.0.2), pods are 10.0.0.0/8; endpoints 10.180.0.x are on this node
 * and 10.180.2.x on another.
 */
class PacketFlowTest {

  private static final ProxySnapshot SNAPSHOT = ProxySnapshot.of(1, List.of(
      // ETP Cluster NodePort, one local and one remote endpoint.
      Ports.port("ns1", "svc1", "p80", "172.30.0.41", 80).nodePort(3001)
          .endpoint("10.180.0.1", 80, Ports.NODE).endpoint("10.180.2.1", 80, "host2").build(),
      // ETP Local NodePort and externalIP, one local and one remote endpoint.
      Ports.port("ns2", "svc2", "p80", "172.30.0.42", 80).nodePort(3002).externalLocal()
          .externalIP("192.168.99.22")
          .endpoint("10.180.0.2", 80, Ports.NODE).endpoint("10.180.2.2", 80, "host2").build(),
      // ETP Local NodePort whose only endpoint is elsewhere.
      Ports.port("ns3", "svc3", "p80", "172.30.0.43", 80).nodePort(3003).externalLocal()
          .endpoint("10.180.2.3", 80, "host2").build(),
      // No endpoints at all.
      Ports.port("ns4", "svc4", "p80", "172.30.0.44", 80).nodePort(3004).build(),
      // LoadBalancer with a source range, ETP Cluster.
      Ports.port("ns5", "svc5", "p80", "172.30.0.45", 80).loadBalancer("5.6.7.8",
          "203.0.113.0/25").endpoint("10.180.0.5", 80, Ports.NODE).build(),
      // ITP Local whose only endpoint is elsewhere.
      Ports.port("ns6", "svc6", "p80", "172.30.0.46", 80).internalLocal()
          .endpoint("10.180.2.6", 80, "host2").build()));

  record Flow(String name, String source, Hook hook, String destination, int port,
      Protocol protocol, String output, boolean masquerade, Entry entry) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Flow tcp(String name, String source, String destination, int port,
      String output, boolean masquerade, Entry entry) {
    Hook hook = source.equals(Ports.NODE_IP) || source.startsWith("127.") ? Hook.OUTPUT
        : Hook.PREROUTING;
    return new Flow(name, source, hook, destination, port, Protocol.TCP, output, masquerade,
        entry);
  }

  static Stream<Flow> flows() {
    String node = Ports.NODE_IP;
    String external = Ports.EXTERNAL_CLIENT;
    String both1 = "10.180.0.1:80, 10.180.2.1:80";
    String both2 = "10.180.0.2:80, 10.180.2.2:80";
    return Stream.of(
        tcp("pod to cluster IP", "10.0.0.2", "172.30.0.41", 80, both1, false, Entry.CLUSTER_IP),
        tcp("node to cluster IP", node, "172.30.0.41", 80, both1, true, Entry.CLUSTER_IP),
        tcp("external to cluster IP", external, "172.30.0.41", 80, both1, true,
            Entry.CLUSTER_IP),
        tcp("external to NodePort, ETP Cluster", external, node, 3001, both1, true,
            Entry.NODE_PORT),
        tcp("localhost to NodePort", "127.0.0.1", "127.0.0.1", 3001, both1, true,
            Entry.NODE_PORT),
        tcp("hairpin to cluster IP", "10.180.0.5", "172.30.0.45", 80, "10.180.0.5:80", true,
            Entry.CLUSTER_IP),
        tcp("external to NodePort, ETP Local", external, node, 3002, "10.180.0.2:80", false,
            Entry.NODE_PORT),
        tcp("external to external IP, ETP Local", external, "192.168.99.22", 80,
            "10.180.0.2:80", false, Entry.EXTERNAL_IP),
        tcp("pod to NodePort, ETP Local", "10.0.0.2", node, 3002, both2, false, Entry.NODE_PORT),
        tcp("node to external IP, ETP Local", node, "192.168.99.22", 80, both2, true,
            Entry.EXTERNAL_IP),
        tcp("external to NodePort, ETP Local, no local endpoints", external, node, 3003, "DROP",
            false, Entry.NODE_PORT),
        tcp("pod to NodePort, ETP Local, no local endpoints", "10.0.0.2", node, 3003,
            "10.180.2.3:80", false, Entry.NODE_PORT),
        tcp("pod to cluster IP, no endpoints", "10.0.0.2", "172.30.0.44", 80, "REJECT", false,
            Entry.CLUSTER_IP),
        tcp("external to NodePort, no endpoints", external, node, 3004, "REJECT", false,
            Entry.NODE_PORT),
        tcp("external to LoadBalancer IP, allowed source", external, "5.6.7.8", 80,
            "10.180.0.5:80", true, Entry.LOAD_BALANCER),
        tcp("external to LoadBalancer IP, denied source", "198.51.100.7", "5.6.7.8", 80, "DROP",
            false, Entry.LOAD_BALANCER),
        tcp("pod to cluster IP, ITP Local, no local endpoints", "10.0.0.2", "172.30.0.46", 80,
            "DROP", false, Entry.CLUSTER_IP),
        tcp("cluster IP on a port the Service does not define", "10.0.0.2", "172.30.0.41", 8080,
            "", false, Entry.NONE),
        new Flow("UDP to a TCP-only port", "10.0.0.2", Hook.PREROUTING, "172.30.0.41", 80,
            Protocol.UDP, "", false, Entry.NONE),
        tcp("external to NodePort nobody uses", external, node, 3999, "", false, Entry.NONE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flows")
  void packetFlow(Flow flow) {
    ProxyPacket packet = new ProxyPacket(IpAddress.parse(flow.source()),
        IpAddress.parse(flow.destination()), flow.port(), flow.protocol(), flow.hook());
    ProxyDecision decision = new IptablesBackend().evaluate(SNAPSHOT, Ports.node(), packet,
        new ProxyNodeState(), Instant.EPOCH, new SeededRandom(7));
    assertEquals(flow.output(), output(decision), () -> "output for " + flow + "; matched:\n"
        + String.join("\n", decision.matchedRules()));
    if (decision.outcome() == RuleOutcome.DNAT) {
      assertEquals(flow.masquerade(), decision.masquerade(), () -> "masquerade for " + flow
          + "; matched:\n" + String.join("\n", decision.matchedRules()));
      assertEquals(true, decision.candidates().contains(decision.backend().orElseThrow()),
          "backend is one of the candidates");
    }
    assertEquals(flow.entry(), decision.entry(), () -> "entry for " + flow);
  }

  private static String output(ProxyDecision decision) {
    return switch (decision.outcome()) {
      case DNAT -> decision.candidates().stream().map(ProxyEndpoint::toString)
          .collect(Collectors.joining(", "));
      case REJECT -> "REJECT";
      case DROP -> "DROP";
      case UNTOUCHED -> "";
    };
  }
}

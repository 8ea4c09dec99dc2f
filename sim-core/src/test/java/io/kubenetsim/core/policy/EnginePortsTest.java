package io.kubenetsim.core.policy;

import static io.kubenetsim.core.policy.EnginePolicies.egress;
import static io.kubenetsim.core.policy.EnginePolicies.ingress;
import static io.kubenetsim.core.policy.EnginePolicies.rule;
import static io.kubenetsim.core.policy.EnginePolicies.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPort;
import io.kubenetsim.net.PolicyCheck;
import io.kubenetsim.net.Protocol;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ports, after upstream's {@code NetworkPolicyPort} comments: protocol TCP unless written; a
 * numeric port, a named port "on a pod" — the destination's container port with that name and
 * protocol (for ingress the selected pod, for egress the peer; never an address that is no
 * pod) — or no port for every port of the protocol; {@code endPort} makes the inclusive range
 * port..endPort; entries are ORed and an empty list matches every port and protocol. Each row:
 * a policy of one rule (any peer) on the e2e layout plus pod x/d serving {@code serve-81-tcp}
 * on 8081; the verdict of one connection from y/b.
 */
class EnginePortsTest {

  record Case(String name, NetworkPolicy policy, String to, int port, Protocol protocol,
      boolean allowed) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static NetworkPolicy in(NetworkPolicyPort... ports) {
    return ingress("x/p", "", rule(List.of(ports)));
  }

  private static NetworkPolicy out(NetworkPolicyPort... ports) {
    return egress("y/p", "", rule(List.of(ports)));
  }

  static Stream<Case> cases() {
    NetworkPolicy tcp80 = in(tcp(80));
    NetworkPolicy range = in(NetworkPolicyPort.range(Protocol.TCP, 80, 82));
    NetworkPolicy named81 = in(NetworkPolicyPort.named(Protocol.TCP, "serve-81-tcp"));
    NetworkPolicy namedUdp = in(NetworkPolicyPort.named(Protocol.UDP, "serve-80-udp"));
    NetworkPolicy namedUdpAsTcp = in(NetworkPolicyPort.named(Protocol.TCP, "serve-80-udp"));
    NetworkPolicy allUdp = in(NetworkPolicyPort.allPorts(Protocol.UDP));
    NetworkPolicy two = in(tcp(80), NetworkPolicyPort.of(Protocol.UDP, 53));
    NetworkPolicy egressNamed = out(NetworkPolicyPort.named(Protocol.TCP, "serve-81-tcp"));
    return Stream.of(
        new Case("a numeric port", tcp80, "x/a", 80, Protocol.TCP, true),
        new Case("another port", tcp80, "x/a", 81, Protocol.TCP, false),
        new Case("the port on another protocol (TCP is the default)", tcp80, "x/a", 80,
            Protocol.UDP, false),
        new Case("a UDP port", in(NetworkPolicyPort.of(Protocol.UDP, 80)), "x/a", 80,
            Protocol.UDP, true),
        new Case("an SCTP port", in(NetworkPolicyPort.of(Protocol.SCTP, 80)), "x/a", 80,
            Protocol.SCTP, true),
        new Case("no port: every port of the protocol", allUdp, "x/a", 5353, Protocol.UDP,
            true),
        new Case("no port: not another protocol", allUdp, "x/a", 5353, Protocol.TCP, false),
        new Case("endPort: below the range", range, "x/a", 79, Protocol.TCP, false),
        new Case("endPort: port itself", range, "x/a", 80, Protocol.TCP, true),
        new Case("endPort: inclusive end", range, "x/a", 82, Protocol.TCP, true),
        new Case("endPort: past the end", range, "x/a", 83, Protocol.TCP, false),
        new Case("named: the selected pod's port of that name", named81, "x/a", 81,
            Protocol.TCP, true),
        new Case("named: not another port of that pod", named81, "x/a", 80, Protocol.TCP,
            false),
        new Case("named: resolves per pod (x/d serves it on 8081)", named81, "x/d", 8081,
            Protocol.TCP, true),
        new Case("named: x/d's 81 is not the named port", named81, "x/d", 81, Protocol.TCP,
            false),
        new Case("named UDP port", namedUdp, "x/a", 80, Protocol.UDP, true),
        new Case("named: name and protocol must both match", namedUdpAsTcp, "x/a", 80,
            Protocol.TCP, false),
        new Case("entries are ORed: the second", two, "x/a", 53, Protocol.UDP, true),
        new Case("entries are ORed: neither", two, "x/a", 53, Protocol.TCP, false),
        new Case("no ports: every port and protocol", in(), "x/a", 9999, Protocol.SCTP, true),
        new Case("egress named: the destination pod's port", egressNamed, "x/a", 81,
            Protocol.TCP, true),
        new Case("egress named: another destination's number", egressNamed, "x/d", 8081,
            Protocol.TCP, true),
        new Case("egress named: not that number where the name means another", egressNamed,
            "x/d", 81, Protocol.TCP, false),
        new Case("egress named: never an address that is no pod", egressNamed, "203.0.113.7",
            81, Protocol.TCP, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void portsMatchAsTheApiDescribes(Case row) {
    EngineFixture f = EngineFixture.layout().pod("x/d", "pod=d", "node-2", "10.244.2.14",
        new ContainerPort("serve-81-tcp", 8081, Protocol.TCP, 0), ContainerPort.of(81));
    f.apply(row.policy()).settle();
    List<PolicyCheck> checks = f.check(f.address("y/b"), f.address(row.to()), row.port(),
        row.protocol());
    assertEquals(row.allowed(), checks.stream().allMatch(PolicyCheck::allowed),
        row.name() + ": " + checks);
    assertTrue(checks.stream().anyMatch(PolicyCheck::isolated),
        "the row's policy decided: " + checks);
  }
}

package io.kubenetsim.core.policy;

import static io.kubenetsim.core.policy.Expectation.Peer.any;
import static io.kubenetsim.core.policy.Expectation.Peer.namespace;
import static io.kubenetsim.core.policy.Expectation.Peer.pod;
import static io.kubenetsim.core.policy.Policies.all;
import static io.kubenetsim.core.policy.Policies.anything;
import static io.kubenetsim.core.policy.Policies.egress;
import static io.kubenetsim.core.policy.Policies.from;
import static io.kubenetsim.core.policy.Policies.ingress;
import static io.kubenetsim.core.policy.Policies.labels;
import static io.kubenetsim.core.policy.Policies.namespaces;
import static io.kubenetsim.core.policy.Policies.on;
import static io.kubenetsim.core.policy.Policies.policy;
import static io.kubenetsim.core.policy.Policies.podsIn;
import static io.kubenetsim.core.policy.ScenarioRun.scenario;
import static io.kubenetsim.net.Protocol.SCTP;
import static io.kubenetsim.net.Protocol.TCP;
import static io.kubenetsim.net.Protocol.UDP;

import io.kubenetsim.model.NetworkPolicyPort;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.net.Protocol;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Upstream's NetworkPolicy e2e scenarios about ports and protocols — numeric ports, named ports
 * (resolved against the destination pod's {@code serve-80-tcp}-style container ports), {@code
 * endPort} ranges (KEP-2079), protocol-only rules, and the UDP and SCTP variants of the TCP
 * tests — each asserting full 9 × 9 tables on the ports and protocols the rule is about and on
 * those it must leave alone.
 */
class NetworkPolicyPortScenariosTest {

  /** Ingress to x/a from namespace y on one port: upstream's allowPort81Policy. */
  private static NetworkPolicyRule fromNamespaceYOn(NetworkPolicyPort port) {
    return on(from(namespaces(labels("ns", "y"))), port);
  }

  @TestFactory
  Stream<DynamicTest> portScenarios() {
    return ScenarioRun.tests(
        scenario("should enforce policy based on Ports", s -> {
          s.apply(policy("x/allow-client-a-via-ns-selector", labels("pod", "a"),
              ingress(fromNamespaceYOn(NetworkPolicyPort.of(TCP, 81)))));
          s.check(81, TCP, e -> e.expectPeer(namespace("x"), pod("x/a"), false)
              .expectPeer(namespace("z"), pod("x/a"), false));
          s.check(80, TCP, e -> e.expectAllIngress("x/a", false));
        }),
        scenario("should enforce multiple, stacked policies with overlapping podSelectors",
            s -> {
              s.apply(policy("x/allow-client-a-via-ns-selector", labels("pod", "a"),
                  ingress(fromNamespaceYOn(NetworkPolicyPort.of(TCP, 81)))));
              s.check(80, TCP, e -> e.expectAllIngress("x/a", false));
              s.apply(policy("x/allow-client-a-via-ns-selector-80", labels("pod", "a"),
                  ingress(fromNamespaceYOn(NetworkPolicyPort.of(TCP, 80)))));
              for (int port : NetpolModel.PORTS) {
                s.check(port, TCP, e -> e.expectPeer(namespace("x"), pod("x/a"), false)
                    .expectPeer(namespace("z"), pod("x/a"), false));
              }
            }),
        scenario("should allow ingress access on one named port", s -> {
          s.apply(policy("x/allow-all", all(),
              ingress(on(NetworkPolicyPort.named(TCP, "serve-81-tcp")))));
          s.check(81, TCP, e -> e);
          s.check(80, TCP, e -> e.expectPeer(any(), namespace("x"), false));
          s.check(81, UDP, e -> e.expectPeer(any(), namespace("x"), false));
        }),
        scenario("a named port matches only on the protocol of the container port it names",
            s -> {
              s.apply(policy("x/udp-named-after-a-tcp-port", all(),
                  ingress(on(NetworkPolicyPort.named(UDP, "serve-81-tcp")))));
              s.check(81, UDP, e -> e.expectPeer(any(), namespace("x"), false));
              s.check(81, TCP, e -> e.expectPeer(any(), namespace("x"), false));
            }),
        scenario("should allow ingress access from namespace on one named port", s -> {
          s.apply(policy("x/allow-client-a-via-ns-selector-80", labels("pod", "a"),
              ingress(fromNamespaceYOn(NetworkPolicyPort.named(TCP, "serve-80-tcp")))));
          s.check(80, TCP, e -> e.expectPeer(namespace("x"), pod("x/a"), false)
              .expectPeer(namespace("z"), pod("x/a"), false));
          s.check(81, TCP, e -> e.expectAllIngress("x/a", false));
        }),
        scenario("should allow egress access on one named port", s -> {
          s.apply(policy("x/allow-egress", all(),
              egress(on(NetworkPolicyPort.named(TCP, "serve-80-tcp")))));
          s.check(80, TCP, e -> e);
          s.check(81, TCP, e -> e.expectPeer(namespace("x"), any(), false));
        }),
        scenario("should enforce ingress policy allowing any port traffic to a server on a "
            + "specific protocol", s -> {
              s.apply(policy("x/allow-ingress-by-proto", labels("pod", "a"),
                  ingress(on(NetworkPolicyPort.allPorts(TCP)))));
              s.check(80, TCP, e -> e);
              s.check(81, TCP, e -> e);
              s.check(80, UDP, e -> e.expectPeer(any(), pod("x/a"), false));
            }),
        scenario("should not mistakenly treat 'protocol: SCTP' as 'protocol: TCP', even if the "
            + "plugin doesn't support SCTP", s -> {
              s.apply(policy("x/deny-ingress", all(), ingress()),
                  policy("x/allow-only-sctp-ingress-on-port-81", labels("pod", "a"),
                      ingress(on(NetworkPolicyPort.of(SCTP, 81)))));
              s.check(81, TCP, e -> e.expectPeer(any(), namespace("x"), false));
              s.check(81, SCTP, e -> e.expectAllIngress("x/b", false)
                  .expectAllIngress("x/c", false));
            }),
        scenario("should properly isolate pods that are selected by a policy allowing SCTP, "
            + "even if the plugin doesn't support SCTP", s -> {
              s.apply(policy("x/allow-only-sctp-ingress-on-port-80", labels("pod", "a"),
                  ingress(on(NetworkPolicyPort.of(SCTP, 80)))));
              s.check(81, TCP, e -> e.expectAllIngress("x/a", false));
              s.check(80, SCTP, e -> e);
            }),
        scenario("should not allow access by TCP when a policy specifies only UDP", s -> {
          s.apply(policy("x/allow-only-udp-ingress-on-port-81", labels("pod", "a"),
              ingress(on(NetworkPolicyPort.of(UDP, 81)))));
          s.check(81, TCP, e -> e.expectAllIngress("x/a", false));
          s.check(81, UDP, e -> e);
        }),
        scenario("UDP: should support a 'default-deny-ingress' policy",
            s -> defaultDenyIngress(s, UDP)),
        scenario("UDP: should enforce policy based on Ports", s -> portFromNamespaceY(s, UDP)),
        scenario("UDP: should enforce policy to allow traffic only from a pod in a different "
            + "namespace based on PodSelector and NamespaceSelector",
            s -> podInOtherNamespace(s, UDP)),
        scenario("SCTP: should support a 'default-deny-ingress' policy",
            s -> defaultDenyIngress(s, SCTP)),
        scenario("SCTP: should enforce policy based on Ports", s -> portFromNamespaceY(s, SCTP)),
        scenario("SCTP: should enforce policy to allow traffic only from a pod in a different "
            + "namespace based on PodSelector and NamespaceSelector",
            s -> podInOtherNamespace(s, SCTP)),
        scenario("endPort: should allow ingress from a namespace on a port range", s -> {
          s.apply(policy("x/allow-y-80-to-81", labels("pod", "a"),
              ingress(fromNamespaceYOn(NetworkPolicyPort.range(TCP, 80, 81)))));
          for (int port : NetpolModel.PORTS) {
            s.check(port, TCP, e -> e.expectPeer(namespace("x"), pod("x/a"), false)
                .expectPeer(namespace("z"), pod("x/a"), false));
          }
          s.check(80, UDP, e -> e.expectAllIngress("x/a", false));
        }),
        scenario("endPort: a range starting above a port does not include it", s -> {
          s.apply(policy("x/allow-81-to-90", all(),
              ingress(on(NetworkPolicyPort.range(TCP, 81, 90)))));
          s.check(81, TCP, e -> e);
          s.check(80, TCP, e -> e.expectPeer(any(), namespace("x"), false));
        }),
        scenario("endPort: should allow egress on a port range ending at the port", s -> {
          s.apply(policy("x/allow-egress-79-to-80", labels("pod", "a"),
              egress(on(NetworkPolicyPort.range(TCP, 79, 80)))));
          s.check(80, TCP, e -> e);
          s.check(81, TCP, e -> e.expectAllEgress("x/a", false));
        }),
        scenario("several policies selecting one pod are additive across ports", s -> {
          s.apply(policy("x/a-80-from-y", labels("pod", "a"),
                  ingress(fromNamespaceYOn(NetworkPolicyPort.of(TCP, 80)))),
              policy("x/a-81-from-z", labels("pod", "a"),
                  ingress(on(from(namespaces(labels("ns", "z"))), NetworkPolicyPort.of(TCP, 81)))),
              policy("x/all-from-x", all(), ingress(from(namespaces(labels("ns", "x"))))));
          s.check(80, TCP, e -> e.expectPeer(namespace("y"), namespace("x"), false)
              .expectPeer(namespace("z"), namespace("x"), false)
              .expectPeer(namespace("y"), pod("x/a"), true));
          s.check(81, TCP, e -> e.expectPeer(namespace("y"), namespace("x"), false)
              .expectPeer(namespace("z"), namespace("x"), false)
              .expectPeer(namespace("z"), pod("x/a"), true));
        }),
        scenario("an allow-all rule in a second policy lifts the first one's port limit", s -> {
          s.apply(policy("x/allow-ingress-port-80", all(),
              ingress(on(NetworkPolicyPort.of(TCP, 80)))));
          s.check(81, TCP, e -> e.expectPeer(any(), namespace("x"), false));
          s.apply(policy("x/allow-ingress", all(), ingress(anything())));
          s.check(81, TCP, e -> e);
        }));
  }

  private static void defaultDenyIngress(ScenarioRun s, Protocol protocol) {
    s.apply(policy("x/deny-all", all(), ingress()));
    s.check(80, protocol, e -> e.expectPeer(any(), namespace("x"), false));
  }

  private static void portFromNamespaceY(ScenarioRun s, Protocol protocol) {
    s.apply(policy("x/allow-ingress-on-port-81-ns-x", labels("pod", "a"),
        ingress(fromNamespaceYOn(NetworkPolicyPort.of(protocol, 81)))));
    s.check(81, protocol, e -> e.expectPeer(namespace("x"), pod("x/a"), false)
        .expectPeer(namespace("z"), pod("x/a"), false));
    s.check(81, TCP == protocol ? UDP : TCP, e -> e.expectAllIngress("x/a", false));
  }

  private static void podInOtherNamespace(ScenarioRun s, Protocol protocol) {
    s.apply(policy("x/allow-ns-y-pod-a-via-namespace-pod-selector", labels("pod", "a"),
        ingress(from(podsIn(labels("pod", "a"), labels("ns", "y"))))));
    s.check(80, protocol, e -> e.expectAllIngress("x/a", false).expect("y/a", "x/a", true));
  }
}

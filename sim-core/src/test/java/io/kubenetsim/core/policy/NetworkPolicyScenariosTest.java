package io.kubenetsim.core.policy;

import static io.kubenetsim.core.policy.Expectation.Peer.any;
import static io.kubenetsim.core.policy.Expectation.Peer.namespace;
import static io.kubenetsim.core.policy.Expectation.Peer.pod;
import static io.kubenetsim.core.policy.Policies.all;
import static io.kubenetsim.core.policy.Policies.anything;
import static io.kubenetsim.core.policy.Policies.egress;
import static io.kubenetsim.core.policy.Policies.expression;
import static io.kubenetsim.core.policy.Policies.from;
import static io.kubenetsim.core.policy.Policies.ingress;
import static io.kubenetsim.core.policy.Policies.labels;
import static io.kubenetsim.core.policy.Policies.namespaceNamed;
import static io.kubenetsim.core.policy.Policies.namespaces;
import static io.kubenetsim.core.policy.Policies.policy;
import static io.kubenetsim.core.policy.Policies.pods;
import static io.kubenetsim.core.policy.Policies.podsIn;
import static io.kubenetsim.core.policy.ScenarioRun.scenario;
import static io.kubenetsim.net.Protocol.TCP;

import io.kubenetsim.model.Namespace;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Upstream's NetworkPolicy e2e scenarios about who may connect — default deny, pod and
 * namespace selectors, AND versus OR peers — on the 3 namespaces × 3 pods model, written from
 * the test names and descriptions of {@code test/e2e/network/netpol/network_policy.go}. Each row
 * applies policies and asserts the full 9 × 9 table on port 80/TCP (and 81 where upstream checks
 * it), so a policy that leaks to, or cuts, any other pair fails too. Ports and protocols are in
 * {@link NetworkPolicyPortScenariosTest}, egress and ipBlock in {@link
 * NetworkPolicyEgressScenariosTest}, changes over time in {@link
 * NetworkPolicyLifecycleScenariosTest}, nodes and hostNetwork pods in {@link
 * HostNetworkPolicyScenariosTest}. The code under test is {@link PolicyUnderTest#SUBJECT}.
 */
class NetworkPolicyScenariosTest {

  @TestFactory
  Stream<DynamicTest> ingressScenarios() {
    return ScenarioRun.tests(
        scenario("should support a 'default-deny-ingress' policy", s -> {
          s.apply(policy("x/deny-ingress", all(), ingress()));
          s.check(80, TCP, e -> e.expectPeer(any(), namespace("x"), false));
        }),
        scenario("should support a 'default-deny-all' policy", s -> {
          s.apply(policy("x/deny-all", all(), ingress(), egress()));
          s.check(80, TCP, e -> e.expectPeer(any(), namespace("x"), false)
              .expectPeer(namespace("x"), any(), false));
        }),
        scenario("should enforce policy to allow traffic from pods within server namespace "
            + "based on PodSelector", s -> {
              s.apply(policy("x/x-a-allows-x-b", labels("pod", "a"),
                  ingress(from(pods(labels("pod", "b"))))));
              s.check(80, TCP, e -> e.expectAllIngress("x/a", false)
                  .expect("x/b", "x/a", true));
            }),
        scenario("should enforce policy to allow ingress traffic for a target", s -> {
          s.apply(policy("x/deny-all", all(), ingress()),
              policy("x/allow-all-to-a", labels("pod", "a"), ingress(from(podsIn(all(), all())))));
          s.check(80, TCP, e -> e.expectAllIngress("x/a", true)
              .expectAllIngress("x/b", false).expectAllIngress("x/c", false));
        }),
        scenario("should enforce policy to allow ingress traffic from pods in all namespaces",
            s -> {
              s.apply(policy("x/allow-from-another-ns", labels("pod", "a"),
                  ingress(from(namespaces(all())))));
              s.check(80, TCP, e -> e);
            }),
        scenario("should enforce policy to allow traffic only from a different namespace, "
            + "based on NamespaceSelector", s -> {
              s.apply(policy("x/allow-client-a-via-ns-selector", labels("pod", "a"),
                  ingress(from(namespaces(labels("ns", "y"))))));
              s.check(80, TCP, e -> e.expectPeer(namespace("x"), pod("x/a"), false)
                  .expectPeer(namespace("z"), pod("x/a"), false));
            }),
        scenario("should enforce policy based on PodSelector with MatchExpressions", s -> {
          s.apply(policy("x/x-a-allows-x-b", labels("pod", "a"),
              ingress(from(pods(expression("pod", "In", "b"))))));
          s.check(80, TCP, e -> e.expectAllIngress("x/a", false).expect("x/b", "x/a", true));
        }),
        scenario("should enforce policy based on NamespaceSelector with MatchExpressions", s -> {
          s.apply(policy("x/allow-ns-y-match-selector", labels("pod", "a"),
              ingress(from(namespaces(expression(Namespace.NAME_LABEL, "In", "y"))))));
          s.check(80, TCP, e -> e.expectPeer(namespace("x"), pod("x/a"), false)
              .expectPeer(namespace("z"), pod("x/a"), false));
        }),
        scenario("a NotIn namespace selector also matches namespaces without the key", s -> {
          s.labelNamespace("z", "team", "blue");
          s.apply(policy("x/not-team-blue", labels("pod", "a"),
              ingress(from(namespaces(expression("team", "NotIn", "blue"))))));
          s.check(80, TCP, e -> e.expectPeer(namespace("z"), pod("x/a"), false));
        }),
        scenario("should enforce policy based on PodSelector or NamespaceSelector", s -> {
          s.apply(policy("x/allow-ns-y-match-selector", labels("pod", "a"),
              ingress(from(namespaces(expression(Namespace.NAME_LABEL, "NotIn", "x")),
                  pods(labels("pod", "b"))))));
          s.check(80, TCP, e -> e.expect("x/c", "x/a", false));
        }),
        scenario("should enforce policy based on PodSelector and NamespaceSelector", s -> {
          s.apply(policy("x/allow-ns-y-podselector-and-nsselector", labels("pod", "a"),
              ingress(from(podsIn(labels("pod", "b"),
                  expression(Namespace.NAME_LABEL, "NotIn", "x"))))));
          s.check(80, TCP, e -> e.expectAllIngress("x/a", false)
              .expect("y/b", "x/a", true).expect("z/b", "x/a", true));
        }),
        scenario("should enforce policy based on Multiple PodSelectors and NamespaceSelectors",
            s -> {
              s.apply(policy("x/allow-ns-y-z-pod-b-c", labels("pod", "a"),
                  ingress(from(podsIn(expression("pod", "In", "b", "c"),
                      expression(Namespace.NAME_LABEL, "NotIn", "x"))))));
              s.check(80, TCP, e -> e.expectPeer(namespace("x"), pod("x/a"), false)
                  .expect("y/a", "x/a", false).expect("z/a", "x/a", false));
            }),
        scenario("should enforce policy based on any PodSelectors", s -> {
          s.apply(policy("x/allow-ns-x-pod-b-c", labels("pod", "a"),
              ingress(from(pods(labels("pod", "b")), pods(labels("pod", "c"))))));
          s.check(80, TCP, e -> e.expectAllIngress("x/a", false)
              .expect("x/b", "x/a", true).expect("x/c", "x/a", true));
        }),
        scenario("should enforce policy to allow traffic only from a pod in a different "
            + "namespace based on PodSelector and NamespaceSelector", s -> {
              s.apply(policy("x/allow-ns-y-pod-a-via-namespace-pod-selector", labels("pod", "a"),
                  ingress(from(podsIn(labels("pod", "a"), labels("ns", "y"))))));
              s.check(80, TCP, e -> e.expectAllIngress("x/a", false)
                  .expect("y/a", "x/a", true));
            }),
        scenario("should deny ingress from pods on other namespaces", s -> {
          s.apply(policy("x/deny-empty-policy", all(), ingress(from(pods(all())))));
          s.check(80, TCP, e -> e.expectPeer(namespace("y"), namespace("x"), false)
              .expectPeer(namespace("z"), namespace("x"), false));
        }),
        scenario("should enforce policy to allow traffic based on NamespaceSelector with "
            + "MatchLabels using default ns label", s -> {
              s.apply(policy("x/allow-client-a-via-ns-selector-for-immutable-ns-label",
                  labels("pod", "a"), ingress(from(namespaces(namespaceNamed("y"))))));
              s.check(80, TCP, e -> e.expectPeer(namespace("x"), pod("x/a"), false)
                  .expectPeer(namespace("z"), pod("x/a"), false));
            }),
        scenario("should support allow-all policy", s -> {
          s.apply(policy("x/allow-all", all(), ingress(anything())));
          s.check(80, TCP, e -> e);
          s.check(81, TCP, e -> e);
        }),
        scenario("two peers in one from list allow the union, one peer with both selectors "
            + "the intersection (the page's 'Behavior of to and from selectors')", s -> {
              s.apply(policy("x/or-peers", labels("pod", "a"),
                  ingress(from(namespaces(labels("ns", "y")), pods(labels("pod", "c"))))),
                  policy("x/and-peer", labels("pod", "b"),
                      ingress(from(podsIn(labels("pod", "c"), labels("ns", "y"))))));
              s.check(80, TCP, e -> e.expectAllIngress("x/a", false)
                  .expectPeer(namespace("y"), pod("x/a"), true).expect("x/c", "x/a", true)
                  .expectAllIngress("x/b", false).expect("y/c", "x/b", true));
            }));
  }
}

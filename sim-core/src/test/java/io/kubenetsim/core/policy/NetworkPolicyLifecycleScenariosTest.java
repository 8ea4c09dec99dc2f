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
import static io.kubenetsim.core.policy.Policies.policy;
import static io.kubenetsim.core.policy.Policies.pods;
import static io.kubenetsim.core.policy.Policies.podsIn;
import static io.kubenetsim.core.policy.Policies.to;
import static io.kubenetsim.core.policy.ScenarioRun.scenario;
import static io.kubenetsim.net.Protocol.TCP;

import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicySpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Upstream's NetworkPolicy e2e scenarios about change: a policy updated or deleted, a
 * namespace's or a pod's labels changed after the policy exists (so selections must follow the
 * labels, not a snapshot taken when the policy was applied), and ingress and egress isolation
 * added independently. Every step settles, then asserts full 9 × 9 tables.
 */
class NetworkPolicyLifecycleScenariosTest {

  @TestFactory
  Stream<DynamicTest> lifecycleScenarios() {
    return ScenarioRun.tests(
        scenario("should enforce updated policy", s -> {
          s.apply(policy("x/allow-all-mutate-to-deny-all", all(), ingress(anything())));
          s.check(81, TCP, e -> e);
          s.apply(policy("x/allow-all-mutate-to-deny-all", all(), ingress()));
          s.check(81, TCP, e -> e.expectPeer(any(), namespace("x"), false));
        }),
        scenario("should allow ingress access from updated namespace", s -> {
          s.apply(policy("x/allow-client-a-via-ns-selector", labels("pod", "a"),
              ingress(from(namespaces(labels("ns2", "updated"))))));
          s.check(80, TCP, e -> e.expectAllIngress("x/a", false));
          s.labelNamespace("y", "ns2", "updated");
          s.check(80, TCP, e -> e.expectAllIngress("x/a", false)
              .expectPeer(namespace("y"), any(), true));
        }),
        scenario("should allow ingress access from updated pod", s -> {
          s.apply(policy("x/allow-client-a-via-pod-selector", labels("pod", "a"),
              ingress(from(pods(LabelSelector.matchLabels(
                  Map.of("pod", "b", "pod2", "updated")))))));
          s.check(80, TCP, e -> e.expectAllIngress("x/a", false));
          s.labelPod("x/b", "pod2", "updated");
          s.check(80, TCP, e -> e.expectAllIngress("x/a", false).expect("x/b", "x/a", true));
        }),
        scenario("should deny ingress access to updated pod", s -> {
          s.apply(policy("x/deny-ingress-via-label-selector", labels("target", "isolated"),
              ingress()));
          s.check(80, TCP, e -> e);
          s.labelPod("x/a", "target", "isolated");
          s.check(80, TCP, e -> e.expectAllIngress("x/a", false));
        }),
        scenario("a pod whose label is removed leaves both the policy's podSelector and "
            + "the peer selectors that named it", s -> {
              s.labelPod("y/c", "role", "client");
              s.apply(policy("x/a-from-clients", labels("pod", "a"),
                      ingress(from(podsIn(labels("role", "client"), all())))),
                  policy("y/clients-egress", labels("role", "client"),
                      egress(to(namespaces(labels("ns", "x"))))));
              s.check(80, TCP, e -> e.expectAllIngress("x/a", false).expect("y/c", "x/a", true)
                  .expectAllEgress("y/c", false).expectPeer(pod("y/c"), namespace("x"), true));
              s.labelPod("y/c", "role", null);
              s.check(80, TCP, e -> e.expectAllIngress("x/a", false));
            }),
        scenario("a namespace whose label is removed stops matching the namespace selector",
            s -> {
              s.labelNamespace("z", "team", "blue");
              s.apply(policy("x/allow-team-blue", all(),
                  ingress(from(namespaces(labels("team", "blue"))))));
              s.check(80, TCP, e -> e.expectPeer(namespace("x"), namespace("x"), false)
                  .expectPeer(namespace("y"), namespace("x"), false));
              s.labelNamespace("z", "team", null);
              s.check(80, TCP, e -> e.expectPeer(any(), namespace("x"), false));
            }),
        scenario("should stop enforcing policies after they are deleted", s -> {
          s.apply(policy("x/deny-all", all(), ingress(), egress()));
          s.check(80, TCP, e -> e.expectPeer(namespace("x"), any(), false)
              .expectPeer(any(), namespace("x"), false));
          s.deleteAllPolicies();
          s.check(80, TCP, e -> e);
        }),
        scenario("deleting one of two policies keeps what the other allows", s -> {
          NetworkPolicy fromY = policy("x/allow-from-y", all(),
              ingress(from(namespaces(labels("ns", "y")))));
          s.apply(fromY, policy("x/allow-from-z", all(),
              ingress(from(namespaces(labels("ns", "z"))))));
          s.check(80, TCP, e -> e.expectPeer(namespace("x"), namespace("x"), false));
          s.delete(fromY);
          s.check(80, TCP, e -> e.expectPeer(namespace("x"), namespace("x"), false)
              .expectPeer(namespace("y"), namespace("x"), false));
        }),
        scenario("should enforce policies to check ingress and egress policies can be "
            + "controlled independently based on PodSelector", s -> {
              s.apply(policy("x/allow-egress-for-target", labels("pod", "a"),
                  egress(anything())));
              s.check(80, TCP, e -> e);
              s.apply(policy("x/deny-ingress-via-label-selector", labels("pod", "a"),
                  ingress()));
              s.check(80, TCP, e -> e.expectAllIngress("x/a", false));
            }),
        scenario("an egress rule added to a policy without policyTypes isolates egress "
            + "(types.go: policyTypes default by the sections present)", s -> {
              NetworkPolicySpec ingressOnly = NetworkPolicySpec.of(labels("pod", "a"),
                  List.of(), List.of(anything()), List.of());
              s.apply(policy("x/no-types", ingressOnly));
              s.check(80, TCP, e -> e);
              s.apply(policy("x/no-types", NetworkPolicySpec.of(labels("pod", "a"), List.of(),
                  List.of(anything()), List.of(to(namespaces(labels("ns", "y")))))));
              s.check(80, TCP, e -> e.expectAllEgress("x/a", false)
                  .expectPeer(pod("x/a"), namespace("y"), true));
            }));
  }
}

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
import static io.kubenetsim.core.policy.Policies.ipBlock;
import static io.kubenetsim.core.policy.Policies.labels;
import static io.kubenetsim.core.policy.Policies.namespaceNamed;
import static io.kubenetsim.core.policy.Policies.namespaces;
import static io.kubenetsim.core.policy.Policies.on;
import static io.kubenetsim.core.policy.Policies.policy;
import static io.kubenetsim.core.policy.Policies.pods;
import static io.kubenetsim.core.policy.Policies.podsIn;
import static io.kubenetsim.core.policy.Policies.to;
import static io.kubenetsim.core.policy.ScenarioRun.scenario;
import static io.kubenetsim.net.Protocol.TCP;
import static io.kubenetsim.net.Protocol.UDP;

import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPort;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Upstream's NetworkPolicy e2e scenarios about egress and addresses — default-deny egress,
 * ingress and egress together, a client's egress denying what the server's ingress allows,
 * {@code ipBlock} with and without {@code except} (built, as upstream builds them, from the
 * pods' own IPs), and egress left open only for DNS-like ports — each asserting full 9 × 9
 * tables.
 */
class NetworkPolicyEgressScenariosTest {

  @TestFactory
  Stream<DynamicTest> egressScenarios() {
    return ScenarioRun.tests(
        scenario("should deny egress from pods based on PodSelector", s -> {
          s.apply(policy("x/deny-egress-pod-a", labels("pod", "a"), egress()));
          s.check(80, TCP, e -> e.expectAllEgress("x/a", false));
        }),
        scenario("should deny egress from all pods in a namespace", s -> {
          s.apply(policy("x/deny-egress-ns-x", all(), egress()));
          s.check(80, TCP, e -> e.expectPeer(namespace("x"), any(), false));
        }),
        scenario("should work with Ingress, Egress specified together", s -> {
          s.apply(policy("x/allow-client-a-via-pod-selector", labels("pod", "a"),
              egress(on(NetworkPolicyPort.of(TCP, 80))),
              ingress(from(pods(labels("pod", "b"))))));
          s.check(80, TCP, e -> e.expectAllIngress("x/a", false).expect("x/b", "x/a", true));
          s.check(81, TCP, e -> e.expectAllIngress("x/a", false)
              .expectAllEgress("x/a", false).expect("x/b", "x/a", true));
        }),
        scenario("should support denying of egress traffic on the client side (even if the "
            + "server explicitly allows this traffic)", s -> {
              s.apply(policy("x/allow-to-ns-y-pod-a", labels("pod", "a"),
                      egress(to(podsIn(labels("pod", "a"), namespaceNamed("y"))))),
                  allowFromXaTo("y/allow-from-xa-on-ya-match-selector", "a"),
                  allowFromXaTo("y/allow-from-xa-on-yb-match-selector", "b"));
              s.check(80, TCP, e -> e.expectPeer(pod("x/a"), any(), false)
                  .expectPeer(any(), pod("y/a"), false)
                  .expectPeer(pod("x/a"), pod("y/a"), true)
                  .expectPeer(any(), pod("y/b"), false));
            }),
        scenario("should enforce egress policy allowing traffic to a server in a different "
            + "namespace based on PodSelector and NamespaceSelector", s -> {
              s.apply(policy("x/allow-to-ns-y-pod-a", labels("pod", "a"),
                  egress(to(podsIn(labels("pod", "a"), namespaceNamed("y"))))));
              s.check(80, TCP, e -> e.expectAllEgress("x/a", false).expect("x/a", "y/a", true));
            }),
        scenario("should enforce multiple egress policies with egress allow-all policy taking "
            + "precedence", s -> {
              s.apply(policy("x/allow-egress-port-80", all(),
                  egress(on(NetworkPolicyPort.of(TCP, 80)))));
              s.check(81, TCP, e -> e.expectPeer(namespace("x"), any(), false));
              s.apply(policy("x/allow-egress", all(), egress(anything())));
              s.check(81, TCP, e -> e);
            }),
        scenario("should enforce policy based on NamespaceSelector with MatchExpressions using "
            + "default ns label", s -> {
              s.apply(policy("x/allow-ns-y-match-selector-for-immutable-ns-label",
                  labels("pod", "a"),
                  egress(to(namespaces(expression(Namespace.NAME_LABEL, "NotIn", "y"))))));
              s.check(80, TCP, e -> e.expectPeer(pod("x/a"), namespace("y"), false));
            }),
        scenario("should allow egress access to server in CIDR block", s -> {
          s.apply(policy("x/allow-client-a-via-cidr-egress-rule", labels("pod", "a"),
              egress(to(ipBlock(s.ip("y/b") + "/32")))));
          s.check(80, TCP, e -> e.expectAllEgress("x/a", false).expect("x/a", "y/b", true));
        }),
        scenario("should enforce except clause while egress access to server in CIDR block",
            s -> {
              s.apply(exceptPodB(s));
              s.check(80, TCP, e -> e.expect("x/a", "x/b", false));
            }),
        scenario("should ensure an IP overlapping both IPBlock.CIDR and IPBlock.Except is "
            + "allowed", s -> {
              s.apply(exceptPodB(s));
              s.check(80, TCP, e -> e.expect("x/a", "x/b", false));
              s.apply(policy("x/allow-client-a-via-cidr-egress-rule", labels("pod", "a"),
                  egress(to(ipBlock(s.ip("x/b") + "/32")))));
              s.check(80, TCP, e -> e.expectAllEgress("x/a", false).expect("x/a", "x/b", true));
            }),
        scenario("ipBlock with except on ingress: every pod but the excepted one gets in",
            s -> {
              s.apply(policy("x/allow-cidr-but-y-b", labels("pod", "a"),
                  ingress(from(ipBlock(largeCidr(s.ip("y/b")), s.ip("y/b") + "/32")))));
              s.check(80, TCP, e -> e.expect("y/b", "x/a", false));
            }),
        scenario("an ipBlock peer and a podSelector peer of one rule are ORed", s -> {
          s.apply(policy("x/allow-z-c-or-b", labels("pod", "a"),
              ingress(from(ipBlock(s.ip("z/c") + "/32"), pods(labels("pod", "b"))))));
          s.check(80, TCP, e -> e.expectAllIngress("x/a", false)
              .expect("z/c", "x/a", true).expect("x/b", "x/a", true));
        }),
        scenario("default deny all egress, then allow egress to DNS-like ports and to one "
            + "namespace", s -> {
              s.apply(policy("x/default-deny-egress", all(), egress()),
                  policy("x/allow-dns", all(), egress(on(NetworkPolicyPort.of(UDP, 53),
                      NetworkPolicyPort.of(TCP, 53)))));
              s.check(53, UDP, e -> e);
              s.check(53, TCP, e -> e);
              s.check(80, UDP, e -> e.expectPeer(namespace("x"), any(), false));
              s.apply(policy("x/allow-to-z", all(), egress(to(namespaces(labels("ns", "z"))))));
              s.check(80, TCP, e -> e.expectPeer(namespace("x"), any(), false)
                  .expectPeer(namespace("x"), namespace("z"), true));
            }));
  }

  /** Upstream's ingress policy in y on pod {@code pod}: allow from x/a only. */
  private static NetworkPolicy allowFromXaTo(String name, String pod) {
    return policy(name, labels("pod", pod),
        ingress(from(podsIn(labels("pod", "a"), namespaceNamed("x")))));
  }

  /** x/a may send to a large block around x/b's IP, except x/b itself. */
  private static NetworkPolicy exceptPodB(ScenarioRun s) {
    String ip = s.ip("x/b");
    return policy("x/allow-client-a-via-cidr-egress-rule", labels("pod", "a"),
        egress(to(ipBlock(largeCidr(ip), ip + "/32"))));
  }

  /**
   * {@return a large CIDR around an IPv4 address, its first octet's /8} (upstream's {@code
   * makeLargeCIDRForIP} takes a /4; any block holding every pod IP serves)
   */
  private static String largeCidr(String ip) {
    return ip.substring(0, ip.indexOf('.')) + ".0.0.0/8";
  }
}

package io.kubenetsim.core.policy;

import static io.kubenetsim.core.policy.EngineFixture.NODE_2;
import static io.kubenetsim.core.policy.EnginePolicies.anyPort;
import static io.kubenetsim.core.policy.EnginePolicies.block;
import static io.kubenetsim.core.policy.EnginePolicies.egress;
import static io.kubenetsim.core.policy.EnginePolicies.ingress;
import static io.kubenetsim.core.policy.EnginePolicies.namespaces;
import static io.kubenetsim.core.policy.EnginePolicies.rule;
import static io.kubenetsim.core.policy.EnginePolicies.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.Lists;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.net.PolicyCheck;
import io.kubenetsim.net.PolicyDirection;
import io.kubenetsim.net.Protocol;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a check says, word for word: the allowing rule, or for a denial each rule's missing
 * port or peer, each selecting policy without rules, then the policies and the peer — the same
 * text whatever order the policies were written in.
 */
class EngineReasonsTest {

  private static final NetworkPolicy ALLOW_80 = ingress("x/allow-80", "pod=a",
      rule(List.of(tcp(80))));

  @Test
  void aDenialNamesThePortTheRuleLacksAndThePeer() {
    // The example: x/allow-80 allows port 80 from anyone; 81 from y/b is denied.
    EngineFixture f = EngineFixture.layout().apply(ALLOW_80).settle();
    List<PolicyCheck> checks = f.check(f.address("y/b"), f.address("x/a"), 81, Protocol.TCP);
    assertEquals(PolicyCheck.of(PolicyDirection.INGRESS, "x/a", List.of("x/allow-80"), false,
        Optional.empty(), "port 81/TCP not in ingress[0].ports of x/allow-80; no rule of "
            + "x/allow-80 allows 10.244.2.21 (y/b) on 81/TCP"), checks.get(1));
  }

  @Test
  void anAllowedCheckNamesItsRule() {
    EngineFixture f = EngineFixture.layout().apply(ALLOW_80).settle();
    PolicyCheck ingress = f.check(f.address("y/b"), f.address("x/a"), 80, Protocol.TCP).get(1);
    assertEquals(PolicyCheck.of(PolicyDirection.INGRESS, "x/a", List.of("x/allow-80"), true,
        Optional.of("x/allow-80 ingress[0]"), "allowed by x/allow-80 ingress[0]"), ingress);
  }

  @Test
  void anUnisolatedCheckSaysNoPolicySelectsThePod() {
    EngineFixture f = EngineFixture.layout().apply(ALLOW_80).settle();
    PolicyCheck egress = f.check(f.address("y/b"), f.address("x/a"), 80, Protocol.TCP).get(0);
    assertEquals(PolicyCheck.notIsolated(PolicyDirection.EGRESS, "y/b"), egress);
    assertEquals("no NetworkPolicy selects y/b for egress", egress.reason());
  }

  @Test
  void aDenialWalksEveryRuleOfEveryPolicy() {
    // Two policies select x/a: one without rules; one whose first rule lacks the port and
    // whose second has the port but not the peer (a node's address is in no namespace).
    EngineFixture f = EngineFixture.layout();
    writeInOrder(f, List.of(ingress("x/from-y", "", rule(List.of(tcp(81))),
        rule(List.of(tcp(80)), namespaces("ns=y"))), ingress("x/deny", "")));
    PolicyCheck ingress = f.check(NODE_2, f.address("x/a"), 80, Protocol.TCP).get(0);
    assertEquals("x/deny has no ingress rules; port 80/TCP not in ingress[0].ports of x/from-y; "
        + "172.18.0.3 (node node-2) not in ingress[1].from of x/from-y; no rule of x/deny, "
        + "x/from-y allows 172.18.0.3 (node node-2) on 80/TCP", ingress.reason());
    assertEquals(List.of("x/deny", "x/from-y"), ingress.policies());
  }

  @Test
  void aLongDenialNamesEightRulesAndCountsTheRest() {
    // Ten deny-all policies select x/a: the reason names eight and counts two; the check's
    // policies still list all ten.
    EngineFixture f = EngineFixture.layout();
    for (int i = 0; i < 10; i++) {
      f.apply(ingress("x/deny-" + i, ""));
    }
    PolicyCheck ingress = f.settle().check(NODE_2, f.address("x/a"), 80, Protocol.TCP).get(0);
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      expected.append("x/deny-").append(i).append(" has no ingress rules; ");
    }
    expected.append("(2 more); no rule of x/deny-0, x/deny-1, x/deny-2, x/deny-3, x/deny-4, "
        + "x/deny-5, x/deny-6, x/deny-7 (and 2 more policies) allows 172.18.0.3 (node node-2) on 80/TCP");
    assertEquals(expected.toString(), ingress.reason());
    assertEquals(10, ingress.policies().size());
  }

  @Test
  void anEgressDenialNamesTheDestination() {
    EngineFixture f = EngineFixture.layout()
        .apply(egress("y/to-x", "", anyPort(namespaces("ns=x")), anyPort(block("10.0.0.0/8"))))
        .settle();
    PolicyCheck egress = f.check(f.address("y/b"), "203.0.113.7", 443, Protocol.TCP).get(0);
    assertEquals("203.0.113.7 not in egress[0].to of y/to-x; 203.0.113.7 not in egress[1].to "
        + "of y/to-x; no rule of y/to-x allows 203.0.113.7 on 443/TCP", egress.reason());
  }

  @Test
  void theSameChecksWhateverOrderPoliciesAreWrittenIn() {
    // Reasons and policy lists are sorted by name, never by arrival or hash order.
    List<NetworkPolicy> policies = List.of(ingress("x/deny", ""), ALLOW_80,
        ingress("x/from-y", "", rule(List.of(tcp(81)), namespaces("ns=y"))),
        ingress("x/a-first", "pod=a", rule(List.of(tcp(82)))));
    EngineFixture forward = EngineFixture.layout();
    writeInOrder(forward, policies);
    EngineFixture backward = EngineFixture.layout();
    writeInOrder(backward, Lists.reverse(policies));
    for (int port : new int[] {80, 81, 82, 83}) {
      assertEquals(forward.check(NODE_2, forward.address("x/a"), port, Protocol.TCP),
          backward.check(NODE_2, backward.address("x/a"), port, Protocol.TCP));
    }
  }

  private static void writeInOrder(EngineFixture f, List<NetworkPolicy> policies) {
    policies.forEach(f::apply);
    f.settle();
  }
}

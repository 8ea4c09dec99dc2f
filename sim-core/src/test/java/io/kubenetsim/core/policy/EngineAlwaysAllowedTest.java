package io.kubenetsim.core.policy;

import static io.kubenetsim.core.policy.EngineFixture.NODE_1;
import static io.kubenetsim.core.policy.EngineFixture.NODE_2;
import static io.kubenetsim.core.policy.EnginePolicies.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.net.PolicyCheck;
import io.kubenetsim.net.PolicyDirection;
import io.kubenetsim.net.Protocol;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Traffic no policy can block, after the NetworkPolicy page ("traffic to and from the node
 * where a Pod is running is always allowed, regardless of the IP address of the Pod or the
 * node"; the {@code spec.ingress} comment's "the traffic source is the pod's local node"), a
 * pod's traffic with itself, and hostNetwork pods, which policies neither isolate nor select
 * ("NetworkPolicy and hostNetwork pods"). Every test isolates x's pods both ways with a
 * deny-all policy, so anything allowed is allowed by these rules alone.
 */
class EngineAlwaysAllowedTest {

  private static final List<String> DENY = List.of("x/deny-all");

  private static EngineFixture denyAllInX() {
    EngineFixture f = EngineFixture.layout()
        .hostNetworkPod("y/h1", "pod=h", "node-1", NODE_1)
        .hostNetworkPod("x/h2", "pod=h", "node-2", NODE_2);
    f.apply(policy("x/deny-all", "", List.of("Ingress", "Egress"), List.of(), List.of()));
    return f.settle();
  }

  @Test
  void aNodeReachesItsOwnPodsButNotOthers() {
    // x/a runs on node-1: its address is always let in; node-2's is ordinary traffic, denied.
    EngineFixture f = denyAllInX();
    assertEquals(List.of(PolicyCheck.of(PolicyDirection.INGRESS, "x/a", DENY, true,
        Optional.empty(), "traffic from its own node node-1 is always allowed")),
        f.check(NODE_1, f.address("x/a"), 80, Protocol.TCP));
    assertEquals("ingress x/a [x/deny-all] denied",
        EngineFixture.summary(f.check(NODE_2, f.address("x/a"), 80, Protocol.TCP)));
  }

  @Test
  void aHostNetworkPodIsItsNodeForPolicy() {
    // y/h1 shares node-1's address: it reaches x/a (same node) but not x/b (node-2), and has
    // no egress check of its own.
    EngineFixture f = denyAllInX();
    assertEquals("ingress x/a [x/deny-all] allowed",
        EngineFixture.summary(f.check(f.address("y/h1"), f.address("x/a"), 80, Protocol.TCP)));
    assertEquals("ingress x/b [x/deny-all] denied",
        EngineFixture.summary(f.check(f.address("y/h1"), f.address("x/b"), 80, Protocol.TCP)));
  }

  @Test
  void aPodReachesItsOwnNodeButNotOthers() {
    // x/a (node-1) under deny-all egress: node-1's address and the hostNetwork pod on it are
    // its own node; node-2 and x/h2 (on node-2) are not.
    EngineFixture f = denyAllInX();
    assertEquals(List.of(PolicyCheck.of(PolicyDirection.EGRESS, "x/a", DENY, true,
        Optional.empty(), "traffic to its own node node-1 is always allowed")),
        f.check(f.address("x/a"), NODE_1, 10250, Protocol.TCP));
    assertEquals("egress x/a [x/deny-all] allowed",
        EngineFixture.summary(f.check(f.address("x/a"), f.address("y/h1"), 80, Protocol.TCP)));
    assertEquals("egress x/a [x/deny-all] denied",
        EngineFixture.summary(f.check(f.address("x/a"), NODE_2, 10250, Protocol.TCP)));
    assertEquals("egress x/a [x/deny-all] denied",
        EngineFixture.summary(f.check(f.address("x/a"), f.address("x/h2"), 80, Protocol.TCP)));
  }

  @Test
  void aPodAlwaysReachesItself() {
    // x/a to x/a (a hairpin through its own Service ends here): both checks allow it, and say
    // why, though x/a is isolated both ways.
    EngineFixture f = denyAllInX();
    String why = "traffic between a pod and itself is always allowed";
    assertEquals(List.of(
        PolicyCheck.of(PolicyDirection.EGRESS, "x/a", DENY, true, Optional.empty(), why),
        PolicyCheck.of(PolicyDirection.INGRESS, "x/a", DENY, true, Optional.empty(), why)),
        f.check(f.address("x/a"), f.address("x/a"), 80, Protocol.TCP));
  }

  @Test
  void aHostNetworkPodIsNeverIsolatedNorChecked() {
    // x/h2 is in x, which deny-all selects entirely: traffic to and from its address (node-2's)
    // still gets no check for it — y/b's own egress is the only one, and not isolated.
    EngineFixture f = denyAllInX();
    assertEquals("egress y/b open allowed",
        EngineFixture.summary(f.check(f.address("y/b"), f.address("x/h2"), 80, Protocol.TCP)));
    assertEquals("ingress y/b open allowed",
        EngineFixture.summary(f.check(f.address("x/h2"), f.address("y/b"), 80, Protocol.TCP)));
  }
}

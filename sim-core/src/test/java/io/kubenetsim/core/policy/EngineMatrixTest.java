package io.kubenetsim.core.policy;

import static io.kubenetsim.core.policy.EngineFixture.NODE_1;
import static io.kubenetsim.core.policy.EngineFixture.PODS;
import static io.kubenetsim.core.policy.EnginePolicies.anyPort;
import static io.kubenetsim.core.policy.EnginePolicies.egress;
import static io.kubenetsim.core.policy.EnginePolicies.ingress;
import static io.kubenetsim.core.policy.EnginePolicies.namespaces;
import static io.kubenetsim.core.policy.EnginePolicies.policy;
import static io.kubenetsim.core.policy.EnginePolicies.rule;
import static io.kubenetsim.core.policy.EnginePolicies.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.NetworkPolicyPort;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.Reachability;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reachability tables over the e2e layout, each asserted whole against an expectation built
 * the way upstream's e2e suite builds its truth tables: default deny into x with an allow from
 * y on one port; an egress rule with a named port that resolves per destination; hostNetwork
 * pods as rows and columns; and a clear error for a pod the engine does not know.
 */
class EngineMatrixTest {

  @Test
  void denyIntoXExceptFromYOnPort80() {
    // Upstream's "should allow ingress access from namespace on one named port"-style shape
    // with a numeric port: into x only y, on 80 only; a pod reaches itself anyway.
    EngineFixture f = EngineFixture.layout();
    f.apply(ingress("x/deny", "")).apply(ingress("x/from-y", "",
        rule(List.of(tcp(80)), namespaces("ns=y")))).settle();
    Reachability.Builder on80 = Reachability.expect(PODS, PODS, 80, Protocol.TCP, true);
    Reachability.Builder on81 = Reachability.expect(PODS, PODS, 81, Protocol.TCP, true);
    for (String x : List.of("x/a", "x/b", "x/c")) {
      on80.denyTo(x);
      on81.denyTo(x);
      for (String y : List.of("y/a", "y/b", "y/c")) {
        on80.allow(y, x);
      }
    }
    assertMatrix(on80.allowSelf().build(), f.matrix(PODS, 80, Protocol.TCP));
    assertMatrix(on81.allowSelf().build(), f.matrix(PODS, 81, Protocol.TCP));
  }

  @Test
  void anEgressNamedPortResolvesPerDestination() {
    // y/b may send only to "serve-81-tcp": 81 on the layout's pods, 8081 on x/d.
    EngineFixture f = EngineFixture.layout().pod("x/d", "pod=d", "node-2", "10.244.2.14",
        new ContainerPort("serve-81-tcp", 8081, Protocol.TCP, 0));
    f.apply(egress("y/p", "pod=b", rule(List.of(NetworkPolicyPort.named(Protocol.TCP,
        "serve-81-tcp"))))).settle();
    List<String> pods = new ArrayList<>(PODS);
    pods.add("x/d");
    assertMatrix(Reachability.expect(pods, pods, 81, Protocol.TCP, true).deny("y/b", "x/d")
        .build(), f.matrix(pods, 81, Protocol.TCP));
    assertMatrix(Reachability.expect(pods, pods, 8081, Protocol.TCP, true).denyFrom("y/b")
        .allow("y/b", "x/d").allow("y/b", "y/b").build(), f.matrix(pods, 8081, Protocol.TCP));
  }

  @Test
  void hostNetworkPodsAreTheirNodes() {
    // x is deny-all both ways. x/h (hostNetwork, node-1) is not isolated itself: it reaches
    // and is reached by pods on node-1 (own node), not x/b on node-2; y and z are open to it.
    EngineFixture f = EngineFixture.layout().hostNetworkPod("x/h", "pod=a", "node-1", NODE_1);
    f.apply(policy("x/deny", "", List.of("Ingress", "Egress"), List.of(), List.of())).settle();
    List<String> pods = List.of("x/a", "x/b", "x/h", "y/a");
    assertMatrix(Reachability.expect(pods, pods, 80, Protocol.TCP, true)
        .denyFrom("x/a").denyFrom("x/b").denyTo("x/a").denyTo("x/b").allowSelf()
        .allow("x/a", "x/h").allow("x/h", "x/a").build(), f.matrix(pods, 80, Protocol.TCP));
  }

  @Test
  void theMatrixMatchesTheChecksOfEachCell() {
    // The same question asked both ways on a mixed policy set: 81 cells, every one equal.
    EngineFixture f = EngineFixture.layout();
    f.apply(ingress("x/from-y", "", anyPort(namespaces("ns=y"))))
        .apply(egress("z/to-x", "pod=c", anyPort(namespaces("ns=x")))).settle();
    Reachability matrix = f.matrix(PODS, 80, Protocol.TCP);
    Reachability cells = Reachability.of(80, Protocol.TCP, PODS, PODS,
        (s, d) -> f.allowed(f.address(s), f.address(d), 80));
    assertMatrix(cells, matrix);
    // Into x: from y's 3 pods and from itself (9 + 3); into y and z: from the 8 pods other
    // than z/c, and z/c to itself (48 + 1).
    assertEquals(61, matrix.allowedCount(), matrix.toString());
  }

  @Test
  void aPodTheEngineHasNotSeenIsAnError() {
    EngineFixture f = EngineFixture.layout();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> f.engine.reachability(List.of(NamespacedName.parse("x/a")),
            List.of(NamespacedName.parse("x/nope")), 80, Protocol.TCP));
    assertEquals("to pod x/nope is not in the NetworkPolicy engine's view (not created yet, "
        + "deleted, or its informer has not delivered it)", e.getMessage());
  }

  private static void assertMatrix(Reachability expected, Reachability actual) {
    assertEquals(List.of(), actual.differences(expected), actual.diff(expected));
  }
}

package io.kubenetsim.core.policy;

import static io.kubenetsim.core.policy.EnginePolicies.anyPort;
import static io.kubenetsim.core.policy.EnginePolicies.ingress;
import static io.kubenetsim.core.policy.EnginePolicies.namespaces;
import static io.kubenetsim.core.policy.EnginePolicies.podsIn;
import static io.kubenetsim.core.policy.EnginePolicies.rule;
import static io.kubenetsim.core.policy.EnginePolicies.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The engine follows changes as its informers deliver them, and not before: each test writes
 * one change into the store, sees the old verdict until the informer lag has all but passed,
 * and the new one once it has — a relabelled pod or namespace, an updated or deleted policy, a
 * deleted pod, a pod that changed IP, a namespace created after the policy.
 */
class EngineIncrementalUpdatesTest {

  private static final Duration JUST_BEFORE = EngineFixture.LAG.minusMillis(1);

  /** Writes {@code change}; {@code verdict} must read {@code before}, then {@code after}. */
  private static void assertChangesAfterLag(EngineFixture f, Runnable change,
      Supplier<Object> verdict, Object before, Object after) {
    assertEquals(before, verdict.get(), "before the change");
    change.run();
    f.sim.runFor(JUST_BEFORE);
    assertEquals(before, verdict.get(), "1 ms before the informer delivers the change");
    f.sim.runFor(Duration.ofMillis(1));
    assertEquals(after, verdict.get(), "once the informer has delivered it");
  }

  private static EngineFixture withPolicy(String podsInNamespace) {
    EngineFixture f = EngineFixture.layout();
    f.apply(ingress("x/p", "pod=a", anyPort(podsIn(podsInNamespace, "ns=y")))).settle();
    return f;
  }

  @Test
  void relabellingASourcePodChangesWhatItMayReach() {
    EngineFixture f = withPolicy("pod=c");
    assertChangesAfterLag(f, () -> f.relabelPod("y/b", "pod=c"),
        () -> f.allowed(f.address("y/b"), f.address("x/a"), 80), false, true);
    assertChangesAfterLag(f, () -> f.relabelPod("y/b", "pod=b"),
        () -> f.allowed(f.address("y/b"), f.address("x/a"), 80), true, false);
  }

  @Test
  void relabellingADestinationPodIsolatesItOrFreesIt() {
    EngineFixture f = withPolicy("pod=c");
    assertChangesAfterLag(f, () -> f.relabelPod("x/b", "pod=a"),
        () -> f.checks("z/b", "x/b", 80, Protocol.TCP),
        "egress z/b open allowed; ingress x/b open allowed",
        "egress z/b open allowed; ingress x/b [x/p] denied");
    assertChangesAfterLag(f, () -> f.relabelPod("x/a", "pod=z"),
        () -> f.allowed(f.address("z/b"), f.address("x/a"), 80), false, true);
  }

  @Test
  void relabellingANamespaceChangesWhichPodsItsSelectorsMatch() {
    // z becomes ns=y: z/c now matches pod=c in ns=y; then y stops being ns=y: y/c no longer.
    EngineFixture f = withPolicy("pod=c");
    assertChangesAfterLag(f, () -> f.relabelNamespace("z", "ns=y"),
        () -> f.allowed(f.address("z/c"), f.address("x/a"), 80), false, true);
    assertChangesAfterLag(f, () -> f.relabelNamespace("y", "ns=old-y"),
        () -> f.allowed(f.address("y/c"), f.address("x/a"), 80), true, false);
  }

  @Test
  void aNamespaceCreatedAfterThePolicyIsMatchedWithItsPods() {
    EngineFixture f = EngineFixture.layout();
    f.apply(ingress("x/p", "", anyPort(namespaces("team=blue")))).settle();
    assertChangesAfterLag(f, () -> {
      f.namespace("blue", "team=blue");
      f.pod("blue/web", "app=web", "node-2", "10.244.2.50");
    }, () -> f.checks("10.244.2.50", "x/a", 80, Protocol.TCP),
        "ingress x/a [x/p] denied",
        "egress blue/web open allowed; ingress x/a [x/p] allowed by x/p ingress[0]");
  }

  @Test
  void updatingAPolicyReplacesItsRules() {
    EngineFixture f = EngineFixture.layout();
    f.apply(ingress("x/p", "", rule(List.of(tcp(80))))).settle();
    Supplier<Object> on80and81 = () -> List.of(f.allowed(f.address("y/b"), f.address("x/a"),
        80), f.allowed(f.address("y/b"), f.address("x/a"), 81));
    assertChangesAfterLag(f, () -> f.apply(ingress("x/p", "", rule(List.of(tcp(81))))),
        on80and81, List.of(true, false), List.of(false, true));
  }

  @Test
  void updatingAPolicySelectorMovesIsolation() {
    EngineFixture f = EngineFixture.layout();
    f.apply(ingress("x/p", "pod=a")).settle();
    Supplier<Object> isolated = () -> List.of(
        f.allowed(f.address("y/b"), f.address("x/a"), 80),
        f.allowed(f.address("y/b"), f.address("x/b"), 80));
    assertChangesAfterLag(f, () -> f.apply(ingress("x/p", "pod=b")), isolated,
        List.of(false, true), List.of(true, false));
  }

  @Test
  void deletingAPolicyRestoresWhatItIsolated() {
    // Two policies share a selector ({} in x); deleting one leaves the other's sets intact.
    EngineFixture f = EngineFixture.layout();
    f.apply(ingress("x/deny", "")).apply(ingress("x/from-y", "", anyPort(namespaces("ns=y"))))
        .settle();
    assertChangesAfterLag(f, () -> f.deletePolicy("x/from-y"),
        () -> f.checks("y/b", "x/a", 80, Protocol.TCP),
        "egress y/b open allowed; ingress x/a [x/deny, x/from-y] allowed by x/from-y "
            + "ingress[0]",
        "egress y/b open allowed; ingress x/a [x/deny] denied");
    assertChangesAfterLag(f, () -> f.deletePolicy("x/deny"),
        () -> f.checks("y/b", "x/a", 80, Protocol.TCP),
        "egress y/b open allowed; ingress x/a [x/deny] denied",
        "egress y/b open allowed; ingress x/a open allowed");
  }

  @Test
  void aDeletedPodIsNoLongerAPeer() {
    // Once y/c is gone its IP belongs to no pod: no egress check, and no namespace peer match.
    EngineFixture f = withPolicy("pod=c");
    String yc = f.address("y/c");
    assertChangesAfterLag(f, () -> f.deletePod("y/c"),
        () -> f.checks(yc, "x/a", 80, Protocol.TCP),
        "egress y/c open allowed; ingress x/a [x/p] allowed by x/p ingress[0]",
        "ingress x/a [x/p] denied");
  }

  @Test
  void aPodThatChangesIpIsFoundAtItsNewAddressOnly() {
    EngineFixture f = withPolicy("pod=c");
    String oldIp = f.address("x/a");
    Supplier<Object> both = () -> List.of(f.checks("y/b", oldIp, 80, Protocol.TCP),
        f.checks("y/b", "10.244.1.99", 80, Protocol.TCP));
    assertChangesAfterLag(f, () -> f.bind("x/a", "node-1", "10.244.1.99"), both,
        List.of("egress y/b open allowed; ingress x/a [x/p] denied", "egress y/b open allowed"),
        List.of("egress y/b open allowed", "egress y/b open allowed; ingress x/a [x/p] denied"));
  }

  @Test
  void aNewPodInASelectedNamespaceIsMatchedOnArrival() {
    EngineFixture f = withPolicy("pod=c");
    assertChangesAfterLag(f, () -> f.pod("y/c2", "pod=c", "node-2", "10.244.2.60"),
        () -> f.checks("10.244.2.60", "x/a", 80, Protocol.TCP),
        "ingress x/a [x/p] denied",
        "egress y/c2 open allowed; ingress x/a [x/p] allowed by x/p ingress[0]");
  }
}

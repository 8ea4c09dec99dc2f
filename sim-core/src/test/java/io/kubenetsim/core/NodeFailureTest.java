package io.kubenetsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.NodeHandle;
import io.kubenetsim.PodHandle;
import io.kubenetsim.model.ConditionStatus;
import io.kubenetsim.model.Taint;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeFailureTest {

  private static boolean terminating(PodHandle p) {
    return p.get().metadata().isTerminating();
  }

  private static ConditionStatus readyCondition(NodeHandle node) {
    return node.get().status().condition("Ready").orElseThrow().status();
  }

  @Test
  void aFailedNodesPodsAreEvictedReplacedElsewhereAndCollectedOnceTheNodeIsRemoved() {
    // Proves the whole node-failure timeline on virtual time: Ready stays True for the 50 s
    // node-monitor grace period, then Unknown with unreachable taints and pods marked not
    // ready; after the 300 s toleration the pods are deleted (Terminating) and replaced on the
    // other nodes; they stay Terminating while the node is gone silent, and the pod GC removes
    // them 40 s after the Node object is deleted.
    Cluster c = KubeSim.cluster().nodes(3).seed(5).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(6).label("app", "web").create();
    c.settle();
    NodeHandle node = c.node(c.pods("shop", "app=web").get(0).node().orElseThrow());
    List<PodHandle> doomed = node.pods();
    assertFalse(doomed.isEmpty());

    node.fail();

    c.runFor(Duration.ofSeconds(49));
    assertEquals(ConditionStatus.TRUE, readyCondition(node), "Ready until the grace period ends");
    assertTrue(doomed.stream().allMatch(PodHandle::isReady), Diagnostics.context(c));

    c.runFor(Duration.ofSeconds(2));
    assertEquals(ConditionStatus.UNKNOWN, readyCondition(node), Diagnostics.context(c));
    assertTrue(node.get().spec().taints().contains(new Taint(Taint.UNREACHABLE, "", "NoExecute")),
        "tainted unreachable: " + node.get().spec().taints());
    assertTrue(doomed.stream().noneMatch(PodHandle::isReady), "pods on it marked not ready");
    assertTrue(doomed.stream().noneMatch(NodeFailureTest::terminating), "but not evicted yet");

    c.runFor(Duration.ofSeconds(298)); // +349 s: one second before the toleration ends
    assertTrue(doomed.stream().noneMatch(NodeFailureTest::terminating),
        "evicted before the toleration ran out" + Diagnostics.context(c));

    c.runFor(Duration.ofSeconds(2)); // +351 s
    assertTrue(doomed.stream().allMatch(NodeFailureTest::terminating),
        "evicted once the toleration ran out" + Diagnostics.context(c));

    c.settle();
    List<PodHandle> live = c.pods("shop", "app=web").stream().filter(p -> !terminating(p))
        .toList();
    assertEquals(6, live.size(), Diagnostics.context(c));
    assertTrue(live.stream().allMatch(PodHandle::isReady), Diagnostics.context(c));
    assertTrue(live.stream().noneMatch(p -> p.node().orElseThrow().equals(node.name())),
        "replacements must avoid the failed node" + Diagnostics.context(c));
    assertTrue(doomed.stream().allMatch(PodHandle::exists),
        "with the kubelet silent nobody confirms the deletion: the pods stay Terminating");

    node.remove();
    c.runFor(Duration.ofSeconds(39));
    assertTrue(doomed.stream().allMatch(PodHandle::exists), "pod GC waits out its quarantine");
    c.settle();
    assertTrue(doomed.stream().noneMatch(PodHandle::exists), Diagnostics.context(c));
    assertEquals(doomed.size(), c.events().ofKind("PodGCOrphaned").size());
    assertEquals(6, c.pods("shop", "app=web").size(), Diagnostics.context(c));
  }

  @Test
  void aNodeThatRecoversBeforeTheTolerationKeepsItsPods() {
    // Proves eviction is cancelled by recovery: the same pods run on, Ready again, and the
    // unreachable taints are lifted.
    Cluster c = KubeSim.cluster().nodes(2).seed(6).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(4).label("app", "web").create();
    c.settle();
    NodeHandle node = c.node("node-1");
    List<PodHandle> pods = node.pods();
    assertFalse(pods.isEmpty(), Diagnostics.context(c));

    node.fail();
    c.runFor(Duration.ofSeconds(120));
    assertEquals(ConditionStatus.UNKNOWN, readyCondition(node));
    node.recover();
    c.settle();

    assertTrue(node.isReady(), Diagnostics.context(c));
    assertTrue(node.get().spec().taints().isEmpty(), "taints: " + node.get().spec().taints());
    assertTrue(pods.stream().allMatch(p -> p.exists() && p.isReady() && !terminating(p)),
        Diagnostics.context(c));
    assertEquals(0, c.events().ofKind("TaintManagerEviction").size());
  }

  @Test
  void aStoppedNodesKubeProxyKeepsItsRulesUntilTheFirstSyncAfterItRecovers() {
    // A stopped kubelet's node runs no kube-proxy sync: its rules stay those of the last sync
    // it took, while the running nodes move on; once it recovers it takes the next sync.
    Cluster c = KubeSim.cluster().nodes(3).seed(5).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(2).label("app", "web").create();
    c.service("shop/web").selector("app", "web").port(80).create();
    c.settle();
    NodeHandle stopped = c.node("node-2");
    NodeHandle running = c.node("node-1");
    long before = stopped.proxy().syncedVersion();
    assertEquals(before, running.proxy().syncedVersion());
    stopped.fail();
    c.service("shop/api").selector("app", "web").port(81).create();
    c.settle();
    assertTrue(running.proxy().syncedVersion() > before, "the running node synced");
    assertEquals(before, stopped.proxy().syncedVersion(), "the stopped node did not");
    stopped.recover();
    assertEquals(before, stopped.proxy().syncedVersion(), "recovering is not a sync");
    c.service("shop/db").selector("app", "web").port(82).create();
    c.settle();
    assertEquals(running.proxy().syncedVersion(), stopped.proxy().syncedVersion(),
        "the first sync after recovery reaches it");
  }
}

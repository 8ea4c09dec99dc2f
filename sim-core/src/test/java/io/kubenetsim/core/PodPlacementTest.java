package io.kubenetsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.event.SimEvent;
import io.kubenetsim.model.Condition;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.NodeAddress;
import io.kubenetsim.model.NodeStatus;
import io.kubenetsim.model.NodeSystemInfo;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.NodeSpec;
import io.kubenetsim.model.PodPhase;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodPlacementTest {

  /** {@return a node that fits {@code capacity} pods} */
  private static Node smallNode(String name, String ip, int capacity) {
    return new Node(ObjectMeta.named(name), NodeSpec.empty(), new NodeStatus(
        ImmutableList.of(new NodeAddress(NodeAddress.INTERNAL_IP, ip),
            new NodeAddress(NodeAddress.HOSTNAME, name)),
        capacity, ImmutableList.of(), NodeSystemInfo.simulated()));
  }

  private static boolean inPodCidr(Cluster c, PodHandle pod) {
    Cidr cidr = Cidr.parse(c.node(pod.node().orElseThrow()).podCIDR().orElseThrow());
    return cidr.contains(IpAddress.parse(pod.ip().orElseThrow()));
  }

  @Test
  void aPodWithSpecNodeNameRunsThereWithoutTheScheduler() {
    // Proves spec.nodeName bypasses kube-scheduler: the pod runs on the named node (not the
    // least loaded one, which a full node-2 could never be) and no Scheduled event is written.
    Cluster c = KubeSim.cluster().nodes(3).seed(8).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(3).label("app", "web").create();
    c.settle();
    for (int i = 0; i < 4; i++) {
      c.pod("shop/pinned-" + i).label("app", "pinned").nodeName("node-2").create();
    }
    c.settle();

    for (PodHandle pod : c.pods("shop", "app=pinned")) {
      assertEquals("node-2", pod.node().orElseThrow(), pod.toString());
      assertTrue(pod.isReady(), pod.toString());
      assertTrue(inPodCidr(c, pod), pod + " outside node-2's podCIDR");
      assertEquals(0, c.events().about(pod.ref()).ofKind("Scheduled").size());
    }
  }

  @Test
  void aHostNetworkPodTakesItsNodesIp() {
    // Proves hostNetwork: the pod IP is the node's InternalIP, not one from the pod CIDR, and
    // it takes no address from the node's pod range.
    Cluster c = KubeSim.cluster().nodes(2).seed(9).build();
    PodHandle agent = c.pod("kube-system/agent").label("app", "agent").hostNetwork(true)
        .nodeName("node-1").create();
    PodHandle normal = c.pod("default/normal").label("app", "normal").nodeName("node-1").create();
    c.settle();

    assertEquals(c.node("node-1").internalIP(), agent.ip(), Diagnostics.context(c));
    assertEquals("172.18.0.2", agent.ip().orElseThrow());
    assertEquals(agent.get().status().hostIP(), agent.ip().orElseThrow());
    assertEquals("10.244.0.2", normal.ip().orElseThrow(),
        "the host-network pod must not have used .2 of the node's range");
  }

  @Test
  void podsStayPendingWithFailedSchedulingUntilANodeHasRoom() {
    // Proves the scheduler's capacity filter and its retry: with one node that fits one pod,
    // the second pod stays Pending (PodScheduled=False, Unschedulable) with kube-scheduler's
    // message; adding a node makes it schedule and run there. Without CoreDNS, whose pods
    // would take the one-pod nodes first.
    Cluster c = KubeSim.cluster().nodes(0).seed(10).coreDnsReplicas(0).build();
    c.apply(smallNode("small-1", "172.18.0.10", 1));
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(2).label("app", "web").create();
    c.settle();

    List<PodHandle> pods = c.pods("shop", "app=web");
    assertEquals(2, pods.size(), Diagnostics.context(c));
    PodHandle pending = pods.stream().filter(p -> p.node().isEmpty()).findFirst()
        .orElseThrow(() -> new AssertionError("no pod left pending" + Diagnostics.context(c)));
    assertEquals(PodPhase.PENDING, pending.phase());
    Condition scheduled = pending.get().status().condition("PodScheduled").orElseThrow();
    assertEquals("Unschedulable", scheduled.reason());
    List<SimEvent> failures = c.events().about(pending.ref()).ofKind("FailedScheduling").asList();
    assertEquals(1, failures.size(), "one FailedScheduling event, not one per retry");
    assertEquals("0/1 nodes are available: 1 Too many pods.", failures.get(0).detail());

    c.apply(smallNode("small-2", "172.18.0.11", 1));
    c.settle();

    assertEquals("small-2", pending.node().orElse("<none>"), Diagnostics.context(c));
    assertTrue(pending.isReady(), Diagnostics.context(c));
    assertTrue(inPodCidr(c, pending));
  }

  @Test
  void podsBeyondTheDefaultCapacityOf110PerNodeStayPending() {
    // Proves kubelet's default maxPods: 2 nodes hold 220 pods (two of them CoreDNS's, which
    // kubeadm's addon runs on every cluster); the rest stay Pending.
    Cluster c = KubeSim.cluster().nodes(2).seed(12).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(225).label("app", "web").create();
    c.settle();
    List<PodHandle> pods = c.pods("shop", "app=web");
    assertEquals(225, pods.size());
    assertEquals(218, pods.stream().filter(PodHandle::isReady).count(), Diagnostics.context(c, 5));
    assertEquals(7, pods.stream().filter(p -> p.node().isEmpty()).count());
    assertEquals(2, c.pods("kube-system", "k8s-app=kube-dns").size());
    assertEquals(110, c.node("node-1").pods().size());
    assertEquals(110, c.node("node-2").pods().size());
  }
}

package io.kubenetsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.NodeHandle;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.model.Condition;
import io.kubenetsim.model.ConditionStatus;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.Probe;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What happens to the pods of a node whose kubelet goes silent, as upstream's node lifecycle
 * controller ({@code monitorNodeHealth} calling {@code MarkPodsNotReady} in
 * pkg/controller/util/node/controller_utils.go) and the kubelet's status manager
 * ({@code updateLastTransitionTime}) leave them, and how kubectl's {@code printPod} then shows
 * them.
 */
class PodReadinessOnNodeFailureTest {
  private static final Duration GRACE = Duration.ofSeconds(50);
  private Cluster c;
  private ServiceHandle web;
  private NodeHandle node;

  @BeforeEach
  void shop() {
    c = KubeSim.cluster().nodes(2).seed(11).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(4).label("app", "web").containerPort("http", 8080)
        .create();
    web = c.expose("shop/web").port(80).targetPort("http").create();
    c.settle();
    node = c.node("node-1");
    assertFalse(shopPodsOnNode().isEmpty(), Diagnostics.context(c));
    assertTrue(shopPodsOnNode().stream().allMatch(PodHandle::isReady), Diagnostics.context(c));
  }

  /** The test's pods on the failing node (CoreDNS may run there too). */
  private List<PodHandle> shopPodsOnNode() {
    return node.pods().stream().filter(p -> p.ref().namespace().equals("shop")).toList();
  }

  private static Condition ready(Pod pod) {
    return pod.status().condition("Ready").orElseThrow(() -> new AssertionError(
        "no Ready condition: " + pod.status().conditions()));
  }

  private Optional<Endpoint> endpointOf(PodHandle pod) {
    String ip = pod.ip().orElseThrow();
    return web.slices().stream().flatMap(s -> s.endpoints().stream())
        .filter(e -> e.addresses().contains(ip)).findFirst();
  }

  @Test
  void markPodsNotReadyFlipsOnlyTheReadyConditionsStatus() {
    // MarkPodsNotReady copies the pod's Ready condition, sets its status to False and writes
    // it back through UpdatePodCondition: reason and message stay what the kubelet wrote (empty
    // for a ready pod), lastTransitionTime becomes the moment of marking, and every other
    // condition and all container statuses are left exactly as they were.
    List<PodHandle> pods = shopPodsOnNode();
    List<Pod> before = pods.stream().map(PodHandle::get).toList();
    Instant failedAt = c.now();
    node.fail();
    c.runFor(GRACE.plusSeconds(1));

    for (int i = 0; i < pods.size(); i++) {
      Pod was = before.get(i);
      Pod now = pods.get(i).get();
      Condition readyNow = ready(now);
      assertEquals(ConditionStatus.FALSE, readyNow.status(), now.toString());
      assertEquals(ready(was).reason(), readyNow.reason(), "reason kept");
      assertEquals(ready(was).message(), readyNow.message(), "message kept");
      assertEquals(failedAt.plus(GRACE), readyNow.lastTransitionTime(), "marked at grace end");
      assertEquals(was.status().conditions().stream().filter(k -> !k.type().equals("Ready"))
          .toList(), now.status().conditions().stream()
          .filter(k -> !k.type().equals("Ready")).toList(), "other conditions untouched");
      assertEquals(was.status().containerStatuses(), now.status().containerStatuses(),
          "container statuses untouched");
      assertFalse(pods.get(i).isReady(), "PodHandle reads the Ready condition");
    }
    assertEquals(pods.size(), c.events().ofKind("NodeNotReady").forObject(Pod.KIND)
        .inNamespace("shop").size(),
        "one NodeNotReady event per pod: " + c.events().ofKind("NodeNotReady"));
  }

  @Test
  void endpointSlicesListMarkedPodsAsNeitherReadyNorServing() {
    // podToEndpoint derives serving from the pod's Ready condition and ready from serving and
    // not terminating, so once the informers catch up the marked pods' endpoints are both
    // false while the pods on the healthy node stay ready.
    node.fail();
    c.runFor(GRACE.plusSeconds(1));
    for (PodHandle pod : c.pods("shop", "app=web")) {
      Endpoint endpoint = endpointOf(pod).orElseThrow(() -> new AssertionError(pod.name()
          + " missing from " + web.slices()));
      boolean onFailedNode = pod.node().orElseThrow().equals(node.name());
      assertEquals(!onFailedNode, endpoint.conditions().isReady(), endpoint.toString());
      assertEquals(Optional.of(!onFailedNode), endpoint.conditions().serving(),
          endpoint.toString());
    }
  }

  @Test
  void kubectlKeepsCountingRunningReadyContainersButTheJsonShowsReadyFalse() throws IOException {
    // kubectl's printPod takes READY from containerStatuses (ready and running) and STATUS from
    // the phase and container states, which MarkPodsNotReady does not touch: real kubectl
    // still prints 1/1 Running. The change shows in .status.conditions of -o json.
    node.fail();
    c.runFor(GRACE.plusSeconds(1));
    PodHandle pod = shopPodsOnNode().get(0);
    String table = c.kubectl("get pods -n shop").stdout();
    String row = table.lines().filter(l -> l.startsWith(pod.name() + " ")).findFirst()
        .orElseThrow(() -> new AssertionError(pod.name() + " not in\n" + table));
    List<String> cells = List.of(row.trim().split("\\s+"));
    assertEquals(List.of("1/1", "Running"), cells.subList(1, 3), row);

    JsonNode json = new ObjectMapper().readTree(
        c.kubectl("get pod -n shop " + pod.name() + " -o json").stdout());
    JsonNode readyCondition = null;
    for (JsonNode condition : json.path("status").path("conditions")) {
      if (condition.path("type").asText().equals("Ready")) {
        readyCondition = condition;
      }
    }
    assertTrue(readyCondition != null, json.path("status").toString());
    assertEquals("False", readyCondition.path("status").asText(), readyCondition.toString());
    assertTrue(json.path("status").path("containerStatuses").get(0).path("ready").asBoolean(),
        "the container itself still reports ready: " + json.path("status"));
  }

  @Test
  void aPodThatWasNotReadyAlreadyIsNotWrittenAgain() {
    // UpdatePodCondition reports no change when the status is already False, so
    // MarkPodsNotReady neither updates that pod nor records an event for it: the kubelet's own
    // reason (ContainersNotReady) and its transition time survive.
    PodHandle slow = c.pod("shop/slow").label("app", "web").nodeName(node.name())
        .containerPort("http", 8080).readinessProbe(Probe.defaults().withInitialDelaySeconds(600))
        .create();
    c.runFor(Duration.ofSeconds(5)); // running, its probe not passed yet (settle would wait)
    Condition before = ready(slow.get());
    assertEquals(ConditionStatus.FALSE, before.status(), before.toString());
    node.fail();
    c.runFor(GRACE.plusSeconds(1));

    assertEquals(before, ready(slow.get()), "condition untouched");
    assertTrue(c.events().ofKind("NodeNotReady").about(slow.ref()).asList().isEmpty(),
        c.events().about(slow.ref()).toString());
  }

  @Test
  void aNodeThatFailsAgainAfterRecoveringGetsAFullGracePeriodAndToleration() {
    // The node monitor measures the grace period from the last heartbeat, and the taint
    // manager the toleration from the NoExecute taint: a node that recovers and fails again
    // is judged on its second failure alone, not by timers left from the first.
    List<PodHandle> pods = shopPodsOnNode();
    node.fail();
    c.runFor(Duration.ofSeconds(10));
    node.recover();
    c.runFor(Duration.ofSeconds(20));
    Instant secondFailure = c.now();
    node.fail();

    c.runFor(GRACE.minusSeconds(1)); // 79 s after the first failure, 49 s after the second
    assertTrue(node.isReady(), "still within the second grace period" + Diagnostics.context(c));
    assertTrue(pods.stream().allMatch(PodHandle::isReady), Diagnostics.context(c));

    c.runFor(Duration.ofSeconds(2));
    assertFalse(node.isReady(), Diagnostics.context(c));
    assertTrue(pods.stream().noneMatch(PodHandle::isReady), Diagnostics.context(c));
    assertEquals(secondFailure.plus(GRACE), ready(pods.get(0).get()).lastTransitionTime());

    // Toleration: 300 s from the second marking, not from the first.
    c.runFor(Duration.ofSeconds(297));
    assertTrue(pods.stream().noneMatch(p -> p.get().metadata().isTerminating()),
        "evicted early: " + c.events().ofKind("TaintManagerEviction"));
    c.runFor(Duration.ofSeconds(2));
    assertTrue(pods.stream().allMatch(p -> p.get().metadata().isTerminating()),
        Diagnostics.context(c));
  }

  @Test
  void theRecoveredKubeletReportsItsPodsReadyAgainAndSlicesFollow() {
    // A restarted kubelet has no cached status, so its status manager compares the Ready
    // condition it computes from its running, ready containers with the API's (False): the
    // status changes, lastTransitionTime becomes the recovery time, and the EndpointSlice
    // controller lists the endpoints as ready again. ContainersReady never changed, so its
    // transition time is still the original one.
    List<PodHandle> pods = shopPodsOnNode();
    Instant containersReadySince = pods.get(0).get().status().condition("ContainersReady")
        .orElseThrow().lastTransitionTime();
    node.fail();
    c.runFor(Duration.ofSeconds(120));
    assertTrue(pods.stream().noneMatch(PodHandle::isReady), Diagnostics.context(c));
    assertTrue(pods.stream().noneMatch(p -> endpointOf(p).orElseThrow().conditions().isReady()),
        web.slices().toString());

    Instant recoveredAt = c.now();
    node.recover();
    c.settle();
    for (PodHandle pod : pods) {
      Condition readyNow = ready(pod.get());
      assertEquals(ConditionStatus.TRUE, readyNow.status(), pod.get().toString());
      assertEquals(recoveredAt, readyNow.lastTransitionTime(), readyNow.toString());
      assertEquals(containersReadySince, pod.get().status().condition("ContainersReady")
          .orElseThrow().lastTransitionTime());
      assertTrue(endpointOf(pod).orElseThrow().conditions().isReady(), web.slices().toString());
    }
    List<EndpointSlice> slices = web.slices();
    assertEquals(4, slices.stream().flatMap(s -> s.endpoints().stream())
        .filter(e -> e.conditions().isReady()).count(), slices.toString());
  }
}

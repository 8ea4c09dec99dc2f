package io.kubenetsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.DeploymentHandle;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.manifest.ValidationException;
import io.kubenetsim.model.Condition;
import io.kubenetsim.model.ConditionStatus;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodReadinessGate;
import io.kubenetsim.net.HostPort;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pod readiness gates end to end, as upstream's kubelet ({@code GeneratePodReadyCondition} in
 * {@code pkg/kubelet/status/generate.go}) and EndpointSlice controller ({@code podToEndpoint}
 * reads the pod's Ready condition) behave: a gated pod runs with ready containers but is not
 * Ready, and is no ready endpoint, until another controller sets the gate's condition True.
 */
class ReadinessGateTest {

  private static final String GATE = "example.com/lb-ready";
  private static final String MISSING = "corresponding condition of pod readiness gate \""
      + GATE + "\" does not exist.";

  private static Cluster cluster() {
    Cluster c = KubeSim.cluster().nodes(2).seed(7).build();
    c.createNamespace("shop");
    return c;
  }

  private static Condition condition(PodHandle pod, String type) {
    return pod.get().status().condition(type).orElseThrow(() -> new AssertionError(
        "no " + type + " condition on " + pod.get()));
  }

  private static List<Endpoint> sliceEndpoints(ServiceHandle service) {
    return service.slices().stream().flatMap(s -> s.endpoints().stream()).toList();
  }

  @Test
  void aGatedPodIsReadyAndAReadyEndpointOnlyWhileItsConditionIsTrue() {
    // Proves the whole loop: containers ready but Ready False (ReadinessGatesNotReady, upstream's
    // message) and a not-ready endpoint; the condition set True makes the pod Ready and a ready
    // endpoint; set False it is out again, with the message naming the False status.
    Cluster c = cluster();
    PodHandle pod = c.pod("shop/web").label("app", "web").containerPort("http", 8080)
        .readinessGate(GATE).create();
    ServiceHandle web = c.service("shop/web").selector("app", "web")
        .port("", 80, "http").create();
    c.settle();

    assertTrue(condition(pod, "ContainersReady").isTrue(), "containers ready");
    Condition ready = condition(pod, "Ready");
    assertEquals(ConditionStatus.FALSE, ready.status(), "Ready " + ready);
    assertEquals("ReadinessGatesNotReady", ready.reason());
    assertEquals(MISSING, ready.message());
    assertEquals(List.of(), web.endpoints(), "no ready backend while the gate is closed");
    assertEquals(1, sliceEndpoints(web).size(), "the pod is listed, not ready");
    assertFalse(sliceEndpoints(web).get(0).conditions().isReady());

    pod.setCondition(GATE, true);
    assertFalse(pod.isReady(), "the kubelet has not seen the condition yet");
    c.settle();

    assertTrue(pod.isReady(), "Ready once the gate's condition is True: " + pod.get().status());
    assertEquals("", condition(pod, "Ready").reason());
    assertEquals(List.of(HostPort.parse(pod.ip().orElseThrow() + ":8080")), web.endpoints());

    pod.setCondition(GATE, false);
    c.settle();

    ready = condition(pod, "Ready");
    assertEquals(ConditionStatus.FALSE, ready.status());
    assertEquals("the status of pod readiness gate \"" + GATE + "\" is not \"True\", but False",
        ready.message());
    assertTrue(condition(pod, "ContainersReady").isTrue(), "ContainersReady is about containers");
    assertEquals(List.of(), web.endpoints(), "out of the ready endpoints again");
  }

  @Test
  void readyAndStatusColumnsFollowTheContainersAndTheGatesColumnCountsTrueConditions() {
    // Proves printPod's split: READY 1/1 Running while a gate holds the pod back, and the
    // READINESS GATES cell counting gates whose condition is True: 0/2, 1/2, 2/2.
    Cluster c = cluster();
    PodHandle pod = c.pod("shop/web").containerPort("http", 8080).readinessGate(GATE)
        .readinessGate("example.com/warm").create();
    c.settle();
    assertEquals(List.of("web", "1/1", "Running", "0/2"), columns(c));
    assertEquals(MISSING + ", corresponding condition of pod readiness gate"
        + " \"example.com/warm\" does not exist.", condition(pod, "Ready").message());

    pod.setCondition("example.com/warm", true);
    c.settle();
    assertEquals(List.of("web", "1/1", "Running", "1/2"), columns(c));
    assertEquals(MISSING, condition(pod, "Ready").message(), "only the missing gate is named");

    pod.setCondition(GATE, true);
    c.settle();
    assertEquals(List.of("web", "1/1", "Running", "2/2"), columns(c));
    assertTrue(pod.isReady());
  }

  /** NAME, READY, STATUS and READINESS GATES of the only pod, from {@code get pods -o wide}. */
  private static List<String> columns(Cluster c) {
    String[] lines = c.kubectl("get pods -n shop -o wide").stdout().split("\n");
    assertEquals(2, lines.length, "one pod row");
    String[] cells = lines[1].trim().split("\\s+");
    return List.of(cells[0], cells[1], cells[2], cells[cells.length - 1]);
  }

  @Test
  void aDeploymentCarriesItsGatesToEveryPodAndCountsThemAvailableOnlyOnceReady() {
    // Proves the template path: each ReplicaSet pod has the gate, and the Deployment counts a
    // pod ready only once its gate's condition is True.
    Cluster c = cluster();
    DeploymentHandle web = c.deployment("shop/web").replicas(2).label("app", "web")
        .containerPort("http", 8080).readinessGate(GATE).create();
    c.settle();

    List<PodHandle> pods = web.pods();
    assertEquals(2, pods.size());
    for (PodHandle pod : pods) {
      assertEquals(List.of(PodReadinessGate.of(GATE)), pod.get().spec().readinessGates());
      assertFalse(pod.isReady(), pod.name() + " held back by its gate");
    }
    assertEquals(0, web.get().status().readyReplicas());

    pods.get(0).setCondition(GATE, ConditionStatus.TRUE);
    c.settle();
    assertEquals(1, web.get().status().readyReplicas(), "one gate open, one pod ready");
  }

  @Test
  void settingAConditionIsAStatusWriteInTheEventLogAndBadTypesChangeNothing() {
    // Proves the write goes through the store (event log, resourceVersion), that a type which
    // is not a qualified name is rejected as kube-apiserver's validatePodConditions does, and
    // that the kubelet's own conditions are refused; neither refusal changes the pod.
    Cluster c = cluster();
    PodHandle pod = c.pod("shop/web").containerPort("http", 8080).readinessGate(GATE).create();
    c.settle();

    pod.setCondition(GATE, true);
    assertEquals(1, c.events().about(pod.ref()).ofKind("ConditionSet").size());
    Pod before = pod.get();
    pod.setCondition(GATE, true);
    assertEquals(before, pod.get(), "setting the same status again writes nothing");

    ValidationException invalid = assertThrows(ValidationException.class,
        () -> pod.setCondition("bad type", true));
    int index = before.status().conditions().size();
    assertTrue(invalid.getMessage().contains("status.conditions[" + index
        + "].type: Invalid value: \"bad type\": name part must consist of alphanumeric"),
        invalid.getMessage());
    IllegalArgumentException owned = assertThrows(IllegalArgumentException.class,
        () -> pod.setCondition("Ready", true));
    assertTrue(owned.getMessage().contains("kubelet"), owned.getMessage());
    assertEquals(before, pod.get(), "refused writes leave the pod as it was");
  }

  @Test
  void aManifestWithABadGateIsRejectedWithItsFieldPathAndCreatesNothing() {
    // Proves validateReadinessGates runs on manifests: the apiserver's message names
    // spec.readinessGates[0].conditionType, and the all-or-nothing apply creates nothing.
    Cluster c = cluster();
    ValidationException e = assertThrows(ValidationException.class, () -> c.applyYaml("""
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: shop}
        spec: {selector: {app: web}, ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop, labels: {app: web}}
        spec:
          readinessGates: [{conditionType: "-lb-ready"}]
          containers: [{name: web, image: nginx}]
        """));
    assertTrue(e.getMessage().contains("spec.readinessGates[0].conditionType: Invalid value: "
        + "\"-lb-ready\": name part must consist of alphanumeric characters"), e.getMessage());
    assertEquals(List.of(), c.pods("shop", ""), "no pod");
    assertEquals(List.of(), c.services("shop"), "no Service either");
  }
}

package io.kubenetsim.core.manifest;

import static io.kubenetsim.core.manifest.ManifestAssertions.assertGolden;
import static io.kubenetsim.core.manifest.ManifestAssertions.assertRoundTrips;
import static io.kubenetsim.core.manifest.ManifestAssertions.objects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.kubenetsim.model.Condition;
import io.kubenetsim.model.ConditionStatus;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.ContainerState;
import io.kubenetsim.model.ContainerStatus;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.DeploymentStrategy;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.LabelSelectorRequirement;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.NodeSpec;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.OwnerReference;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import io.kubenetsim.model.PodReadinessGate;
import io.kubenetsim.model.PodStatus;
import io.kubenetsim.model.PodTemplateSpec;
import io.kubenetsim.model.Probe;
import io.kubenetsim.model.ReplicaSet;
import io.kubenetsim.model.ReplicaSetSpec;
import io.kubenetsim.model.Taint;
import io.kubenetsim.model.WorkloadStatus;
import io.kubenetsim.net.Protocol;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Writing records as kubectl prints them: golden text for a small Pod, the JSON shape of server
 * fields and omitempty, and read-after-write round trips for every built-in kind.
 * Run with {@code -Dgolden.update=true} to rewrite the golden files, then review the diff.
 */
class ManifestWriterTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:05Z");

  private final ManifestWriter writer = new ManifestWriter();
  private final ManifestReader reader = new ManifestReader();

  @Test
  void smallPodMatchesGoldenYaml() throws IOException {
    assertGolden("pod.yaml", writer.toYaml(runningPod()));
  }

  @Test
  void smallPodMatchesGoldenJson() throws IOException {
    assertGolden("pod.json", writer.toJson(runningPod()));
  }

  @Test
  void listOfPodsMatchesGoldenJsonWithKubectlsListWrapper() throws IOException {
    assertGolden("pod-list.json", writer.toJson(List.of(runningPod())));
  }

  @Test
  void listYamlHasNoHeaderAndItemsAtTheKeysIndentation() {
    String yaml = writer.toYaml(List.of(Namespace.of("shop")));
    assertEquals("apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n"
        + "    name: shop\n  status:\n    phase: Active\nkind: List\nmetadata:\n"
        + "  resourceVersion: \"\"\n", yaml);
  }

  @Test
  void typedListIsWrittenAsKubectlApplyPrintsSeveralObjects() {
    // apply's printObjects wraps a corev1.List: JSON in Go struct order (kind, apiVersion,
    // metadata {}, items), YAML with sorted keys; the items are written as for get.
    List<Namespace> two = List.of(Namespace.of("a"), Namespace.of("b"));
    String item = "        {\n"
        + "            \"apiVersion\": \"v1\",\n"
        + "            \"kind\": \"Namespace\",\n"
        + "            \"metadata\": {\n"
        + "                \"name\": \"%s\"\n"
        + "            },\n"
        + "            \"status\": {\n"
        + "                \"phase\": \"Active\"\n"
        + "            }\n"
        + "        }";
    assertEquals("{\n    \"kind\": \"List\",\n    \"apiVersion\": \"v1\",\n"
        + "    \"metadata\": {},\n    \"items\": [\n" + item.formatted("a") + ",\n"
        + item.formatted("b") + "\n    ]\n}\n", writer.toJsonAsTypedList(two));
    assertEquals("apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n"
        + "    name: a\n  status:\n    phase: Active\n- apiVersion: v1\n  kind: Namespace\n"
        + "  metadata:\n    name: b\n  status:\n    phase: Active\nkind: List\nmetadata: {}\n",
        writer.toYamlAsTypedList(two));
  }

  @Test
  void serverFieldsAreWrittenInKubernetesShape() {
    ObjectNode tree = writer.toTree(runningPod().withMetadata(runningPod().metadata()
        .withServerFields("u-1", 42, 3, Optional.of(T0))
        .withDeletion(Instant.parse("2026-01-01T00:01:00.750Z"), 30)));
    ObjectNode meta = (ObjectNode) tree.get("metadata");
    assertTrue(meta.get("resourceVersion").isTextual(), "resourceVersion is a string");
    assertEquals("42", meta.get("resourceVersion").textValue());
    assertEquals(3, meta.get("generation").intValue());
    assertEquals("2026-01-01T00:00:05Z", meta.get("creationTimestamp").textValue());
    assertEquals("2026-01-01T00:01:00Z", meta.get("deletionTimestamp").textValue());
    assertEquals(30, meta.get("deletionGracePeriodSeconds").intValue());
    assertEquals(List.of("apiVersion", "kind", "metadata", "spec", "status"),
        ImmutableList.copyOf(tree.fieldNames()));
  }

  @Test
  void emptyFieldsAreOmittedAsGoOmitemptyDoes() {
    ObjectNode node = writer.toTree(Node.of("node-1", "192.168.0.11"));
    ObjectNode meta = (ObjectNode) node.get("metadata");
    assertEquals(List.of("name"), ImmutableList.copyOf(meta.fieldNames()),
        "no namespace, uid, resourceVersion, generation or labels: " + meta);
    assertEquals("110", node.at("/status/capacity/pods").textValue(), "capacity is a quantity");
    assertEquals(0, node.get("spec").size(), "empty spec: " + node.get("spec"));
    ObjectNode deployment = writer.toTree(Deployment.of("shop", "web", 2, Labels.of("app", "web"),
        Container.of("web", "nginx", List.of())));
    assertEquals(0, deployment.get("status").size(), "fresh deployment prints status: {}");
    assertFalse(deployment.at("/spec").has("minReadySeconds"));
    assertFalse(deployment.at("/spec/template/metadata").has("name"));
  }

  @Test
  void labelsAndAnnotationsAreSortedByKey() {
    Pod pod = Pod.of("shop", "web", Labels.of(Map.of("zone", "a", "app", "web", "tier", "fe")));
    pod = pod.withMetadata(pod.metadata().withAnnotations(Map.of("b", "2", "a", "1")));
    ObjectNode meta = (ObjectNode) writer.toTree(pod).get("metadata");
    assertEquals(List.of("app", "tier", "zone"),
        ImmutableList.copyOf(meta.get("labels").fieldNames()));
    assertEquals(List.of("a", "b"), ImmutableList.copyOf(meta.get("annotations").fieldNames()));
  }

  @Test
  void everyBuiltInKindRoundTripsThroughYamlAndJson() {
    // Reading drops status (except a Node's kept parts) and server fields, so the expected
    // objects are the originals without them.
    Pod pod = richPod();
    Node node = richNode();
    Deployment deployment = richDeployment();
    ReplicaSet replicaSet = richReplicaSet();
    Namespace namespace = Namespace.of("shop").withMetadata(
        ObjectMeta.named("shop").withLabels(Labels.of(Namespace.NAME_LABEL, "shop")));
    List<KubernetesObject> objects = List.of(namespace, node, pod, deployment, replicaSet);
    List<KubernetesObject> expected = List.of(namespace,
        node.withStatus(node.status().withConditions(List.of())),
        pod.withStatus(PodStatus.pending()), deployment.withStatus(WorkloadStatus.empty()),
        replicaSet.withStatus(WorkloadStatus.empty()));
    assertRoundTrips(writer, reader, objects, expected);
  }

  @Test
  void readinessGatesAreReadAndWrittenAsConditionTypeObjectsInOrder() {
    // v1.PodSpec readinessGates is a list of {conditionType}; order is kept, and a gate's own
    // condition in status.conditions is written like any other condition.
    String manifest = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web-0, namespace: shop}
        spec:
          containers: [{name: web, image: nginx}]
          readinessGates:
          - conditionType: www.example.com/feature-1
          - conditionType: lb-ready
        """;
    Pod pod = (Pod) reader.read(manifest, "gated.yaml").get(0).object();
    assertEquals(List.of(PodReadinessGate.of("www.example.com/feature-1"),
        PodReadinessGate.of("lb-ready")), pod.spec().readinessGates());
    Pod gated = pod.withStatus(runningPod().status().withConditions(List.of(new Condition(
        "www.example.com/feature-1", ConditionStatus.TRUE, T0, "", ""))));
    ObjectNode tree = writer.toTree(gated);
    assertEquals("[{\"conditionType\":\"www.example.com/feature-1\"},"
        + "{\"conditionType\":\"lb-ready\"}]", tree.at("/spec/readinessGates").toString());
    assertEquals("www.example.com/feature-1", tree.at("/status/conditions/0/type").asText());
    assertTrue(writer.toYaml(gated).contains("  readinessGates:\n"
        + "  - conditionType: www.example.com/feature-1\n  - conditionType: lb-ready\n"),
        writer.toYaml(gated));
    assertFalse(writer.toYaml(runningPod()).contains("readinessGates"), "omitempty");
  }

  @Test
  void recreateStrategyIsWrittenWithoutRollingUpdate() {
    Deployment deployment = richDeployment();
    deployment = deployment.withSpec(new io.kubenetsim.model.DeploymentSpec(1,
        deployment.spec().selector(), deployment.spec().template(),
        new DeploymentStrategy(DeploymentStrategy.RECREATE, IntOrString.of("25%"),
            IntOrString.of("25%")), 0, 10)).withStatus(WorkloadStatus.empty());
    ObjectNode tree = writer.toTree(deployment);
    assertEquals("{\"type\":\"Recreate\"}", tree.at("/spec/strategy").toString());
    assertEquals(deployment, reader.read(writer.toYaml(deployment), "r.yaml").get(0).object());
  }

  @Test
  void unregisteredKindIsRefusedWithHowToFix() {
    ManifestWriter empty = new ManifestWriter(KindRegistry.empty());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> empty.toTree(Namespace.of("shop")));
    assertTrue(e.getMessage().contains("KindRegistry.withEncoder"), e.getMessage());
  }

  static Pod runningPod() {
    Pod pod = Pod.of("shop", "web-0", Labels.of("app", "web"),
        Container.of("web", "nginx:1.27", List.of(ContainerPort.of("http", 8080))));
    pod = pod.withMetadata(pod.metadata().withServerFields("3f6c1a2b-0000-4000-8000-000000000001",
        17, 0, Optional.of(T0)));
    pod = pod.withSpec(pod.spec().withNodeName("node-1"));
    return pod.withStatus(new PodStatus(PodPhase.RUNNING,
        ImmutableList.of(new Condition("Ready", ConditionStatus.TRUE, T0.plusSeconds(2), "", "")),
        "192.168.0.11", "10.244.1.5", ImmutableList.of("10.244.1.5"), Optional.of(T0),
        ImmutableList.of(new ContainerStatus("web", "nginx:1.27", true, true, 0,
            ContainerState.running(T0.plusSeconds(1)), Optional.empty())),
        ""));
  }

  private static Pod richPod() {
    Container web = Container.of("web", "nginx", List.of(ContainerPort.of("http", 8080),
            new ContainerPort("dns", 53, Protocol.UDP, 5353)))
        .withReadinessProbe(Probe.defaults().withInitialDelaySeconds(2).withPeriodSeconds(5));
    Pod pod = Pod.of("shop", "web-0", Labels.of(Map.of("app", "web", "version", "1")), web,
        Container.of("sidecar", "envoy", List.of()));
    ObjectMeta meta = pod.metadata()
        .withAnnotations(Map.of("note", "yes", "when", "2026-01-01"))
        .withOwnerReferences(List.of(new OwnerReference("apps/v1", "ReplicaSet", "web-1", "u-9",
            true)));
    pod = pod.withMetadata(meta);
    pod = pod.withSpec(pod.spec().withHostNetwork(true).withHostnameAndSubdomain("web-0", "web")
        .withTerminationGracePeriodSeconds(5).withNodeName("node-1")
        .withReadinessGates(List.of(PodReadinessGate.of("example.com/feature-1"),
            PodReadinessGate.of("lb-ready"))));
    return pod.withStatus(runningPod().status());
  }

  private static Node richNode() {
    Node node = Node.of("node-1", "192.168.0.11");
    node = node.withSpec(NodeSpec.empty().withPodCIDRs(List.of("10.244.1.0/24", "fd00::/64"))
        .withTaints(List.of(new Taint(Taint.NOT_READY, "", "NoExecute"), new Taint("k", "v",
            "NoSchedule"))).withUnschedulable(true));
    return node.withStatus(node.status().withConditions(List.of(
        new Condition("Ready", ConditionStatus.FALSE, T0, "KubeletNotReady", "down"))));
  }

  private static Deployment richDeployment() {
    Deployment deployment = Deployment.of("shop", "web", 3, Labels.of("app", "web"),
        Container.of("web", "nginx", List.of(ContainerPort.of(80))));
    PodTemplateSpec template = deployment.spec().template();
    template = template.withMetadata(template.metadata().withAnnotations(Map.of("a", "b")))
        .withSpec(template.spec().withReadinessGates(
            List.of(PodReadinessGate.of("example.com/feature-1"))));
    deployment = deployment.withSpec(new io.kubenetsim.model.DeploymentSpec(3,
        new LabelSelector(ImmutableSortedMap.of("app", "web"), ImmutableList.of(
            LabelSelectorRequirement.of("tier", LabelSelectorRequirement.IN, List.of("fe", "be")),
            LabelSelectorRequirement.of("canary", LabelSelectorRequirement.DOES_NOT_EXIST,
                List.of()))),
        template,
        new DeploymentStrategy(DeploymentStrategy.ROLLING_UPDATE, IntOrString.of(1),
            IntOrString.of("10%")), 5, 2));
    return deployment.withStatus(new WorkloadStatus(2, 3, 3, 2, 2));
  }

  private static ReplicaSet richReplicaSet() {
    Deployment deployment = richDeployment();
    return new ReplicaSet(ObjectMeta.named("shop", "web-1"),
        new ReplicaSetSpec(2, LabelSelector.everything(), deployment.spec().template(), 0),
        new WorkloadStatus(1, 2, 0, 1, 1));
  }
}

package io.kubenetsim.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.manifest.ManifestSource;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.DeploymentStrategy;
import io.kubenetsim.model.DnsPolicy;
import io.kubenetsim.model.LabelSelectorRequirement;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.NodeAddress;
import io.kubenetsim.model.NodeStatus;
import io.kubenetsim.model.NodeSystemInfo;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodStatus;
import io.kubenetsim.model.Probe;
import io.kubenetsim.model.ReplicaSet;
import io.kubenetsim.model.Taint;
import io.kubenetsim.net.Protocol;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reading manifests that are correct: documents, folders, Lists, defaults and kept fields. */
class ManifestReaderTest {
  private static final Path MANIFESTS = Path.of("src/test/resources/manifests");

  private final ManifestReader reader = new ManifestReader();

  @Test
  void multiDocumentFileCountsEveryWrittenDocumentButSkipsEmptyOnes() {
    // The header before the first "---" is no document; the comment-only and null documents
    // (3 and 4) are skipped but counted, so the Deployment is document 5.
    List<ManifestDocument> docs = reader.read(MANIFESTS.resolve("multi-doc.yaml"));
    String file = MANIFESTS.resolve("multi-doc.yaml").toString();
    assertEquals(List.of(new ManifestSource(file, 1), new ManifestSource(file, 2),
            new ManifestSource(file, 5)),
        docs.stream().map(ManifestDocument::source).collect(Collectors.toList()));
    assertEquals(Namespace.of("shop"), docs.get(0).object());
    Pod pod = (Pod) docs.get(1).object();
    assertEquals(List.of(ContainerPort.of("http", 8080)), pod.spec().allPorts());
    assertEquals("web", ((Deployment) docs.get(2).object()).metadata().name());
  }

  @Test
  void foldersAreReadRecursivelyInSortedPathOrderAndOnlyManifestExtensions() {
    // notes.txt is skipped; a.json holds two JSON documents; sub/c.yml comes after b.yaml.
    List<ManifestDocument> docs = reader.read(MANIFESTS.resolve("folder"));
    assertEquals(List.of("a", "a2", "b", "c"), names(docs));
    assertEquals(2, docs.get(1).source().documentIndex(), "second JSON value is document 2");
    assertTrue(docs.get(3).source().file().endsWith("c.yml"), docs.get(3).source().file());
  }

  @Test
  void pathsAreReadInTheOrderGiven() {
    List<ManifestDocument> docs = reader.read(MANIFESTS.resolve("folder/sub/c.yml"),
        MANIFESTS.resolve("folder/b.yaml"));
    assertEquals(List.of("c", "b"), names(docs));
  }

  @Test
  void listExpandsIntoItemsThatShareTheListsDocument() {
    List<ManifestDocument> docs = reader.read(MANIFESTS.resolve("list.yaml"));
    assertEquals(List.of("shop", "web-0"), names(docs));
    assertEquals(docs.get(0).source(), docs.get(1).source());
    assertEquals(1, docs.get(1).source().documentIndex());
    assertEquals(Pod.KIND, docs.get(1).object().kind());
  }

  @Test
  void upstreamDefaultsAreAppliedWhileDecoding() {
    List<ManifestDocument> docs = reader.read(MANIFESTS.resolve("defaults.yaml"));
    Deployment deployment = (Deployment) docs.get(0).object();
    assertEquals(1, deployment.spec().replicas());
    assertEquals(DeploymentStrategy.defaults(), deployment.spec().strategy());
    assertEquals(10, deployment.spec().revisionHistoryLimit());
    assertEquals(0, deployment.spec().minReadySeconds());
    var template = deployment.spec().template().spec();
    assertEquals("Always", template.restartPolicy());
    assertEquals(DnsPolicy.CLUSTER_FIRST, template.dnsPolicy());
    assertEquals(Optional.empty(), template.dnsConfig());
    assertEquals(30, template.terminationGracePeriodSeconds());
    Container container = template.containers().get(0);
    assertEquals(Protocol.TCP, container.ports().get(0).protocol());
    assertEquals(Optional.of(Probe.defaults()), container.readinessProbe());
    assertEquals(1, ((ReplicaSet) docs.get(1).object()).spec().replicas());
    Pod pod = (Pod) docs.get(2).object();
    assertEquals(Protocol.UDP, pod.spec().allPorts().get(0).protocol(), "explicit protocol kept");
  }

  @Test
  void namespacedObjectWithoutNamespaceIsLeftEmptyForTheCaller() {
    Deployment deployment =
        (Deployment) reader.read(MANIFESTS.resolve("defaults.yaml")).get(0).object();
    assertEquals("", deployment.metadata().namespace());
  }

  @Test
  void clusterScopedObjectsDropAWrittenNamespace() {
    String text = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  namespace: x\n";
    assertEquals(Namespace.of("shop"), reader.read(text, "ns.yaml").get(0).object());
  }

  @Test
  void nodeKeepsAddressesCidrsTaintsCapacityAndNodeInfo() {
    List<ManifestDocument> docs = reader.read(MANIFESTS.resolve("nodes.yaml"));
    Node node = (Node) docs.get(0).object();
    assertEquals(List.of(new NodeAddress("InternalIP", "192.168.0.11"),
            new NodeAddress("InternalIP", "fd00::11"),
            new NodeAddress("ExternalIP", "203.0.113.11"),
            new NodeAddress("Hostname", "node-1")),
        node.status().addresses());
    assertEquals("10.244.1.0/24", node.spec().podCIDR());
    assertEquals(List.of("10.244.1.0/24", "fd00:10:244:1::/64"), node.spec().podCIDRs());
    assertTrue(node.spec().unschedulable());
    assertEquals(List.of(new Taint("node-role.kubernetes.io/control-plane", "", "NoSchedule")),
        node.spec().taints());
    assertEquals(64, node.status().podCapacity(), "capacity.pods as a string");
    assertEquals(new NodeSystemInfo("v1.33.1", "Debian GNU/Linux 12 (bookworm)",
        "6.1.0-18-amd64", "containerd://1.7.13"), node.status().nodeInfo());
    assertEquals(List.of(), node.status().conditions(), "conditions are the simulation's");
    Node bare = (Node) docs.get(1).object();
    assertEquals(30, bare.status().podCapacity(), "capacity.pods as a number");
    assertEquals(NodeSystemInfo.simulated(), bare.status().nodeInfo());
    assertEquals(NodeStatus.DEFAULT_POD_CAPACITY,
        ((Node) reader.read("apiVersion: v1\nkind: Node\nmetadata: {name: n}\n", "n.yaml")
            .get(0).object()).status().podCapacity());
  }

  @Test
  void kubectlGetOutputIsReappliableWithServerFieldsAndStatusDropped() {
    Pod pod = (Pod) reader.read(MANIFESTS.resolve("get-output.yaml")).get(0).object();
    assertEquals("", pod.metadata().uid());
    assertEquals(0, pod.metadata().resourceVersion());
    assertEquals(Optional.empty(), pod.metadata().creationTimestamp());
    assertEquals(PodStatus.pending(), pod.status());
    assertEquals("web-7d4b9c-", pod.metadata().generateName());
    assertEquals("web-7d4b9c", pod.metadata().controllerRef().orElseThrow().name());
    assertEquals("node-1", pod.spec().nodeName());
    assertEquals(5, pod.spec().containers().get(0).readinessProbe().orElseThrow().periodSeconds());
  }

  @Test
  void outOfRangeValuesOfTheRightTypeAreDecodedForValidationToReport() {
    String text = """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: Bad_Name
          labels:
            app: "not valid!"
        spec:
          selector:
            matchExpressions:
            - key: app
              operator: Equals
              values: [web]
          template:
            spec:
              containers:
              - name: web
                image: nginx
                ports:
                - containerPort: 0
        """;
    ReplicaSet replicaSet = (ReplicaSet) reader.read(text, "bad.yaml").get(0).object();
    assertEquals("Bad_Name", replicaSet.metadata().name());
    assertEquals(Optional.of("not valid!"), replicaSet.metadata().labels().get("app"));
    assertEquals(LabelSelectorRequirement.of("app", "Equals", List.of("web")),
        replicaSet.spec().selector().matchExpressions().get(0));
    assertEquals(0, replicaSet.spec().template().spec().allPorts().get(0).containerPort());
  }

  @Test
  void stringIntOrStringAndRecreateStrategiesAreRead() {
    String text = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          replicas: 0
          strategy:
            rollingUpdate: {maxSurge: 1, maxUnavailable: "10%"}
          selector: {matchLabels: {app: web}}
          template: {spec: {containers: [{name: web, image: nginx}]}}
        """;
    Deployment deployment = (Deployment) reader.read(text, "d.yaml").get(0).object();
    assertEquals(0, deployment.spec().replicas(), "an explicit 0 is not defaulted");
    assertEquals("1", deployment.spec().strategy().maxSurge().toString());
    assertTrue(deployment.spec().strategy().maxSurge().isInt());
    assertEquals("10%", deployment.spec().strategy().maxUnavailable().toString());
    assertEquals("shop", deployment.metadata().namespace());
  }

  private static List<String> names(List<ManifestDocument> docs) {
    return docs.stream().map(d -> d.object().metadata().name()).collect(Collectors.toList());
  }
}

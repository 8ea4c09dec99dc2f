package io.kubenetsim.core.kubectl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.KubectlResult;
import io.kubenetsim.core.manifest.ManifestWriter;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.Service;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply -f FILE -o json|yaml|name} against a real cluster, as kubectl's {@code apply.go}
 * prints: {@code -o name} one {@code kind[.group]/name} line per object without the operation;
 * {@code -o json|yaml} the objects as the server returned them after the write, one object
 * alone or several in a typed {@code v1 List} ({@code printObjects}); any other {@code -o} is
 * refused before anything is applied.
 */
class ApplyVerbTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String SHOP = """
      apiVersion: v1
      kind: Namespace
      metadata: {name: shop}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: shop}
      spec:
        replicas: 2
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web, namespace: shop}
      spec:
        type: NodePort
        selector: {app: web}
        ports: [{port: 80, targetPort: 8080}]
      ---
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata:
        name: web-extra
        namespace: shop
        labels: {kubernetes.io/service-name: web, endpointslice.kubernetes.io/managed-by: me}
      addressType: IPv4
      endpoints: [{addresses: [10.0.0.9]}]
      """;

  private static final String SERVICE = """
      apiVersion: v1
      kind: Service
      metadata: {name: api}
      spec:
        selector: {app: api}
        ports: [{port: 80}]
      """;

  @TempDir Path dir;

  private final Cluster cluster = KubeSim.cluster().nodes(1).seed(3).build();
  private final KubectlCommand kubectl =
      new KubectlCommand(cluster, new ManifestFormatter(new ManifestWriter()));

  private String file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, UTF_8).toString();
  }

  private KubectlResult apply(String file, String... more) {
    return kubectl.run(ImmutableList.<String>builder().add("apply", "-f", file).add(more)
        .build());
  }

  @Test
  void outputNamePrintsKindGroupSlashNameForEveryObjectWithoutTheOperation() throws IOException {
    // NamePrinter: lower-case kind, ".group" outside the core group; -o name drops "created".
    KubectlResult result = apply(file("shop.yaml", SHOP), "-o", "name");
    assertEquals(new KubectlResult(0, "namespace/shop\ndeployment.apps/web\nservice/web\n"
        + "endpointslice.discovery.k8s.io/web-extra\n", ""), result);
    assertEquals(new KubectlResult(0, "namespace/shop\ndeployment.apps/web\nservice/web\n"
        + "endpointslice.discovery.k8s.io/web-extra\n", ""),
        apply(file("shop.yaml", SHOP), "-oname"), "unchanged objects are named too");
  }

  @Test
  void defaultOutputNamesEachObjectWithItsGroupAndWhatHappened() throws IOException {
    KubectlResult result = apply(file("shop.yaml", SHOP));
    assertEquals("namespace/shop created\ndeployment.apps/web created\nservice/web created\n"
        + "endpointslice.discovery.k8s.io/web-extra created\n", result.stdout());
    assertEquals("namespace/shop unchanged\ndeployment.apps/web unchanged\n"
        + "service/web unchanged\nendpointslice.discovery.k8s.io/web-extra unchanged\n",
        apply(file("shop.yaml", SHOP)).stdout());
  }

  @Test
  void oneObjectWithOutputJsonIsThatObjectAsTheServerStoredIt() throws IOException {
    // One object is printed alone (no List), with what the API server set on the write: uid,
    // resourceVersion (a string), creationTimestamp and the allocated ClusterIP.
    KubectlResult result = apply(file("api.yaml", SERVICE), "-n", "default", "-o", "json");
    assertEquals(0, result.exitCode(), result.toString());
    JsonNode json = JSON.readTree(result.stdout());
    Service stored = cluster.get(Service.class, "default", "api").orElseThrow();
    assertEquals("Service", json.path("kind").asText());
    assertEquals(stored.metadata().uid(), json.at("/metadata/uid").asText());
    assertTrue(json.at("/metadata/resourceVersion").isTextual(), json.toString());
    assertEquals(Long.toString(stored.metadata().resourceVersion()),
        json.at("/metadata/resourceVersion").asText());
    assertTrue(json.at("/metadata/creationTimestamp").asText().endsWith("Z"), json.toString());
    assertEquals(stored.spec().clusterIP(), json.at("/spec/clusterIP").asText());
    assertTrue(Cidr.parse("10.96.0.0/12").contains(IpAddress.parse(stored.spec().clusterIP())),
        "allocated from the service CIDR: " + stored.spec().clusterIP());
    assertTrue(result.stdout().startsWith("{\n    \"apiVersion\": \"v1\",\n"), result.stdout());
  }

  @Test
  void severalObjectsWithOutputJsonAreATypedV1ListInStructOrder() throws IOException {
    // printObjects wraps several objects in a corev1.List: kind, apiVersion, metadata {}, items
    // (Go struct order), each item as written, in the order applied.
    KubectlResult result = apply(file("shop.yaml", SHOP), "--output=json");
    assertEquals(0, result.exitCode(), result.toString());
    JsonNode list = JSON.readTree(result.stdout());
    assertEquals(List.of("kind", "apiVersion", "metadata", "items"),
        ImmutableList.copyOf(list.fieldNames()));
    assertEquals("List", list.path("kind").asText());
    assertEquals("v1", list.path("apiVersion").asText());
    assertEquals(JSON.createObjectNode(), list.path("metadata"));
    JsonNode items = list.path("items");
    assertEquals(List.of("Namespace", "Deployment", "Service", "EndpointSlice"),
        List.of(items.get(0).path("kind").asText(), items.get(1).path("kind").asText(),
            items.get(2).path("kind").asText(), items.get(3).path("kind").asText()));
    Service web = cluster.get(Service.class, "shop", "web").orElseThrow();
    JsonNode service = items.get(2);
    assertEquals(web.metadata().uid(), service.at("/metadata/uid").asText());
    assertEquals(web.spec().ports().get(0).nodePort(), service.at("/spec/ports/0/nodePort")
        .asInt(), "the allocated nodePort");
    assertEquals(cluster.get(Deployment.class, "shop", "web").orElseThrow().metadata().uid(),
        items.get(1).at("/metadata/uid").asText());
  }

  @Test
  void severalObjectsWithOutputYamlAreATypedListWithSortedKeysAndEmptyMetadata()
      throws IOException {
    // The YAML printer sorts keys, so the typed List reads apiVersion, items, kind, metadata: {}.
    KubectlResult result = apply(file("shop.yaml", SHOP), "-o", "yaml");
    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.stdout().startsWith("apiVersion: v1\nitems:\n- apiVersion: v1\n"
        + "  kind: Namespace\n"), result.stdout());
    assertTrue(result.stdout().endsWith("\nkind: List\nmetadata: {}\n"), result.stdout());
    String uid = cluster.get(Namespace.class, "", "shop").orElseThrow().metadata().uid();
    assertTrue(result.stdout().contains("uid: " + uid), "the namespace's uid");
  }

  @Test
  void anUnknownOutputFormatIsRefusedAndNothingIsApplied() throws IOException {
    KubectlResult result = apply(file("shop.yaml", SHOP), "-o", "wide");
    assertEquals(new KubectlResult(2, "", "error: unable to match a printer suitable for the "
        + "output format \"wide\", allowed formats are: json,name,yaml\n"), result);
    assertEquals(List.of(), cluster.get(Namespace.class, "", "shop").stream().toList(),
        "shop was not created");
  }

  @Test
  void aRejectedManifestPrintsNothingOnStdoutAndAppliesNothing() throws IOException {
    // All or nothing: the valid Namespace before the bad Service is not created either; the
    // message names the field; stdout stays empty, as kubectl's does on failure.
    String bad = SHOP.replace("ports: [{port: 80, targetPort: 8080}]",
        "ports: [{port: 0, targetPort: 8080}]");
    KubectlResult result = apply(file("bad.yaml", bad), "-o", "json");
    assertEquals(2, result.exitCode(), result.toString());
    assertEquals("", result.stdout());
    assertTrue(result.stderr().contains("spec.ports[0].port: Invalid value: 0: must be between 1"
        + " and 65535, inclusive"), result.stderr());
    assertEquals(List.of(), cluster.get(Namespace.class, "", "shop").stream().toList());
  }
}

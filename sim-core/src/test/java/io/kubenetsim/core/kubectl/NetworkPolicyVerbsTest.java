package io.kubenetsim.core.kubectl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.KubectlResult;
import io.kubenetsim.model.NetworkPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubectl verbs on NetworkPolicies against a real cluster: a manifest applied with {@code
 * apply -f} is listed by {@code get netpol} and described by {@code describe netpol}; the
 * resource's spellings, NotFound lines, describe's name-prefix fallback and {@code delete} read
 * as kubectl's ({@code networkpolicies.networking.k8s.io}, {@code networkpolicy.networking.k8s.io
 * "x" deleted}). The byte-exact tables and descriptions are in {@link GoldenTablesTest}.
 */
class NetworkPolicyVerbsTest {
  private static final String MANIFEST = """
      apiVersion: v1
      kind: Namespace
      metadata: {name: x}
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: allow-80, namespace: x}
      spec:
        podSelector: {matchLabels: {pod: a}}
        ingress:
        - from: [{namespaceSelector: {matchLabels: {ns: "y"}}}]
          ports: [{port: 80}]
      """;

  @TempDir Path dir;
  private Cluster c;

  @BeforeEach
  void cluster() {
    c = KubeSim.cluster().nodes(1).seed(5).build();
  }

  private KubectlResult applied() throws IOException {
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, MANIFEST, UTF_8);
    return c.kubectl("apply -f " + file);
  }

  @Test
  void applyDashFCreatesThePolicyAndGetListsIt() throws IOException {
    assertEquals("namespace/x created\nnetworkpolicy.networking.k8s.io/allow-80 created\n",
        applied().stdout());
    assertEquals("NAME       POD-SELECTOR   AGE\nallow-80   pod=a          0s\n",
        c.kubectl("get netpol -n x").stdout());
    assertEquals("networkpolicy.networking.k8s.io/allow-80\n",
        c.kubectl("get networkpolicies.networking.k8s.io/allow-80 -n x -o name").stdout());
  }

  @Test
  void getJsonPrintsTheStoredObjectWithItsGroupVersion() throws IOException {
    applied();
    JsonNode json = new ObjectMapper().readTree(
        c.kubectl("get netpol allow-80 -n x -o json").stdout());
    assertEquals("networking.k8s.io/v1", json.get("apiVersion").asText());
    assertEquals("NetworkPolicy", json.get("kind").asText());
    assertEquals("[\"Ingress\"]", json.at("/spec/policyTypes").toString());
    assertEquals("{\"port\":80,\"protocol\":\"TCP\"}",
        json.at("/spec/ingress/0/ports/0").toString());
  }

  @Test
  void describeShowsTheDefaultedPolicyTypesAndFallsBackToANamePrefix() throws IOException {
    applied();
    String described = c.kubectl("describe netpol allow-80 -n x").stdout();
    assertTrue(described.endsWith("  Allowing ingress traffic:\n    To Port: 80/TCP\n"
        + "    From:\n      NamespaceSelector: ns=y\n  Not affecting egress traffic\n"
        + "  Policy Types: Ingress\n"), described);
    assertEquals(described + "\n", c.kubectl("describe netpol allow -n x").stdout(),
        "a unique prefix describes the match, followed by a blank line as upstream");
  }

  @Test
  void unknownNamesAreNotFoundInTheGroupsResourceName() {
    KubectlResult get = c.kubectlResult("get netpol nope");
    assertEquals(2, get.exitCode());
    assertEquals("Error from server (NotFound): networkpolicies.networking.k8s.io \"nope\" not"
        + " found\n", get.stderr());
    KubectlResult describe = c.kubectlResult("describe networkpolicy nope");
    assertEquals(2, describe.exitCode());
    assertEquals(get.stderr(), describe.stderr());
    assertEquals("No resources found in default namespace.\n",
        c.kubectl("get netpol").stderr());
  }

  @Test
  void describeStillRefusesTypesItCannotDescribeNamingTheOnesItCan() {
    KubectlResult pods = c.kubectlResult("describe pods");
    assertEquals(2, pods.exitCode());
    assertEquals("error: describe is not simulated for pods yet; it can describe: services,"
        + " networkpolicies\n", pods.stderr().lines().findFirst().orElseThrow() + "\n");
  }

  @Test
  void deleteRemovesThePolicyAndNamesItWithItsGroup() throws IOException {
    applied();
    assertEquals("networkpolicy.networking.k8s.io \"allow-80\" deleted\n",
        c.kubectl("delete netpol allow-80 -n x").stdout());
    assertTrue(c.get(NetworkPolicy.class, "x", "allow-80").isEmpty());
  }

  @Test
  void helpListsTheResourceAndItsSpellings() {
    String get = c.kubectl("get --help").stdout();
    assertTrue(get.contains("  networkpolicies (networkpolicy, netpol, "
        + "networkpolicies.networking.k8s.io, networkpolicy.networking.k8s.io)\n"), get);
    assertTrue(c.kubectl("describe --help").stdout().contains("describe netpol"));
  }
}

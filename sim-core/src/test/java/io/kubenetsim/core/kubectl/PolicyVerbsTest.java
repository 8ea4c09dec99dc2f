package io.kubenetsim.core.kubectl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.KubectlResult;
import io.kubenetsim.core.manifest.ManifestWriter;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPeer;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.model.NetworkPolicySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The NetworkPolicy side of the command-line contract: {@code probe}'s {@code policy} object
 * (direction, pod, selecting policies, allowing rule) and a drop reported as the client sees it,
 * and {@code matrix} as a truth table and as data. Namespace x isolates its pods for ingress
 * and lets only namespace y in.
 */
class PolicyVerbsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private Cluster c;
  private KubectlCommand kubectl;

  @BeforeEach
  void setUp() {
    c = KubeSim.cluster().nodes(2).seed(71).build();
    for (String ns : List.of("x", "y")) {
      c.apply(Namespace.of(ns).withMetadata(Namespace.of(ns).metadata().withLabels(
          Labels.of("ns", ns))));
      for (String pod : List.of("a", "b")) {
        c.pod(ns + "/" + pod).label("pod", pod).containerPort("serve-80-tcp", 80).create();
      }
    }
    c.apply(NetworkPolicy.of("x", "allow-from-y", NetworkPolicySpec.of(
        LabelSelector.everything(), List.of("Ingress"), List.of(NetworkPolicyRule.of(List.of(),
            List.of(NetworkPolicyPeer.namespaces(LabelSelector.matchLabels(Map.of("ns", "y")))))),
        List.of())));
    c.settle();
    kubectl = new KubectlCommand(c, new ManifestFormatter(new ManifestWriter()));
  }

  private JsonNode probe(String from, String to) throws Exception {
    return JSON.readTree(kubectl.run("probe --from " + from + " --to " + to + " --port 80 -o json")
        .stdout());
  }

  @Test
  void aDroppedProbeTimesOutAndNamesTheIsolatingPolicy() throws Exception {
    JsonNode probe = probe("x/b", "x/a");
    assertEquals("timed_out", probe.get("verdict").asText(), probe.toString());
    assertFalse(probe.get("allowed").asBoolean());
    JsonNode policy = probe.get("policy");
    assertEquals("ingress", policy.get("direction").asText());
    assertEquals("x/a", policy.get("pod").asText());
    assertEquals(List.of("x/allow-from-y"), texts(policy.get("policies")));
    assertTrue(policy.get("allowedBy").isNull(), policy.toString());
    List<String> fields = new ArrayList<>();
    probe.fieldNames().forEachRemaining(fields::add);
    assertEquals(fields.indexOf("hops") + 1, fields.indexOf("policy"),
        "policy follows the contract's fields: " + fields);
  }

  @Test
  void anAllowedProbeNamesTheAllowingRule() throws Exception {
    JsonNode policy = probe("y/a", "x/a").get("policy");
    assertEquals("x/allow-from-y ingress[0]", policy.get("allowedBy").asText(), policy.toString());
  }

  @Test
  void aProbeBetweenPodsNoPolicySelectsHasNoPolicyObject() throws Exception {
    assertTrue(probe("x/a", "y/b").get("policy").isNull());
  }

  @Test
  void matrixPrintsTheTruthTable() {
    KubectlResult result = kubectl.run("matrix --port 80 -n x -n y");
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(String.join("\n",
        "-\tx/a\tx/b\ty/a\ty/b",
        "x/a\t.\tX\t.\t.",
        "x/b\tX\t.\t.\t.",
        "y/a\t.\t.\t.\t.",
        "y/b\t.\t.\t.\t.") + "\n", result.stdout());
  }

  @Test
  void matrixAsJsonFollowsTheContract() throws Exception {
    JsonNode json = JSON.readTree(kubectl.run("matrix --port 80 -o json").stdout());
    assertEquals(80, json.get("port").asInt());
    assertEquals("TCP", json.get("protocol").asText());
    assertEquals(List.of("x/a", "x/b", "y/a", "y/b"), texts(json.get("pods")));
    assertFalse(json.at("/allowed/x~1b/x~1a").asBoolean(), json.toString());
    assertTrue(json.at("/allowed/y~1b/x~1a").asBoolean(), json.toString());
  }

  @Test
  void matrixRefusesAnUnknownNamespaceAsBadInput() {
    KubectlResult result = kubectl.run("matrix -n nope");
    assertEquals(2, result.exitCode(), result.toString());
    assertEquals("Error from server (NotFound): namespaces \"nope\" not found\n",
        result.stderr());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}

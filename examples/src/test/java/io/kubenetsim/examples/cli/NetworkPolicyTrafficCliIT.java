package io.kubenetsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * NetworkPolicy enforcement through the built jar: {@code probe} reports a policy drop as
 * {@code timed_out} with its {@code policy} object (exit 1), an allowed connection names the
 * allowing rule, {@code matrix} prints the truth table and its JSON, and {@code
 * --network-policy ignore} stores the policy but filters nothing (exit 0, no policy object).
 */
@Execution(ExecutionMode.CONCURRENT)
class NetworkPolicyTrafficCliIT {
  private static final String CLUSTER = "src/test/resources/cli/netpol-traffic";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path scratch;

  private Jar.Result kubeNetsim(String... args) {
    return Jar.run(scratch, "", args);
  }

  @Test
  void aDroppedProbeIsTimedOutWithThePolicyThatIsolatesTheBackend() throws Exception {
    Jar.Result result = kubeNetsim("-f", CLUSTER, "probe", "--from", "x/b", "--to", "x/a",
        "--port", "80", "-o", "json");
    assertEquals(1, result.exitCode(), result.toString());
    JsonNode probe = JSON.readTree(result.stdout());
    assertEquals("timed_out", probe.get("verdict").asText());
    assertEquals("ingress", probe.at("/policy/direction").asText());
    assertEquals("x/a", probe.at("/policy/pod").asText());
    assertEquals("x/allow-b-from-y", probe.at("/policy/policies/0").asText());
    assertTrue(probe.at("/policy/allowedBy").isNull(), probe.toString());
  }

  @Test
  void anAllowedProbeNamesTheAllowingRule() throws Exception {
    Jar.Result result = kubeNetsim("-f", CLUSTER, "probe", "--from", "y/b", "--to", "x/a",
        "--port", "80", "-o", "json");
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("x/allow-b-from-y ingress[0]",
        JSON.readTree(result.stdout()).at("/policy/allowedBy").asText());
  }

  @Test
  void matrixPrintsTheTruthTableAndItsJson() throws Exception {
    Jar.Result table = kubeNetsim("-f", CLUSTER, "matrix", "--port", "80", "-n", "x", "-n", "y");
    assertEquals(0, table.exitCode(), table.toString());
    assertEquals(String.join("\n",
        "-\tx/a\tx/b\ty/a\ty/b",
        "x/a\t.\t.\t.\t.",
        "x/b\tX\t.\t.\t.",
        "y/a\tX\t.\t.\t.",
        "y/b\t.\t.\t.\t.") + "\n", table.stdout());
    JsonNode json = JSON.readTree(kubeNetsim("-f", CLUSTER, "matrix", "-o", "json").stdout());
    assertEquals(80, json.get("port").asInt());
    assertFalse(json.at("/allowed/y~1a/x~1a").asBoolean(), json.toString());
  }

  @Test
  void aPluginThatIgnoresPoliciesLetsEverythingThrough() throws Exception {
    Jar.Result result = kubeNetsim("--network-policy", "ignore", "-f", CLUSTER, "probe",
        "--from", "x/b", "--to", "x/a", "--port", "80", "-o", "json");
    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(JSON.readTree(result.stdout()).get("policy").isNull(), result.stdout());
  }
}

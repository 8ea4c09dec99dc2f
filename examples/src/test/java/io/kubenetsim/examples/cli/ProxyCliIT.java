package io.kubenetsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The traffic verbs of the command line, run through the built jar: {@code probe}'s JSON
 * contract and exit codes, {@code trace}, {@code rules} and {@code port-forward}.
 */
@Execution(ExecutionMode.CONCURRENT)
class ProxyCliIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path scratch;

  private Jar.Result kubeNetsim(String stdin, String... args) {
    return Jar.run(scratch, stdin, args);
  }

  private static final String SERVICES = "src/test/resources/cli/services";
  private static final List<String> PROBE_CONTRACT = List.of("from", "to", "port", "protocol",
      "allowed", "verdict", "backend", "backendPod", "candidates", "masquerade",
      "sourceSeenByBackend", "reason", "hops");

  @Test
  void probeJsonParsesAndHasEveryContractField() throws IOException {
    // Scripts read this object: every field, in the contract's order, with its JSON type.
    Jar.Result result = kubeNetsim("", "-f", SERVICES, "--seed", "7", "probe", "--from",
        "shop/debug", "--to", "svc/shop/web", "--port", "80", "-o", "json");
    assertEquals(0, result.exitCode(), "expected exit 0, got " + result);
    JsonNode probe = JSON.readTree(result.stdout());
    List<String> fields = new ArrayList<>();
    probe.fieldNames().forEachRemaining(fields::add);
    assertEquals(PROBE_CONTRACT, fields.subList(0, PROBE_CONTRACT.size()), result.stdout());
    assertEquals("shop/debug", probe.get("from").asText());
    assertEquals("svc/shop/web", probe.get("to").asText());
    assertTrue(probe.get("port").isInt() && probe.get("port").asInt() == 80);
    assertEquals("TCP", probe.get("protocol").asText());
    assertTrue(probe.get("allowed").asBoolean());
    assertEquals("established", probe.get("verdict").asText());
    assertTrue(probe.get("backend").asText().matches("10\\.244\\.\\d+\\.\\d+:8080"));
    assertTrue(probe.get("backendPod").asText().startsWith("shop/web-"));
    assertEquals(3, probe.get("candidates").size(), "three web replicas");
    assertTrue(probe.get("masquerade").isBoolean());
    assertTrue(probe.get("sourceSeenByBackend").isTextual());
    assertTrue(probe.get("reason").isTextual());
    assertTrue(probe.get("hops").isArray() && probe.get("hops").size() > 0);
    for (JsonNode hop : probe.get("hops")) {
      for (String field : List.of("from", "to", "node", "via")) {
        assertTrue(hop.path(field).isTextual(), "hop " + hop + " needs " + field);
      }
    }
  }

  @Test
  void aProbeThatIsNotEstablishedExitsOneWithItsJson() throws IOException {
    // front:443 targets 8443, which no web container declares: the pod refuses it.
    Jar.Result result = kubeNetsim("", "-f", SERVICES, "--seed", "7", "probe", "--from",
        "external:198.51.100.4", "--to", "lb/shop/front", "--port", "443", "-o", "json");
    assertEquals(1, result.exitCode(), "nothing listens on 8443: " + result);
    JsonNode probe = JSON.readTree(result.stdout());
    assertFalse(probe.get("allowed").asBoolean(), result.stdout());
    assertFalse(result.stderr().isEmpty());
  }

  @Test
  void probeWithABadSourceFormExitsTwo() {
    Jar.Result result = kubeNetsim("", "-f", SERVICES, "probe", "--from", "pod:shop/debug", "--to",
        "svc/shop/web", "--port", "80");
    assertEquals(2, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("unknown source"), result.stderr());
    Jar.Result noPort = kubeNetsim("", "-f", SERVICES, "probe", "--from", "shop/debug", "--to",
        "svc/shop/web");
    assertEquals(2, noPort.exitCode(), noPort.toString());
  }

  @Test
  void traceExplainsTheLoadBalancerPath() {
    Jar.Result result = kubeNetsim("", "-f", SERVICES, "trace", "--from", "external:198.51.100.4",
        "--to", "lb/shop/front", "--port", "80");
    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.stdout().contains("cloud load balancer"), result.stdout());
    assertTrue(result.stdout().contains("verdict: ESTABLISHED"), result.stdout());
  }

  @Test
  void rulesPrintsAnIpvsadmDumpByDefault() {
    Jar.Result result = kubeNetsim("", "-f", SERVICES, "rules", "--node", "node-1");
    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.stdout().contains("IP Virtual Server version"), result.stdout());
    assertTrue(result.stdout().contains("Prot LocalAddress:Port Scheduler Flags"),
        result.stdout());
    assertTrue(result.stdout().lines().anyMatch(l -> l.matches("TCP  [0-9.]+:80 rr")),
        result.stdout());
    Jar.Result unknown = kubeNetsim("", "-f", SERVICES, "rules", "--node", "node-9");
    assertEquals(2, unknown.exitCode(), unknown.toString());
  }

  @Test
  void portForwardPrintsKubectlsForwardingLines() {
    Jar.Result result = kubeNetsim("", "-f", SERVICES, "port-forward", "svc/web", "8080:80", "-n",
        "shop");
    assertEquals(0, result.exitCode(), result.toString());
    List<String> lines = result.stdout().lines().toList();
    assertEquals("Forwarding from 127.0.0.1:8080 -> 8080", lines.get(0), result.stdout());
    assertEquals("Forwarding from [::1]:8080 -> 8080", lines.get(1), result.stdout());
    assertEquals("Handling connection for 8080", lines.get(2), result.stdout());
    assertTrue(lines.get(3).contains("ESTABLISHED"), result.stdout());
  }

  @Test
  void helpListsTheProxyVerbs() {
    Jar.Result result = kubeNetsim("", "help");
    assertEquals(0, result.exitCode(), result.toString());
    for (String verb : List.of("probe", "trace", "rules", "port-forward")) {
      assertTrue(result.stdout().contains("  " + verb + " "), verb + ": " + result.stdout());
    }
  }
}

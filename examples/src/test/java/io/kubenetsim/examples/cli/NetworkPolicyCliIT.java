package io.kubenetsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * NetworkPolicy manifests through the built jar: {@code -f} applies them, {@code get netpol -A}
 * lists them as kubectl's {@code printNetworkPolicy} does, {@code describe netpol} prints
 * kubectl's prose with the server-defaulted {@code policyTypes}, and an invalid policy is exit
 * 2 with kube-apiserver's message, nothing applied.
 */
@Execution(ExecutionMode.CONCURRENT)
class NetworkPolicyCliIT {
  private static final String POLICIES = "src/test/resources/cli/netpol";
  private static final String BAD = "src/test/resources/cli/netpol-bad/except-outside.yaml";
  /** kubectl's AGE text: 12s, 3m4s, 90m, 5h, 2d... (HumanDuration). */
  private static final String AGE = "[0-9]+[smhdy][0-9smhd]*";

  @TempDir Path scratch;

  private Jar.Result kubeNetsim(String... args) {
    return Jar.run(scratch, "", args);
  }

  @Test
  void getNetpolAllNamespacesListsEveryPolicyWithItsPodSelector() {
    Jar.Result result = kubeNetsim("-f", POLICIES, "get", "netpol", "-A");
    assertEquals(0, result.exitCode(), result.toString());
    List<String> lines = result.stdout().lines().toList();
    assertEquals("NAMESPACE   NAME             POD-SELECTOR   AGE", lines.get(0));
    List<String> rows = List.of(
        "x           allow-b-from-y   pod=a          ",
        "x           default-deny     <none>         ",
        "y           dns-only         <none>         ");
    assertEquals(rows.size() + 1, lines.size(), result.stdout());
    for (int i = 0; i < rows.size(); i++) {
      String line = lines.get(i + 1);
      assertTrue(line.startsWith(rows.get(i)) && line.substring(rows.get(i).length())
          .matches(AGE), "expected row [" + rows.get(i) + "AGE], got [" + line + "]");
    }
  }

  @Test
  void describeNetpolPrintsKubectlsProseWithTheDefaultedTypes() {
    Jar.Result result = kubeNetsim("-f", POLICIES, "describe", "netpol", "allow-b-from-y",
        "-n", "x");
    assertEquals(0, result.exitCode(), result.toString());
    List<String> lines = result.stdout().lines().toList();
    assertEquals(List.of("Name:         allow-b-from-y", "Namespace:    x"), lines.subList(0, 2));
    assertTrue(lines.get(2).matches(
        "Created on:   [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} \\+0000 UTC"),
        lines.get(2));
    assertEquals(List.of(
        "Labels:       <none>",
        "Annotations:  <none>",
        "Spec:",
        "  PodSelector:     pod=a",
        "  Allowing ingress traffic:",
        "    To Port: 80/TCP",
        "    To Port: 81/UDP",
        "    From:",
        "      NamespaceSelector: ns=y",
        "      PodSelector: pod=b",
        "  Not affecting egress traffic",
        "  Policy Types: Ingress"), lines.subList(3, lines.size()));
  }

  @Test
  void anEgressOnlyPolicyDescribesItsDestinations() {
    Jar.Result result = kubeNetsim("-f", POLICIES, "describe", "networkpolicy/dns-only",
        "-n", "y");
    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.stdout().endsWith("Spec:\n"
        + "  PodSelector:     <none> (Allowing the specific traffic to all pods in this "
        + "namespace)\n"
        + "  Not affecting ingress traffic\n"
        + "  Allowing egress traffic:\n"
        + "    To Port: 53/UDP\n"
        + "    To Port: 53/TCP\n"
        + "    To:\n"
        + "      NamespaceSelector: <none>\n"
        + "  Policy Types: Egress\n"), result.stdout());
  }

  @Test
  void anInvalidPolicyIsExitTwoWithTheApiServersMessageAndNothingApplied() {
    Jar.Result result = kubeNetsim("-f", BAD, "get", "ns");
    assertEquals(2, result.exitCode(), result.toString());
    assertEquals("", result.stdout(), "nothing printed: the command never ran");
    assertTrue(result.stderr().contains("(document 2): The NetworkPolicy \"x/bad\" is invalid: "
        + "spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: \"192.168.0.0/16\": must "
        + "be a strict subset of `cidr`"), result.stderr());
  }
}

package io.kubenetsim.core.kubectl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubectlResult;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.ServiceHandle;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code rules} and {@code port-forward} against the same cluster as {@link ProxyVerbsTest}:
 * the dump each proxy mode prints, kubectl's port-forward lines, port forms and pod choice, and
 * the exit code of each failure.
 */
class RulesAndPortForwardVerbsTest {
  private Cluster c;
  private ServiceHandle web;

  @BeforeEach
  void setUp() {
    c = ProxyVerbsTest.shop(ProxyMode.IPVS);
    web = c.getService("shop/web");
  }

  // ---- rules ------------------------------------------------------------------------------

  @Test
  void rulesPrintsTheNodesIpvsadmDump() {
    KubectlResult r = c.kubectlResult("rules --node node-1");
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(c.node("node-1").proxy().dump().strip(), r.stdout().strip());
    assertTrue(r.stdout().contains("IP Virtual Server"), r.stdout());
    assertTrue(r.stdout().contains(web.clusterIP() + ":80"), r.stdout());
  }

  @Test
  void rulesInIptablesModePrintsIptablesSave() {
    Cluster cluster = ProxyVerbsTest.shop(ProxyMode.IPTABLES);
    KubectlResult r = cluster.kubectlResult("rules --node node-2");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.stdout().contains("KUBE-SERVICES"), r.stdout());
  }

  @ParameterizedTest
  @ValueSource(strings = {"rules", "rules node-1", "rules --node"})
  void rulesBadInputExitsTwo(String line) {
    KubectlResult r = c.kubectlResult(line);
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.stderr().startsWith("error: "), r.stderr());
  }

  @Test
  void rulesForAnUnknownNodeIsKubectlsNotFoundAndExitsTwo() {
    assertEquals(new KubectlResult(2, "", "Error from server (NotFound): nodes \"node-9\" "
        + "not found\n"), c.kubectlResult("rules --node node-9"));
  }

  // ---- port-forward -----------------------------------------------------------------------

  @Test
  void portForwardToAServicePrintsKubectlsLinesAndOneConnection() {
    KubectlResult r = c.kubectlResult("port-forward svc/web 8080:80 -n shop");
    assertEquals(0, r.exitCode(), r.toString());
    List<String> lines = r.stdout().lines().toList();
    assertEquals("Forwarding from 127.0.0.1:8080 -> 8080", lines.get(0));
    assertEquals("Forwarding from [::1]:8080 -> 8080", lines.get(1));
    assertEquals("Handling connection for 8080", lines.get(2));
    assertTrue(lines.get(3).matches("connected to shop/web-\\S+ port 8080: ESTABLISHED, "
        + "source seen as 127\\.0\\.0\\.1"), lines.get(3));
    assertEquals(4, lines.size(), r.stdout());
  }

  @Test
  void portForwardPortForms() {
    KubectlResult same = c.kubectlResult("port-forward -n shop deploy/web 8080");
    assertEquals(0, same.exitCode(), same.toString());
    assertTrue(same.stdout().startsWith("Forwarding from 127.0.0.1:8080 -> 8080\n"),
        same.stdout());
    KubectlResult random = c.kubectlResult("port-forward svc/web :80 -n shop");
    assertEquals(0, random.exitCode(), random.toString());
    assertTrue(random.stdout().startsWith("Forwarding from 127.0.0.1:80 -> 8080\n"),
        "deterministic local port: " + random.stdout());
    KubectlResult named = c.kubectlResult("port-forward svc/front :http -n shop");
    assertEquals(0, named.exitCode(), named.toString());
    assertTrue(named.stdout().startsWith("Forwarding from 127.0.0.1:8080 -> 8080\n"),
        "a named port's local side is the pod port it resolves to: " + named.stdout());
    String pod = c.pods("shop", "app=web").get(0).name();
    KubectlResult byPod = c.kubectlResult("port-forward pod/" + pod + " 9000:8080 -n shop");
    assertTrue(byPod.stdout().startsWith("Forwarding from 127.0.0.1:9000 -> 8080\n"),
        byPod.stdout());
    assertTrue(byPod.stdout().contains("connected to shop/" + pod + " port 8080"),
        byPod.stdout());
  }

  @Test
  void portForwardToAPortNothingListensOnExitsOne() {
    String pod = c.pods("shop", "app=web").get(0).name();
    KubectlResult r = c.kubectlResult("port-forward pod/" + pod + " 9999 -n shop");
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.stdout().contains("Handling connection for 9999"), r.stdout());
    assertTrue(r.stderr().startsWith("error: an error occurred forwarding"), r.stderr());
  }

  @Test
  void portForwardToAServiceWithoutPodsExitsOne() {
    KubectlResult r = c.kubectlResult("port-forward svc/none 8080:80 -n shop");
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.stderr().startsWith("error: no running pod backs"), r.stderr());
  }

  @ParameterizedTest
  @ValueSource(strings = {"port-forward svc/ghost 8080:80 -n shop",
      "port-forward svc/web 8080:81 -n shop"})
  void portForwardToAMissingServiceOrPortExitsTwo(String line) {
    KubectlResult r = c.kubectlResult(line);
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.stderr().startsWith("Error from server (NotFound): services \"ghost\"")
        || r.stderr().startsWith("error: Service shop/web does not have a service port 81"),
        r.stderr());
  }

  @ParameterizedTest
  @ValueSource(strings = {"port-forward svc/web -n shop", "port-forward svc/web x:80 -n shop",
      "port-forward svc/web 8080:70000 -n shop", "port-forward node/node-1 80",
      "port-forward svc/web 1:2:3 -n shop", "port-forward"})
  void portForwardBadInputExitsTwo(String line) {
    KubectlResult r = c.kubectlResult(line);
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.stderr().startsWith("error: "), r.stderr());
  }
}

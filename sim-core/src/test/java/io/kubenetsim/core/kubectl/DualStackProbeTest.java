package io.kubenetsim.core.kubectl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.KubectlResult;
import io.kubenetsim.net.IpFamily;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code probe} and {@code trace} on a dual-stack service range with IPv4-only pods: {@code
 * svc/NAME} means the Service's IPv4 ClusterIP (a dual-stack Service with IPv6 first is still
 * reached), an IPv6 ClusterIP is {@code unreachable} (exit 1) with the reason, in the probe
 * contract, and a traced IPv6 packet meets no rule and says why.
 */
class DualStackProbeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Cluster c;

  @BeforeAll
  static void dualStackShop() {
    c = KubeSim.cluster().nodes(2).seed(23)
        .serviceClusterIpRange("10.96.0.0/12", "fd00:10:96::/112").build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(2).label("app", "web").containerPort("http", 8080)
        .create();
    c.pod("shop/client").label("app", "client").containerPort(9000).create();
    c.applyYaml("apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n"
        + "spec: {selector: {app: web}, ipFamilyPolicy: PreferDualStack, ipFamilies: [IPv6], "
        + "ports: [{port: 80, targetPort: http}]}\n---\n"
        + "apiVersion: v1\nkind: Service\nmetadata: {name: v6only, namespace: shop}\n"
        + "spec: {selector: {app: web}, ipFamilies: [IPv6], ports: [{port: 80, "
        + "targetPort: http}]}\n");
    c.settle();
  }

  @Test
  void svcMeansTheIpv4ClusterIpOfADualStackService() throws Exception {
    KubectlResult result = c.kubectlResult("probe --from shop/client --to svc/shop/web "
        + "--port 80 -o json");
    JsonNode probe = JSON.readTree(result.stdout());
    ProxyVerbsTest.assertContract(probe);
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(c.getService("shop/web").clusterIP(IpFamily.IPV4).orElseThrow() + ":80",
        probe.get("destination").asText());
    assertEquals("established", probe.get("verdict").asText());
  }

  @Test
  void anIpv6ClusterIpIsUnreachableWithTheReason() throws Exception {
    String ipv6 = c.getService("shop/v6only").clusterIP();
    KubectlResult result = c.kubectlResult("probe --from shop/client --to svc/shop/v6only "
        + "--port 80 -o json");
    JsonNode probe = JSON.readTree(result.stdout());
    ProxyVerbsTest.assertContract(probe);
    assertEquals(1, result.exitCode(), result.toString());
    assertEquals("unreachable", probe.get("verdict").asText());
    assertEquals("[" + ipv6 + "]:80", probe.get("destination").asText());
    assertEquals("IPv6 traffic is not simulated: pods and nodes are IPv4-only, so pod "
        + "shop/client has no route to " + ipv6 + ", the IPv6 ClusterIP of Service shop/v6only "
        + "(network unreachable)", probe.get("reason").asText());
  }

  @Test
  void aTracedIpv6PacketSaysNoIpv4RuleSeesIt() throws Exception {
    String ipv6 = c.getService("shop/v6only").clusterIP();
    KubectlResult result = c.kubectlResult("trace --from ip:10.244.0.5 --to " + ipv6
        + " --port 80 --node node-1");
    assertTrue(result.stdout().contains("reason: an IPv6 packet meets none of node-1's rules: "
        + "nodes are IPv4-only, so kube-proxy runs only its IPv4 proxier; IPv6 traffic is not "
        + "simulated (traced only, not delivered)"), result.stdout());
    assertTrue(result.stdout().contains("TCP 10.244.0.5 -> [" + ipv6 + "]:80 (PREROUTING)"),
        result.stdout());
  }
}

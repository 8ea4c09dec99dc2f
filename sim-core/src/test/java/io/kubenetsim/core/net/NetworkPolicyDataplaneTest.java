package io.kubenetsim.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.KubeSim;
import io.kubenetsim.NetworkPolicyEnforcement;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.model.IPBlock;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPeer;
import io.kubenetsim.model.NetworkPolicyPort;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.model.NetworkPolicySpec;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.model.TrafficPolicy;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.PolicyCheck;
import io.kubenetsim.net.PolicyDirection;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * NetworkPolicy enforced where a CNI enforces it: on the first packet, after kube-proxy's DNAT,
 * against pod IPs — the backend's ingress governs traffic sent to its Service, the client's
 * egress is checked against the backend, never the VIP (reference §6.6, the e2e suite probing
 * through ClusterIPs). The ingress side sees the source left after SNAT, so
 * externalTrafficPolicy changes what an ipBlock can match. A drop is what the client sees, a
 * time-out, and the connection names the check that dropped it.
 */
class NetworkPolicyDataplaneTest {

  private static Cluster shop(ProxyMode mode, NetworkPolicyEnforcement enforcement) {
    Cluster c = KubeSim.cluster().nodes(3).seed(61).proxyMode(mode).networkPolicy(enforcement)
        .build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(1).label("app", "web").containerPort("http", 8080)
        .create();
    c.pod("shop/client").label("app", "client").containerPort(9000).create();
    c.service("shop/web").selector("app", "web").port("http", 80, "http").create();
    c.settle();
    return c;
  }

  private static NetworkPolicy policy(String name, LabelSelector pods, List<String> types,
      List<NetworkPolicyRule> ingress, List<NetworkPolicyRule> egress) {
    return NetworkPolicy.of("shop", name, NetworkPolicySpec.of(pods, types, ingress, egress));
  }

  private static final LabelSelector WEB = LabelSelector.matchLabels(Map.of("app", "web"));

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void aDenyAllOnTheBackendDropsTrafficSentToItsService(ProxyMode mode) {
    Cluster c = shop(mode, NetworkPolicyEnforcement.ENFORCE);
    ServiceHandle web = c.getService("shop/web");
    c.apply(policy("deny-web", WEB, List.of("Ingress"), List.of(), List.of()));
    c.settle();
    Connection conn = c.getPod("shop/client").connect(web, 80);
    assertEquals(ConnectionVerdict.TIMED_OUT, conn.verdict(), conn.explain());
    PolicyCheck check = conn.policy().orElseThrow();
    assertEquals(PolicyDirection.INGRESS, check.direction());
    assertFalse(check.allowed());
    assertEquals(List.of("shop/deny-web"), check.policies());
    assertEquals(c.pods("shop", "app=web").get(0).ref().namespace() + "/"
        + c.pods("shop", "app=web").get(0).name(), check.pod());
    assertTrue(conn.reason().startsWith("dropped by NetworkPolicy"), conn.reason());
    assertTrue(conn.hops().get(conn.hops().size() - 1).via().startsWith("NetworkPolicy"),
        conn.explain());
  }

  @Test
  void anAllowRuleNamesItselfAndTheConnectionGoesThrough() {
    Cluster c = shop(ProxyMode.IPTABLES, NetworkPolicyEnforcement.ENFORCE);
    c.apply(policy("allow-client", WEB, List.of("Ingress"), List.of(NetworkPolicyRule.of(
        List.of(NetworkPolicyPort.named(Protocol.TCP, "http")),
        List.of(NetworkPolicyPeer.pods(LabelSelector.matchLabels(Map.of("app", "client")))))),
        List.of()));
    c.settle();
    Connection conn = c.getPod("shop/client").connect(c.getService("shop/web"), 80);
    assertEquals(ConnectionVerdict.ESTABLISHED, conn.verdict(), conn.explain());
    assertEquals("shop/allow-client ingress[0]", conn.policy().orElseThrow().allowedBy()
        .orElseThrow());
  }

  @Test
  void egressIsJudgedAgainstTheBackendNotTheServiceIp() {
    // An ipBlock holding only the ClusterIP allows nothing: after DNAT the packet is addressed
    // to the backend pod, which is what the client's egress rules see.
    Cluster c = shop(ProxyMode.NFTABLES, NetworkPolicyEnforcement.ENFORCE);
    ServiceHandle web = c.getService("shop/web");
    LabelSelector client = LabelSelector.matchLabels(Map.of("app", "client"));
    c.apply(policy("egress-vip-only", client, List.of("Egress"), List.of(), List.of(
        NetworkPolicyRule.of(List.of(), List.of(NetworkPolicyPeer.ipBlock(IPBlock.of(
            web.clusterIP() + "/32", List.of())))))));
    c.settle();
    Connection conn = c.getPod("shop/client").connect(web, 80);
    assertEquals(ConnectionVerdict.TIMED_OUT, conn.verdict(), conn.explain());
    assertEquals(PolicyDirection.EGRESS, conn.policy().orElseThrow().direction());

    c.apply(policy("egress-vip-only", client, List.of("Egress"), List.of(), List.of(
        NetworkPolicyRule.of(List.of(), List.of(NetworkPolicyPeer.pods(WEB))))));
    c.settle();
    assertEquals(ConnectionVerdict.ESTABLISHED, c.getPod("shop/client").connect(web, 80)
        .verdict(), "egress to the backend pods allows the Service");
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void masqueradingHidesTheClientFromAnIpBlockWhileLocalPolicyKeepsIt(ProxyMode mode) {
    // Only 203.0.113.0/24 may reach web. Through a LoadBalancer with externalTrafficPolicy
    // Cluster, entering at a node without the backend, the backend sees that node's IP: denied.
    // With Local, entering at the backend's node, it sees the client: allowed.
    Cluster c = shop(mode, NetworkPolicyEnforcement.ENFORCE);
    c.service("shop/front-cluster").selector("app", "web").port("http", 80, "http")
        .type(ServiceType.LOAD_BALANCER).externalTrafficPolicy(TrafficPolicy.CLUSTER).create();
    c.service("shop/front-local").selector("app", "web").port("http", 80, "http")
        .type(ServiceType.LOAD_BALANCER).externalTrafficPolicy(TrafficPolicy.LOCAL).create();
    c.apply(policy("outside-only", WEB, List.of("Ingress"), List.of(NetworkPolicyRule.of(
        List.of(), List.of(NetworkPolicyPeer.ipBlock(IPBlock.of("203.0.113.0/24",
            List.of()))))), List.of()));
    c.settle();
    String backendNode = c.pods("shop", "app=web").get(0).node().orElseThrow();
    String otherNode = List.of("node-1", "node-2", "node-3").stream()
        .filter(n -> !n.equals(backendNode)).findFirst().orElseThrow();

    String clusterLb = c.getService("shop/front-cluster").loadBalancerIngress().get(0);
    Connection masqueraded = c.external("203.0.113.7").connectVia(otherNode, clusterLb, 80,
        Protocol.TCP);
    assertTrue(masqueraded.masqueraded(), masqueraded.explain());
    assertEquals(ConnectionVerdict.TIMED_OUT, masqueraded.verdict(), masqueraded.explain());

    String localLb = c.getService("shop/front-local").loadBalancerIngress().get(0);
    Connection preserved = c.external("203.0.113.7").connectVia(backendNode, localLb, 80,
        Protocol.TCP);
    assertFalse(preserved.masqueraded(), preserved.explain());
    assertEquals(ConnectionVerdict.ESTABLISHED, preserved.verdict(), preserved.explain());
  }

  @Test
  void aNodeMayAlwaysReachItsOwnPodsButNotOthersUnderADenyAll() {
    Cluster c = shop(ProxyMode.IPVS, NetworkPolicyEnforcement.ENFORCE);
    c.apply(policy("deny-all", LabelSelector.everything(), List.of("Ingress"), List.of(),
        List.of()));
    c.settle();
    var web = c.pods("shop", "app=web").get(0);
    String own = web.node().orElseThrow();
    String other = List.of("node-1", "node-2", "node-3").stream().filter(n -> !n.equals(own))
        .findFirst().orElseThrow();
    String ip = web.ip().orElseThrow();
    assertEquals(ConnectionVerdict.ESTABLISHED, c.node(own).connect(ip, 8080).verdict());
    assertEquals(ConnectionVerdict.TIMED_OUT, c.node(other).connect(ip, 8080).verdict());
  }

  @Test
  void aPluginThatIgnoresPoliciesStoresThemAndFiltersNothing() {
    Cluster c = shop(ProxyMode.IPTABLES, NetworkPolicyEnforcement.IGNORE);
    c.apply(policy("deny-all", LabelSelector.everything(), List.of("Ingress", "Egress"),
        List.of(), List.of()));
    c.settle();
    assertEquals(1, c.list(NetworkPolicy.class).size(), "the API server stores it");
    Connection conn = c.getPod("shop/client").connect(c.getService("shop/web"), 80);
    assertEquals(ConnectionVerdict.ESTABLISHED, conn.verdict(), conn.explain());
    assertEquals(List.of(), conn.policyChecks(), "nothing is checked");
    assertTrue(c.reachability(80, Protocol.TCP, "shop").allowedCount() > 0);
  }

  @Test
  void aPodTheAgentsHaveNotSeenYetIsNoPodToThemInTheTable() {
    // Within the agents' lag a new pod is unknown to them: like a connection's checks, the
    // table applies no policy to it, rather than failing; once they see it, policy applies.
    Cluster c = shop(ProxyMode.IPVS, NetworkPolicyEnforcement.ENFORCE);
    c.apply(policy("deny-all", LabelSelector.everything(), List.of("Ingress"), List.of(),
        List.of()));
    c.settle();
    c.pod("shop/late").label("app", "late").create();
    List<String> pods = List.of("shop/client", "shop/late");
    assertTrue(c.reachability(pods, pods, 80, Protocol.TCP).allowed("shop/client",
        "shop/late"));
    c.settle();
    assertFalse(c.reachability(pods, pods, 80, Protocol.TCP).allowed("shop/client",
        "shop/late"), "isolated by deny-all once the agents see it");
  }

  @Test
  void aPolicyBitesOnlyOnceTheNodeAgentsSeeIt() {
    Cluster c = KubeSim.cluster().nodes(2).seed(62)
        .timing(io.kubenetsim.Timing.defaults().withPolicyAgentLag(Duration.ofSeconds(2)))
        .build();
    c.createNamespace("shop");
    c.pod("shop/server").label("app", "web").containerPort("http", 8080).create();
    c.pod("shop/client").label("app", "client").create();
    c.settle();
    String server = c.getPod("shop/server").ip().orElseThrow();
    c.apply(policy("deny-web", WEB, List.of("Ingress"), List.of(), List.of()));
    assertEquals(ConnectionVerdict.ESTABLISHED, c.getPod("shop/client").connect(server, 8080)
        .verdict(), "the agents have not seen the policy yet");
    c.runFor(Duration.ofSeconds(3));
    assertEquals(ConnectionVerdict.TIMED_OUT, c.getPod("shop/client").connect(server, 8080)
        .verdict());
  }
}

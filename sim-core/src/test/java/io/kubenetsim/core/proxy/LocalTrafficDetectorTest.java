package io.kubenetsim.core.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.ClusterConfig;
import io.kubenetsim.DetectLocalMode;
import io.kubenetsim.KubeProxyConfiguration;
import io.kubenetsim.KubeSim;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.model.TrafficPolicy;
import io.kubenetsim.net.PacketTrace;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.RuleOutcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * kube-proxy's local-traffic detector, as upstream builds it ({@code cmd/kube-proxy/app/
 * server_linux.go} {@code getLocalDetectors}): {@code detectLocalMode: ClusterCIDR} with an
 * empty {@code clusterCIDR} gets the no-op detector, whose {@code IsImplemented()} is false
 * ({@code pkg/proxy/util/localdetector_test.go} {@code TestNoOpLocalDetector}). Every rule that
 * depends on it is then left out, as the proxiers write them:
 *
 * <ul>
 *   <li>iptables and nftables: no "masquerade off-cluster traffic to a service VIP" rule in the
 *       service chain, and no "pod traffic for external destinations" short-circuit under
 *       {@code externalTrafficPolicy: Local} ({@code syncProxyRules} in both proxiers);
 *   <li>IPVS: the {@code KUBE-CLUSTER-IP} rule matches {@code src,dst} instead of {@code ! -s
 *       <clusterCIDR> ... dst,dst} — only a node dialling a VIP (which becomes its own source)
 *       is masqueraded ({@code writeIptablesRules}).
 * </ul>
 *
 * <p>Only {@code masqueradeAll} and the external paths with {@code externalTrafficPolicy:
 * Cluster} still masquerade. A cluster built without a configuration keeps kubeadm's and kind's
 * setting, the pod CIDR.
 */
class LocalTrafficDetectorTest {
  private static final String OFF_CLUSTER = "192.0.2.10";

  private static Cluster cluster(ProxyMode mode, Optional<KubeProxyConfiguration> config) {
    var builder = KubeSim.cluster().nodes(3).seed(31).proxyMode(mode);
    config.ifPresent(builder::kubeProxy);
    Cluster c = builder.build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(1).label("app", "web").containerPort("http", 8080)
        .create();
    c.expose("shop/web").port(80).targetPort("http").create();
    c.service("shop/front").selector("app", "web").port("http", 80, "http")
        .type(ServiceType.LOAD_BALANCER).externalTrafficPolicy(TrafficPolicy.LOCAL).create();
    c.settle();
    return c;
  }

  private static Cluster withoutDetector(ProxyMode mode) {
    return cluster(mode, Optional.of(KubeProxyConfiguration.defaults().withMode(mode)));
  }

  private static PacketTrace trace(Cluster c, String node, String source, String service) {
    return c.node(node).proxy().trace(source, c.getService(service).clusterIP(), 80,
        Protocol.TCP);
  }

  @Test
  void withoutAConfigurationKubeProxyGetsThePodCidrAsKubeadmWritesIt() {
    Cluster c = KubeSim.cluster().nodes(1).build();
    assertEquals("10.244.0.0/16", c.config().kubeProxy().clusterCIDR());
    assertTrue(c.config().kubeProxy().detectsLocalTraffic());
  }

  @Test
  void aGivenConfigurationIsTakenAsUpstreamTakesItsFile() {
    Cluster c = KubeSim.cluster().nodes(1).kubeProxy(KubeProxyConfiguration.defaults()).build();
    assertEquals("", c.config().kubeProxy().clusterCIDR());
    assertFalse(c.config().kubeProxy().detectsLocalTraffic());
    assertTrue(KubeProxyConfiguration.defaults().withDetectLocalMode(DetectLocalMode.NODE_CIDR)
        .detectsLocalTraffic(), "NodeCIDR needs no clusterCIDR");
  }

  @Test
  void theDetectorFollowsThePodNetworkUntilAConfigurationIsGiven() {
    // The default is kubeadm's: kube-proxy's clusterCIDR is the cluster's pod CIDR, whichever
    // it is; a configuration without one (given directly or inside a ClusterConfig) stays
    // without a detector.
    assertEquals("10.200.0.0/16", KubeSim.cluster().clusterCidr("10.200.0.0/16", 24)
        .config().kubeProxy().clusterCIDR());
    ClusterConfig none = KubeSim.cluster().kubeProxy(KubeProxyConfiguration.defaults())
        .config();
    assertEquals("", KubeSim.cluster(none).config().kubeProxy().clusterCIDR());
    assertEquals("", KubeSim.cluster(none).clusterCidr("10.200.0.0/16", 24).config()
        .kubeProxy().clusterCIDR());
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void offClusterTrafficToAClusterIpIsMasqueradedOnlyWithADetector(ProxyMode mode) {
    PacketTrace with = trace(cluster(mode, Optional.empty()), "node-1", OFF_CLUSTER,
        "shop/web");
    assertEquals(RuleOutcome.DNAT, with.outcome(), with.explain());
    assertTrue(with.masquerade(), "the detector calls " + OFF_CLUSTER + " off-cluster: "
        + with.explain());

    PacketTrace without = trace(withoutDetector(mode), "node-1", OFF_CLUSTER, "shop/web");
    assertEquals(RuleOutcome.DNAT, without.outcome(), without.explain());
    assertFalse(without.masquerade(), "no detector, no off-cluster masquerade rule: "
        + without.explain());
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void masqueradeAllStillMasqueradesWithoutADetector(ProxyMode mode) {
    Cluster c = cluster(mode, Optional.of(KubeProxyConfiguration.defaults().withMode(mode)
        .withMasqueradeAll(true)));
    PacketTrace trace = trace(c, "node-1", OFF_CLUSTER, "shop/web");
    assertTrue(trace.masquerade(), trace.explain());
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void aNodeDiallingAClusterIpWithoutADetectorIsMasqueradedOnlyInIpvsMode(ProxyMode mode) {
    Cluster c = withoutDetector(mode);
    String nodeIp = c.node("node-1").internalIP().orElseThrow();
    PacketTrace trace = trace(c, "node-1", nodeIp, "shop/web");
    assertEquals(RuleOutcome.DNAT, trace.outcome(), trace.explain());
    assertEquals(mode == ProxyMode.IPVS, trace.masquerade(), trace.explain());
    if (mode == ProxyMode.IPVS) {
      assertTrue(trace.masqueradeRule().orElseThrow().contains("KUBE-CLUSTER-IP src,dst"),
          trace.explain());
    }
  }

  @ParameterizedTest
  @EnumSource(value = ProxyMode.class, names = {"IPTABLES", "NFTABLES"})
  void podTrafficToALocalPolicyLoadBalancerUsesClusterEndpointsOnlyWithADetector(
      ProxyMode mode) {
    Cluster with = cluster(mode, Optional.empty());
    String node = nodeWithoutWeb(with);
    String podSource = with.node(node).podCIDR().orElseThrow().replace(".0/24", ".200");
    String lbIp = with.getService("shop/front").loadBalancerIngress().get(0);
    PacketTrace shortCut = with.node(node).proxy().trace(podSource, lbIp, 80, Protocol.TCP);
    assertEquals(RuleOutcome.DNAT, shortCut.outcome(), "pod traffic to an external address "
        + "may use any endpoint: " + shortCut.explain());

    Cluster without = withoutDetector(mode);
    node = nodeWithoutWeb(without);
    podSource = without.node(node).podCIDR().orElseThrow().replace(".0/24", ".200");
    lbIp = without.getService("shop/front").loadBalancerIngress().get(0);
    PacketTrace local = without.node(node).proxy().trace(podSource, lbIp, 80, Protocol.TCP);
    assertEquals(RuleOutcome.DROP, local.outcome(), "without a detector nothing tells pod "
        + "traffic apart, so Local policy applies and this node has no endpoint: "
        + local.explain());
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void theDumpsShowTheDifference(ProxyMode mode) {
    List<String> with = cluster(mode, Optional.empty()).node("node-1").proxy().rules();
    List<String> without = withoutDetector(mode).node("node-1").proxy().rules();
    String offCluster = switch (mode) {
      case IPTABLES -> "! -s 10.244.0.0/16 -j KUBE-MARK-MASQ";
      case NFTABLES -> "ip saddr != 10.244.0.0/16 jump mark-for-masquerade";
      case IPVS -> "-A KUBE-SERVICES ! -s 10.244.0.0/16 -m comment";
    };
    assertTrue(with.stream().anyMatch(r -> r.contains(offCluster)), String.join("\n", with));
    assertTrue(without.stream().noneMatch(r -> r.contains("10.244.0.0/16")),
        "nothing in the rules names the cluster CIDR:\n" + String.join("\n", without));
    if (mode == ProxyMode.IPVS) {
      assertTrue(without.stream().anyMatch(r -> r.contains("KUBE-CLUSTER-IP src,dst -j "
          + "KUBE-MARK-MASQ")), String.join("\n", without));
    }
  }

  @Test
  void nodeCidrModeCallsOnlyThisNodesPodsLocal() {
    Cluster c = cluster(ProxyMode.IPTABLES, Optional.of(KubeProxyConfiguration.defaults()
        .withMode(ProxyMode.IPTABLES).withDetectLocalMode(DetectLocalMode.NODE_CIDR)));
    String ownPod = c.node("node-1").podCIDR().orElseThrow().replace(".0/24", ".200");
    String otherPod = c.node("node-2").podCIDR().orElseThrow().replace(".0/24", ".200");
    assertFalse(trace(c, "node-1", ownPod, "shop/web").masquerade());
    assertTrue(trace(c, "node-1", otherPod, "shop/web").masquerade(),
        "a pod of another node is off-node for the NodeCIDR detector");
  }

  private static String nodeWithoutWeb(Cluster c) {
    String webNode = c.pods("shop", "app=web").get(0).node().orElseThrow();
    return List.of("node-1", "node-2", "node-3").stream().filter(n -> !n.equals(webNode))
        .findFirst().orElseThrow();
  }
}

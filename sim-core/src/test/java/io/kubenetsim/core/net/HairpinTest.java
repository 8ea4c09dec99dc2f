package io.kubenetsim.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.IpAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hairpin (§5.4): a pod that reaches its own Service and is load-balanced to itself is
 * masqueraded to its node's IP in every mode (KUBE-SEP {@code -s <ep>} rule, nftables endpoint
 * chain, IPVS KUBE-LOOP-BACK), or its reply would go to itself unNATed. A single replica forces
 * the self-choice; another pod on the same path keeps its own address, so the SNAT is the
 * hairpin rule's doing and not a blanket masquerade.
 */
class HairpinTest {

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void aPodBalancedToItselfIsMasqueradedToItsNodeIp(ProxyMode mode) {
    Cluster c = KubeSim.cluster().nodes(2).seed(41).proxyMode(mode).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(1).label("app", "web").containerPort("http", 8080)
        .create();
    c.pod("shop/client").label("app", "client").containerPort(9000).create();
    ServiceHandle web = c.service("shop/web").selector("app", "web").port("http", 80, "http")
        .create();
    c.settle();
    PodHandle self = c.getDeployment("shop/web").pods().get(0);
    IpAddress nodeIp = IpAddress.parse(c.node(self.node().orElseThrow()).internalIP()
        .orElseThrow());

    for (int i = 0; i < 5; i++) {
      Connection hairpin = self.connect(web, 80);
      assertEquals(ConnectionVerdict.ESTABLISHED, hairpin.verdict(), hairpin.explain());
      assertEquals("shop/" + self.name(), hairpin.backendPod().orElseThrow(),
          "one replica: balanced to itself: " + hairpin.explain());
      assertEquals(nodeIp, hairpin.sourceSeenByBackend(),
          mode + ": hairpin is masqueraded to the node IP:\n" + hairpin.explain());
    }

    PodHandle other = c.getPod("shop/client");
    Connection normal = other.connect(web, 80);
    assertEquals(ConnectionVerdict.ESTABLISHED, normal.verdict(), normal.explain());
    assertEquals(IpAddress.parse(other.ip().orElseThrow()), normal.sourceSeenByBackend(),
        mode + ": pod to ClusterIP is not masqueraded:\n" + normal.explain());
  }
}

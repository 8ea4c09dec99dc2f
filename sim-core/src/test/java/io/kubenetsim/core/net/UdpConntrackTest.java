package io.kubenetsim.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.KubeProxyConfiguration;
import io.kubenetsim.KubeSim;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * UDP and TCP conntrack differ when a backend goes away: kube-proxy deletes UDP entries whose
 * backend is no longer serving after its next sync, so a UDP flow's next datagram reaches
 * another backend; before that sync it is lost; a TCP connection is never re-balanced.
 */
class UdpConntrackTest {

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void aUdpFlowIsRebalancedAfterTheSyncThatDropsItsBackend(ProxyMode mode) {
    Cluster c = KubeSim.cluster().nodes(2).seed(9).kubeProxy(KubeProxyConfiguration.defaults()
        .withMode(mode).withMinSyncPeriod(Duration.ofSeconds(5))).build();
    c.createNamespace("dns");
    c.deployment("dns/resolver").replicas(2).label("app", "resolver")
        .containerPort("dns", 53, Protocol.UDP).containerPort("dns-tcp", 53)
        .terminationGracePeriodSeconds(0).create();
    c.pod("dns/client").label("app", "client").containerPort(9000).create();
    c.settle();
    ServiceHandle dns = c.service("dns/resolver").selector("app", "resolver")
        .port(new io.kubenetsim.model.ServicePort("dns", Protocol.UDP, "", 53,
            io.kubenetsim.model.IntOrString.of("dns"), 0))
        .port(new io.kubenetsim.model.ServicePort("dns-tcp", Protocol.TCP, "", 53,
            io.kubenetsim.model.IntOrString.of("dns-tcp"), 0)).create();
    c.settle();
    var client = c.getPod("dns/client");
    Connection udp = client.connect(dns.clusterIP(), 53, Protocol.UDP);
    Connection tcp = client.connect(dns.clusterIP(), 53, Protocol.TCP);
    assertEquals(ConnectionVerdict.ESTABLISHED, udp.verdict(), udp.explain());
    c.getPod(udp.backendPod().orElseThrow()).delete(Duration.ZERO);
    if (!tcp.backendPod().equals(udp.backendPod())) {
      c.getPod(tcp.backendPod().orElseThrow()).delete(Duration.ZERO);
    }
    c.runFor(Duration.ofMillis(50));
    assertEquals(ConnectionVerdict.TIMED_OUT, udp.request(),
        "before kube-proxy syncs, the stale UDP entry still points at the gone pod");
    c.settle();
    assertEquals(ConnectionVerdict.ESTABLISHED, udp.request(),
        "after the sync the entry is flushed and the next datagram reaches a live backend");
    assertEquals(ConnectionVerdict.TIMED_OUT, tcp.request(),
        "TCP entries are never flushed: the connection stays on its gone backend");
  }
}

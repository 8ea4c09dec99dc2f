package io.kubenetsim.core.dns;

import static io.kubenetsim.core.dns.DnsFixture.endpoint;
import static io.kubenetsim.core.dns.DnsFixture.port;
import static io.kubenetsim.core.dns.DnsFixture.tcp;

import io.kubenetsim.net.Protocol;
import java.util.List;

/**
 * The cluster of upstream's kubernetes plugin tests ({@code plugin/kubernetes/handler_test.go},
 * its {@code APIConnServeTest}), rebuilt as API objects: namespace {@code testns} with
 * ClusterIP Services (IPv4, IPv6, dual-stack, one without endpoints), headless Services (IPv4
 * and IPv6 slices, hostnames shared by two endpoints, one without ports, one whose only
 * endpoint is not ready), ExternalName Services; namespace {@code podns} with pod {@code
 * podns/pod1} at 10.240.0.1; the outside world holding {@code ext.interwebs.test}.
 */
final class Layout {
  private Layout() {}

  static DnsFixture build() {
    DnsFixture f = new DnsFixture();
    f.namespace("testns").namespace("podns").namespace("kube-system");
    f.clusterIp("testns/svc1", "10.0.0.1", tcp("http", 80));
    f.slice("testns/svc1-x7k2p", "svc1", "IPv4", List.of(endpoint("172.0.0.1", "svc1-pod")),
        port("http", 8080, Protocol.TCP));
    f.clusterIp("testns/svcempty", "10.0.0.2", tcp("http", 80));
    f.clusterIp("testns/svc6", "1234:abcd::1", tcp("http", 80));
    f.clusterIp("testns/svc-dual-stack", List.of("10.0.0.3", "10::3"), tcp("http", 80));
    f.headless("testns/hdls1", tcp("http", 80));
    f.slice("testns/hdls1-v4", "hdls1", "IPv4", List.of(endpoint("172.0.0.2", "hdls1-a"),
        endpoint("172.0.0.3", "hdls1-b"), endpoint("172.0.0.4", "hdls1-c", "dup-name", true),
        endpoint("172.0.0.5", "hdls1-d", "dup-name", true)), port("http", 80, Protocol.TCP));
    f.slice("testns/hdls1-v6", "hdls1", "IPv6", List.of(endpoint("5678:abcd::1", "hdls1-e"),
        endpoint("5678:abcd::2", "hdls1-f")), port("http", 80, Protocol.TCP));
    f.headless("testns/hdlsprtls");
    f.slice("testns/hdlsprtls-x", "hdlsprtls", "IPv4", List.of(endpoint("172.0.0.20", "")));
    f.headless("testns/hdls-unready", tcp("http", 80));
    f.slice("testns/hdls-unready-x", "hdls-unready", "IPv4",
        List.of(endpoint("172.0.0.30", "u", "", false)), port("http", 80, Protocol.TCP));
    f.externalName("testns/external", "ext.interwebs.test");
    f.externalName("testns/external-to-service", "svc1.testns.svc.cluster.local");
    f.externalName("testns/external-ip", "1.2.3.4");
    f.pod("podns/pod1", "10.240.0.1");
    f.world.add("ext.interwebs.test A 1.2.3.4");
    f.world.add("ext.interwebs.test AAAA 2001:db8::1234");
    return f.settle();
  }
}

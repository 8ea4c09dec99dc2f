package io.kubenetsim.core.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.Cluster;
import io.kubenetsim.ClusterDns;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.dns.DnsLookup;
import io.kubenetsim.dns.Rcode;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.dns.ResolvConf;
import io.kubenetsim.dns.ResolvOption;
import io.kubenetsim.model.DnsPolicy;
import io.kubenetsim.model.PodDNSConfig;
import io.kubenetsim.net.IpAddress;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A pod's resolv.conf per {@code dnsPolicy} and {@code dnsConfig}, read from running pods of a
 * cluster whose nodes' own resolv.conf is {@code search corp.example}, {@code nameserver
 * 172.18.0.1}, {@code options edns0}; and what each configuration then resolves. Models the
 * kubelet's {@code GetPodDNS} ({@code pkg/kubelet/network/dns/dns.go}; its cases in {@code
 * dns_test.go} {@code TestGetPodDNSType} and {@code TestGetPodDNSCustom}) and the
 * Kubernetes documentation "DNS for Services and Pods", section "Pod's DNS Policy". The
 * kubelet-level table without a cluster is {@code kubelet.PodDnsTest}.
 */
class ResolvConfFromPodsTest {
  private static final String CLUSTER = "search shop.svc.cluster.local svc.cluster.local "
      + "cluster.local corp.example\nnameserver 10.96.0.10\noptions ndots:5\n";
  private static final String NODE = "search corp.example\nnameserver 172.18.0.1\n"
      + "options edns0\n";
  private static Cluster cluster;

  @BeforeAll
  static void build() {
    cluster = KubeSim.cluster().nodes(2).seed(8).dns(ClusterDns.defaults().withNodeResolvConf(
        ResolvConf.of(List.of(IpAddress.parse("172.18.0.1")), List.of("corp.example"),
            List.of(ResolvOption.flag("edns0"))))).build();
    cluster.createNamespace("shop");
    cluster.deployment("shop/web").replicas(1).label("app", "web").containerPort("http", 8080)
        .create();
    cluster.service("shop/web").selector("app", "web").port("http", 80, "http").create();
    cluster.upstreamZone("internet").a("example.com", "93.184.216.34").create();
    cluster.pod("shop/cluster-first").create();
    cluster.pod("shop/default").dnsPolicy(DnsPolicy.DEFAULT).create();
    cluster.pod("shop/host-cluster-first").hostNetwork(true).create();
    cluster.pod("shop/host-with-host-net").hostNetwork(true)
        .dnsPolicy(DnsPolicy.CLUSTER_FIRST_WITH_HOST_NET).create();
    cluster.pod("shop/ndots1").dnsConfig(PodDNSConfig.empty()
        .withOption(ResolvOption.of("ndots", "1"))).create();
    cluster.applyYaml("""
        apiVersion: v1
        kind: Pod
        metadata: {name: none, namespace: shop}
        spec:
          dnsPolicy: None
          dnsConfig:
            nameservers: [1.1.1.1]
            searches: [corp.example, shop.svc.cluster.local]
            options: [{name: ndots, value: "2"}, {name: edns0}]
          containers: [{name: none, image: busybox}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: four-servers, namespace: shop}
        spec:
          dnsConfig:
            nameservers: [1.1.1.1, 8.8.8.8, 9.9.9.9]
          containers: [{name: four, image: busybox}]
        """);
    cluster.settle();
  }

  /**
   * kube-dns plus three dnsConfig nameservers is one over glibc's three: the kubelet keeps the
   * first three and records a DNSConfigForming event when it creates the sandbox
   * (dns.go's {@code CheckLimitsForResolvConf} / {@code formDNSNameserversFitsLimits}).
   */
  @Test
  void theKubeletCutsAFourthNameserverAndSaysSoInAnEvent() {
    assertEquals(List.of(IpAddress.parse("10.96.0.10"), IpAddress.parse("1.1.1.1"),
        IpAddress.parse("8.8.8.8")), cluster.getPod("shop/four-servers").resolvConf()
            .nameservers());
    List<String> forming = cluster.events().asList().stream()
        .filter(e -> e.kind().equals("DNSConfigForming")).map(e -> e.object().name()
            + ": " + e.detail()).toList();
    assertEquals(List.of("four-servers: Nameserver limits were exceeded, some nameservers have "
        + "been omitted, the applied nameserver line is: 10.96.0.10 1.1.1.1 8.8.8.8"), forming);
  }

  static Stream<Arguments> files() {
    return Stream.of(
        // ClusterFirst: kube-dns, the cluster searches then the node's, ndots:5; the node's
        // nameservers and options are dropped (generateSearchesForDNSClusterFirst).
        Arguments.of("cluster-first", DnsPolicy.CLUSTER_FIRST, CLUSTER),
        // Default: the node's file as it is (despite the name, not the default policy).
        Arguments.of("default", DnsPolicy.DEFAULT, NODE),
        // None: only dnsConfig (TestGetPodDNSCustom "DNSNone").
        Arguments.of("none", DnsPolicy.NONE, "search corp.example shop.svc.cluster.local\n"
            + "nameserver 1.1.1.1\noptions ndots:2 edns0\n"),
        // A hostNetwork pod with ClusterFirst falls back to Default (TestGetPodDNSType).
        Arguments.of("host-cluster-first", DnsPolicy.CLUSTER_FIRST, NODE),
        Arguments.of("host-with-host-net", DnsPolicy.CLUSTER_FIRST_WITH_HOST_NET, CLUSTER),
        // dnsConfig options override the policy's by name (TestMergeDNSOptions).
        Arguments.of("ndots1", DnsPolicy.CLUSTER_FIRST, CLUSTER.replace("ndots:5", "ndots:1")));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("files")
  void theKubeletWritesResolvConfFromThePolicy(String pod, DnsPolicy policy, String expected) {
    PodHandle handle = cluster.getPod("shop/" + pod);
    assertEquals(policy, handle.get().spec().dnsPolicy());
    assertEquals(expected, handle.resolvConf().toString());
  }

  @ParameterizedTest(name = "{0} resolves web: {1}")
  @CsvSource({"cluster-first, true", "host-with-host-net, true", "default, false",
      "host-cluster-first, false", "ndots1, true"})
  void onlyAPodThatAsksClusterDnsResolvesAServiceByItsShortName(String pod, boolean resolves) {
    DnsLookup web = cluster.getPod("shop/" + pod).lookup("web", RecordType.A);
    assertEquals(resolves, web.resolved(), web.toString());
    if (!resolves) {
      assertEquals(Rcode.NXDOMAIN, web.rcode().orElseThrow(), web.toString());
      assertEquals(List.of("web.corp.example.", "web."), names(web),
          "the node's resolver knows no cluster names");
    }
  }

  @Test
  void withNdots1AnOutsideNameIsAskedAsWrittenFirst() {
    DnsLookup dotted = cluster.getPod("shop/ndots1").lookup("example.com", RecordType.A);
    assertEquals(List.of("example.com."), names(dotted), dotted.toString());
    assertEquals(List.of(IpAddress.parse("93.184.216.34")), dotted.addresses());
    DnsLookup searched = cluster.getPod("shop/cluster-first").lookup("example.com",
        RecordType.A);
    assertEquals(List.of("example.com.shop.svc.cluster.local.", "example.com.svc.cluster.local.",
        "example.com.cluster.local.", "example.com.corp.example.", "example.com."),
        names(searched), "ndots:5 tries every search domain first");
    assertEquals(dotted.addresses(), searched.addresses());
  }

  private static List<String> names(DnsLookup lookup) {
    return lookup.tried().stream().map(a -> a.question().name().toString()).toList();
  }
}

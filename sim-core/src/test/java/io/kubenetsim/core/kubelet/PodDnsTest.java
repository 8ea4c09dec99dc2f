package io.kubenetsim.core.kubelet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.dns.ResolvConf;
import io.kubenetsim.dns.ResolvOption;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.DnsPolicy;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodDNSConfig;
import io.kubenetsim.model.PodDNSConfigOption;
import io.kubenetsim.net.IpAddress;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kubelet's resolv.conf per pod, after upstream's {@code TestGetPodDNSType}, {@code
 * TestGetPodDNSCustom} and {@code TestMergeDNSOptions} ({@code
 * pkg/kubelet/network/dns/dns_test.go}): the same node ({@code nameserver 8.8.8.8}, {@code
 * search host.domain}), cluster DNS {@code 10.0.0.10} and domain {@code kubernetes.io}.
 */
class PodDnsTest {
  private static final IpAddress CLUSTER_NS = IpAddress.parse("10.0.0.10");
  private static final ResolvConf NODE = ResolvConf.of(List.of(IpAddress.parse("8.8.8.8")),
      List.of("host.domain"), List.of());
  private static final PodDNSConfigOption NDOTS_3 = PodDNSConfigOption.of("ndots", "3");
  private static final PodDNSConfigOption DEBUG = PodDNSConfigOption.flag("debug");

  private final PodDns dns = new PodDns(List.of(CLUSTER_NS), "kubernetes.io", NODE);

  static Stream<Arguments> types() {
    return Stream.of(
        Arguments.of(DnsPolicy.CLUSTER_FIRST, false, PodDnsType.CLUSTER),
        Arguments.of(DnsPolicy.CLUSTER_FIRST_WITH_HOST_NET, true, PodDnsType.CLUSTER),
        Arguments.of(DnsPolicy.CLUSTER_FIRST_WITH_HOST_NET, false, PodDnsType.CLUSTER),
        Arguments.of(DnsPolicy.DEFAULT, false, PodDnsType.HOST),
        Arguments.of(DnsPolicy.DEFAULT, true, PodDnsType.HOST),
        Arguments.of(DnsPolicy.CLUSTER_FIRST, true, PodDnsType.HOST),
        Arguments.of(DnsPolicy.NONE, false, PodDnsType.NONE));
  }

  @ParameterizedTest(name = "{0}, hostNetwork {1} -> {2}")
  @MethodSource("types")
  void thePolicyAndHostNetworkChooseTheBase(DnsPolicy policy, boolean hostNetwork,
      PodDnsType expected) {
    assertEquals(expected, PodDnsType.of(policy, hostNetwork));
    assertEquals(expected, dns.forPod(pod(policy, hostNetwork, Optional.empty())).type());
  }

  static Stream<Arguments> custom() {
    PodDNSConfig noneConfig = config(List.of("203.0.113.1"), List.of("my.domain",
        "second.domain"), List.of(NDOTS_3, DEBUG));
    PodDNSConfig extra = config(List.of("10.0.0.11"), List.of("my.domain"),
        List.of(NDOTS_3, DEBUG));
    String cluster = "search testNS.svc.kubernetes.io svc.kubernetes.io kubernetes.io"
        + " host.domain my.domain\nnameserver 10.0.0.10\nnameserver 10.0.0.11\n"
        + "options ndots:3 debug\n";
    return Stream.of(
        Arguments.of("None without dnsConfig is empty", DnsPolicy.NONE, false,
            Optional.empty(), ""),
        Arguments.of("None with dnsConfig is the dnsConfig", DnsPolicy.NONE, false,
            Optional.of(noneConfig), "search my.domain second.domain\nnameserver 203.0.113.1\n"
                + "options ndots:3 debug\n"),
        Arguments.of("ClusterFirst with dnsConfig merges", DnsPolicy.CLUSTER_FIRST, false,
            Optional.of(extra), cluster),
        Arguments.of("ClusterFirstWithHostNet with dnsConfig merges",
            DnsPolicy.CLUSTER_FIRST_WITH_HOST_NET, true, Optional.of(extra), cluster),
        Arguments.of("Default with dnsConfig merges onto the node's", DnsPolicy.DEFAULT, false,
            Optional.of(extra), "search host.domain my.domain\nnameserver 8.8.8.8\n"
                + "nameserver 10.0.0.11\noptions ndots:3 debug\n"),
        Arguments.of("ClusterFirst alone drops the node's nameservers and options",
            DnsPolicy.CLUSTER_FIRST, false, Optional.empty(),
            "search testNS.svc.kubernetes.io svc.kubernetes.io kubernetes.io host.domain\n"
                + "nameserver 10.0.0.10\noptions ndots:5\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("custom")
  void dnsConfigIsMergedOnTopOfThePolicysBase(String name, DnsPolicy policy,
      boolean hostNetwork, Optional<PodDNSConfig> config, String resolvConf) {
    PodDnsResult result = dns.forPod(pod(policy, hostNetwork, config));
    assertEquals(resolvConf, result.resolvConf().toString());
    assertEquals(List.of(), result.warnings());
  }

  static Stream<Arguments> merges() {
    List<ResolvOption> existing = List.of(ResolvOption.of("ndots", "5"),
        ResolvOption.flag("debug"));
    return Stream.of(
        Arguments.of("no dnsConfig options", existing, List.of(), "ndots:5 debug"),
        Arguments.of("no duplicated entries", existing, List.of(
            PodDNSConfigOption.flag("single-request"), PodDNSConfigOption.of("attempts", "3")),
            "ndots:5 debug single-request attempts:3"),
        Arguments.of("duplicated entries are overwritten in place", existing, List.of(NDOTS_3,
            DEBUG, PodDNSConfigOption.flag("single-request"),
            PodDNSConfigOption.of("attempts", "3")), "ndots:3 debug single-request attempts:3"),
        Arguments.of("an empty value is written as a flag", List.of(ResolvOption.of("rotate",
            "")), List.of(PodDNSConfigOption.of("ndots", "")), "rotate ndots"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("merges")
  void optionsMergeByNameThePodsWinning(String name, List<ResolvOption> existing,
      List<PodDNSConfigOption> fromPod, String expected) {
    assertEquals(expected, String.join(" ", PodDns.mergeOptions(existing, fromPod).stream()
        .map(ResolvOption::toString).toList()));
  }

  @Test
  void withoutClusterDnsAClusterFirstPodFallsBackToTheNodesResolver() {
    PodDns none = new PodDns(List.of(), "kubernetes.io", NODE);
    PodDnsResult result = none.forPod(pod(DnsPolicy.CLUSTER_FIRST, false, Optional.empty()));
    assertEquals(PodDnsType.HOST, result.type());
    assertEquals(NODE, result.resolvConf());
    assertEquals(List.of(new PodDnsWarning("MissingClusterDNS", "pod: \"test-pod_testNS()\". "
        + "kubelet does not have ClusterDNS IP configured and cannot create Pod using "
        + "\"ClusterFirst\" policy. Falling back to \"Default\" policy.")), result.warnings());
  }

  @Test
  void clusterSearchesDropDuplicatesAndTheNodesTrailingDots() {
    ResolvConf node = ResolvConf.of(List.of(IpAddress.parse("172.18.0.1")),
        List.of("kubernetes.io.", "corp.example.", "corp.example"), List.of(ResolvOption.of(
            "timeout", "1")));
    PodDnsResult result = new PodDns(List.of(CLUSTER_NS), "kubernetes.io", node)
        .forPod(pod(DnsPolicy.CLUSTER_FIRST, false, Optional.empty()));
    assertEquals(List.of("testNS.svc.kubernetes.io", "svc.kubernetes.io", "kubernetes.io",
        "corp.example"), result.resolvConf().searches());
    assertEquals(List.of(PodDns.CLUSTER_NDOTS), result.resolvConf().options());
  }

  @Test
  void withoutAClusterDomainTheNodesSearchesStandAlone() {
    PodDnsResult result = new PodDns(List.of(CLUSTER_NS), "", NODE)
        .forPod(pod(DnsPolicy.CLUSTER_FIRST, false, Optional.empty()));
    assertEquals(List.of("host.domain"), result.resolvConf().searches());
    assertEquals(List.of(CLUSTER_NS), result.resolvConf().nameservers());
  }

  @Test
  void threeDnsConfigNameserversAfterTheClusterOneAreCutToThreeWithAWarning() {
    // The API server allows three in dnsConfig; the cluster server makes four.
    Pod pod = pod(DnsPolicy.CLUSTER_FIRST, false, Optional.of(config(
        List.of("1.1.1.1", "10.0.0.10", "8.8.4.4", "9.9.9.9"), List.of(), List.of())));
    PodDnsResult result = dns.forPod(pod);
    assertEquals(List.of(CLUSTER_NS, IpAddress.parse("1.1.1.1"), IpAddress.parse("8.8.4.4")),
        result.resolvConf().nameservers(), "10.0.0.10 counted once, 9.9.9.9 cut");
    assertEquals(List.of(new PodDnsWarning("DNSConfigForming", "Nameserver limits were "
        + "exceeded, some nameservers have been omitted, the applied nameserver line is: "
        + "10.0.0.10 1.1.1.1 8.8.4.4")), result.warnings());
  }

  @Test
  void aNameserverWithALeadingZeroIsLeftOutWithAWarning() {
    Pod pod = pod(DnsPolicy.NONE, false, Optional.of(config(List.of("010.0.0.1", "10.0.0.2"),
        List.of(), List.of())));
    PodDnsResult result = dns.forPod(pod);
    assertEquals(List.of(IpAddress.parse("10.0.0.2")), result.resolvConf().nameservers());
    assertEquals(List.of("Nameserver \"010.0.0.1\" is not an IP address the resolver can read "
        + "and has been omitted"), result.warnings().stream().map(PodDnsWarning::message)
        .toList());
  }

  private static PodDNSConfig config(List<String> nameservers, List<String> searches,
      List<PodDNSConfigOption> options) {
    return new PodDNSConfig(ImmutableList.copyOf(nameservers), ImmutableList.copyOf(searches),
        ImmutableList.copyOf(options));
  }

  private static Pod pod(DnsPolicy policy, boolean hostNetwork, Optional<PodDNSConfig> config) {
    Pod pod = Pod.of("testNS", "test-pod", Labels.of("app", "test"),
        Container.of("test", "busybox", List.of()));
    return pod.withSpec(pod.spec().withHostNetwork(hostNetwork).withDns(policy, config));
  }
}

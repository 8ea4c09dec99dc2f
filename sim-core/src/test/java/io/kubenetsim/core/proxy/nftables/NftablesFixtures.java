package io.kubenetsim.core.proxy.nftables;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.KubeProxyConfiguration;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.core.proxy.ServicePortName;
import io.kubenetsim.model.TrafficPolicy;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Test fixtures following upstream {@code proxier_test.go} conventions: pods 10.0.0.0/8,
 * ClusterIPs 172.30.0.0/16, node {@code test-node} at 192.168.0.2 (primary) and 192.168.1.2,
 * external clients 203.0.113.0/24 (allowed by source range 203.0.113.0/25).
 */
final class NftablesFixtures {
  static final String NODE = "test-node";

  private NftablesFixtures() {}

  static NodeContext node() {
    return new NodeContext(NODE, ImmutableList.of(ip("192.168.0.2"), ip("192.168.1.2")),
        Optional.of(Cidr.parse("10.180.0.0/24")), Optional.of(Cidr.parse("10.0.0.0/8")),
        ImmutableList.of(Cidr.parse("172.30.0.0/16")),
        KubeProxyConfiguration.defaults().withMode(ProxyMode.NFTABLES));
  }

  static IpAddress ip(String text) {
    return IpAddress.parse(text);
  }

  static ProxyEndpoint ready(String ip, String node) {
    return ProxyEndpoint.of(ip(ip), 80, node, true, true, false);
  }

  static ProxyEndpoint terminating(String ip, String node) {
    return ProxyEndpoint.of(ip(ip), 80, node, false, true, true);
  }

  static ProxyPacket tcp(String source, String destination, int port) {
    return new ProxyPacket(ip(source), ip(destination), port, Protocol.TCP,
        ProxyPacket.Hook.PREROUTING);
  }

  static ProxyPacket fromHost(String source, String destination, int port) {
    return new ProxyPacket(ip(source), ip(destination), port, Protocol.TCP,
        ProxyPacket.Hook.OUTPUT);
  }

  /** A service port builder with upstream's test defaults: port {@code p80}, TCP 80. */
  static final class Port {
    private final String namespace;
    private final String service;
    private final String clusterIP;
    private int nodePort;
    private List<String> externalIPs = List.of();
    private List<String> loadBalancerIPs = List.of();
    private List<String> sourceRanges = List.of();
    private boolean externalLocal;
    private boolean internalLocal;
    private Optional<Duration> affinity = Optional.empty();
    private List<ProxyEndpoint> endpoints = List.of();

    Port(String namespace, String service, String clusterIP) {
      this.namespace = namespace;
      this.service = service;
      this.clusterIP = clusterIP;
    }

    Port nodePort(int value) {
      nodePort = value;
      return this;
    }

    Port externalIPs(String... values) {
      externalIPs = List.of(values);
      return this;
    }

    Port loadBalancer(String ip, String... ranges) {
      loadBalancerIPs = List.of(ip);
      sourceRanges = List.of(ranges);
      return this;
    }

    Port externalLocal() {
      externalLocal = true;
      return this;
    }

    Port internalLocal() {
      internalLocal = true;
      return this;
    }

    Port affinity(Duration timeout) {
      affinity = Optional.of(timeout);
      return this;
    }

    Port endpoints(ProxyEndpoint... values) {
      endpoints = List.of(values);
      return this;
    }

    ServicePortInfo build() {
      return new ServicePortInfo(new ServicePortName(namespace, service, "p80", Protocol.TCP),
          ip(clusterIP), 80, nodePort,
          externalIPs.stream().map(IpAddress::parse).collect(ImmutableList.toImmutableList()),
          loadBalancerIPs.stream().map(IpAddress::parse)
              .collect(ImmutableList.toImmutableList()),
          sourceRanges.stream().map(Cidr::parse).collect(ImmutableList.toImmutableList()),
          externalLocal ? TrafficPolicy.LOCAL : TrafficPolicy.CLUSTER,
          internalLocal ? TrafficPolicy.LOCAL : TrafficPolicy.CLUSTER, affinity, 0,
          ImmutableList.sortedCopyOf(Comparator.comparing(ProxyEndpoint::address, HostPort.BY_TEXT),
              endpoints));
    }
  }
}

package io.kubenetsim.core.proxy.iptables;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.KubeProxyConfiguration;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.core.proxy.ServicePortName;
import io.kubenetsim.model.TrafficPolicy;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Test fixtures in the shape of upstream's proxier_test.go: node {@code test-node} at
 * 192.168.0.2, cluster CIDR 10.0.0.0/8, and a builder for service ports.
 */
final class Ports {
  static final String NODE = "test-node";
  static final String NODE_IP = "192.168.0.2";
  static final String EXTERNAL_CLIENT = "203.0.113.2";

  private Ports() {}

  static NodeContext node() {
    return node(KubeProxyConfiguration.defaults().withMode(ProxyMode.IPTABLES));
  }

  static NodeContext node(KubeProxyConfiguration config) {
    return new NodeContext(NODE, ImmutableList.of(IpAddress.parse(NODE_IP)),
        Optional.of(Cidr.parse("10.0.0.0/24")), Optional.of(Cidr.parse("10.0.0.0/8")),
        ImmutableList.of(Cidr.parse("172.30.0.0/16")), config);
  }

  static Builder port(String namespace, String service, String portName, String clusterIP,
      int port) {
    return new Builder(new ServicePortName(namespace, service, portName, Protocol.TCP),
        clusterIP, port);
  }

  /** A mutable builder; endpoints are sorted by {@code ip:port} on build, as upstream sorts. */
  static final class Builder {
    private ServicePortName name;
    private final String clusterIP;
    private final int port;
    private int nodePort;
    private final List<String> externalIPs = new ArrayList<>();
    private final List<String> loadBalancerIPs = new ArrayList<>();
    private final List<String> sourceRanges = new ArrayList<>();
    private boolean externalLocal;
    private boolean internalLocal;
    private Optional<Duration> affinity = Optional.empty();
    private int healthCheckNodePort;
    private final List<ProxyEndpoint> endpoints = new ArrayList<>();

    private Builder(ServicePortName name, String clusterIP, int port) {
      this.name = name;
      this.clusterIP = clusterIP;
      this.port = port;
    }

    Builder protocol(Protocol protocol) {
      name = new ServicePortName(name.namespace(), name.service(), name.port(), protocol);
      return this;
    }

    Builder nodePort(int value) {
      nodePort = value;
      return this;
    }

    Builder externalIP(String ip) {
      externalIPs.add(ip);
      return this;
    }

    Builder loadBalancer(String ip, String... ranges) {
      loadBalancerIPs.add(ip);
      sourceRanges.addAll(List.of(ranges));
      return this;
    }

    Builder externalLocal() {
      externalLocal = true;
      return this;
    }

    Builder internalLocal() {
      internalLocal = true;
      return this;
    }

    Builder affinity(Duration timeout) {
      affinity = Optional.of(timeout);
      return this;
    }

    Builder healthCheckNodePort(int value) {
      healthCheckNodePort = value;
      return this;
    }

    /** A ready endpoint; {@code nodeName} "" for one on no known node. */
    Builder endpoint(String ip, int targetPort, String nodeName) {
      return endpoint(ip, targetPort, nodeName, true, true, false);
    }

    Builder endpoint(String ip, int targetPort, String nodeName, boolean ready, boolean serving,
        boolean terminating) {
      endpoints.add(ProxyEndpoint.of(IpAddress.parse(ip), targetPort, nodeName, ready, serving,
          terminating));
      return this;
    }

    ServicePortInfo build() {
      return new ServicePortInfo(name, IpAddress.parse(clusterIP), port, nodePort,
          addresses(externalIPs), addresses(loadBalancerIPs),
          sourceRanges.stream().map(Cidr::parse).collect(ImmutableList.toImmutableList()),
          policy(externalLocal), policy(internalLocal), affinity, healthCheckNodePort,
          ImmutableList.sortedCopyOf(Comparator.comparing(ProxyEndpoint::address, HostPort.BY_TEXT),
              endpoints));
    }

    private static TrafficPolicy policy(boolean local) {
      return local ? TrafficPolicy.LOCAL : TrafficPolicy.CLUSTER;
    }

    private static ImmutableList<IpAddress> addresses(List<String> texts) {
      return texts.stream().map(IpAddress::parse).collect(ImmutableList.toImmutableList());
    }
  }
}

package io.kubenetsim.core.proxy.ipvs;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.KubeProxyConfiguration;
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

/** Small builders for service ports, nodes and packets in the IPVS tests. */
final class IpvsFixtures {
  static final Cidr CLUSTER = Cidr.parse("10.244.0.0/16");

  private IpvsFixtures() {}

  static IpAddress ip(String text) {
    return IpAddress.parse(text);
  }

  static NodeContext node(String name, String... addresses) {
    return node(name, KubeProxyConfiguration.defaults(), addresses);
  }

  static NodeContext node(String name, KubeProxyConfiguration config, String... addresses) {
    return new NodeContext(name,
        ImmutableList.copyOf(List.of(addresses).stream().map(IpAddress::parse).toList()),
        Optional.empty(), Optional.of(CLUSTER), ImmutableList.of(Cidr.parse("10.96.0.0/12")),
        config);
  }

  static ProxyEndpoint ready(String ip, int port, String node) {
    return ProxyEndpoint.of(ip(ip), port, node, true, true, false);
  }

  static ProxyEndpoint terminating(String ip, int port, String node) {
    return ProxyEndpoint.of(ip(ip), port, node, false, true, true);
  }

  static ProxyPacket tcp(String source, String destination, int port) {
    return new ProxyPacket(ip(source), ip(destination), port, Protocol.TCP,
        ProxyPacket.Hook.PREROUTING);
  }

  /** A ClusterIP-only TCP port; use the {@code with} methods for the rest. */
  static Port port(String namespace, String name, String clusterIP, int port,
      ProxyEndpoint... endpoints) {
    return new Port(new ServicePortName(namespace, name, "", Protocol.TCP), ip(clusterIP), port,
        0, List.of(), List.of(), List.of(), false, false, Optional.empty(), List.of(endpoints));
  }

  /** A mutable-by-copy description of one service port. */
  record Port(ServicePortName name, IpAddress clusterIP, int port, int nodePort,
      List<IpAddress> externalIPs, List<IpAddress> lbIPs, List<Cidr> sourceRanges,
      boolean extLocal, boolean intLocal, Optional<Duration> affinity,
      List<ProxyEndpoint> endpoints) {

    Port nodePort(int value) {
      return new Port(name, clusterIP, port, value, externalIPs, lbIPs, sourceRanges,
          extLocal, intLocal, affinity, endpoints);
    }

    Port externalIP(String ip) {
      return new Port(name, clusterIP, port, nodePort, List.of(ip(ip)), lbIPs, sourceRanges,
          extLocal, intLocal, affinity, endpoints);
    }

    Port loadBalancer(String ip, String... ranges) {
      return new Port(name, clusterIP, port, nodePort, externalIPs, List.of(ip(ip)),
          List.of(ranges).stream().map(Cidr::parse).toList(), extLocal, intLocal,
          affinity, endpoints);
    }

    Port externalLocal() {
      return new Port(name, clusterIP, port, nodePort, externalIPs, lbIPs, sourceRanges, true,
          intLocal, affinity, endpoints);
    }

    Port internalLocal() {
      return new Port(name, clusterIP, port, nodePort, externalIPs, lbIPs, sourceRanges,
          extLocal, true, affinity, endpoints);
    }

    Port affinity(Duration timeout) {
      return new Port(name, clusterIP, port, nodePort, externalIPs, lbIPs, sourceRanges,
          extLocal, intLocal, Optional.of(timeout), endpoints);
    }

    ServicePortInfo info() {
      return new ServicePortInfo(name, clusterIP, port, nodePort,
          ImmutableList.copyOf(externalIPs), ImmutableList.copyOf(lbIPs),
          ImmutableList.copyOf(sourceRanges), policy(extLocal), policy(intLocal), affinity, 0,
          ImmutableList.sortedCopyOf(Comparator.comparing(ProxyEndpoint::address, HostPort.BY_TEXT),
              endpoints));
    }

    private static TrafficPolicy policy(boolean local) {
      return local ? TrafficPolicy.LOCAL : TrafficPolicy.CLUSTER;
    }
  }
}

package io.kubenetsim.core.proxy.iptables;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.DetectLocalMode;
import io.kubenetsim.KubeProxyConfiguration;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ProxyPacket.Hook;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Random small clusters for comparing ways of evaluating the same rules: Service ports of every
 * shape the compiler writes (NodePorts, external and load-balancer IPs with source ranges, Local
 * traffic policies, affinity, health checks, endpoints ready, terminating or neither, on any
 * node), nodes with every kind of kube-proxy configuration that changes rule text, and packets
 * aimed at what the rules match (ClusterIPs, node addresses, NodePorts, external addresses) from
 * pods, nodes, loopback, endpoints and the outside. Everything follows from the seed.
 */
final class RandomRuleCases {
  static final int NODES = 4;

  /** A snapshot, the nodes that evaluate it, and packets to send. */
  record Case(ProxySnapshot snapshot, List<NodeContext> nodes, List<ProxyPacket> packets) {}

  private final SeededRandom random;
  private final List<String> addresses = new ArrayList<>();
  private final List<Integer> portNumbers = new ArrayList<>(List.of(80, 443, 53));
  private final List<Target> targets = new ArrayList<>();
  private final List<String> nodeAddresses = new ArrayList<>(List.of("127.0.0.1"));

  /** What a Service port answers on. */
  private record Target(String address, int port, Protocol protocol) {}

  private RandomRuleCases(long seed) {
    this.random = new SeededRandom(seed);
  }

  static Case generate(long seed, int ports, int packets) {
    return new RandomRuleCases(seed).build(ports, packets);
  }

  private Case build(int portCount, int packetCount) {
    KubeProxyConfiguration config = config();
    List<NodeContext> nodes = new ArrayList<>();
    for (int n = 0; n < NODES; n++) {
      Cidr podCidr = Cidr.parse("10.0." + n + ".0/24");
      Optional<Cidr> detector = switch (config.detectLocalMode()) {
        case CLUSTER_CIDR -> Cidr.tryParse(config.clusterCIDR());
        case NODE_CIDR -> Optional.of(podCidr);
      };
      List<IpAddress> ips = new ArrayList<>(List.of(IpAddress.parse("192.168.0." + (n + 2))));
      if (random.nextInt(3) == 0) {
        ips.add(IpAddress.parse("198.18.0." + (n + 2)));
      }
      nodes.add(new NodeContext("node-" + n, ImmutableList.copyOf(ips), Optional.of(podCidr),
          detector, ImmutableList.of(Cidr.parse("172.30.0.0/16")), config));
      ips.forEach(ip -> addresses.add(ip.toString()));
      ips.forEach(ip -> nodeAddresses.add(ip.toString()));
    }
    List<ServicePortInfo> ports = new ArrayList<>();
    for (int i = 0; i < portCount; i++) {
      ports.add(port(i));
    }
    List<ProxyPacket> packets = new ArrayList<>();
    for (int i = 0; i < packetCount; i++) {
      packets.add(packet());
    }
    return new Case(ProxySnapshot.of(1 + random.nextInt(1000), ports), nodes, packets);
  }

  private KubeProxyConfiguration config() {
    KubeProxyConfiguration config = KubeProxyConfiguration.defaults().withMode(ProxyMode.IPTABLES)
        .withMasqueradeAll(random.nextInt(4) == 0);
    config = switch (random.nextInt(4)) {
      case 0 -> config.withClusterCIDR("");
      case 1 -> config.withDetectLocalMode(DetectLocalMode.NODE_CIDR);
      default -> config.withClusterCIDR("10.0.0.0/16");
    };
    return switch (random.nextInt(5)) {
      case 0 -> config.withNodePortAddresses(List.of("192.168.0.0/16", "127.0.0.0/8"));
      case 1 -> config.withNodePortAddresses(List.of("primary"));
      case 2 -> config.withNodePortAddresses(List.of("0.0.0.0/0"));
      default -> config;
    };
  }

  private ServicePortInfo port(int i) {
    int servicePort = pick(List.of(80, 443, 8080));
    Protocol protocol = random.nextInt(4) == 0 ? Protocol.UDP : Protocol.TCP;
    String clusterIP = "172.30.0." + (i + 1);
    Ports.Builder port = Ports.port("ns" + random.nextInt(3), "svc" + i, "p" + random.nextInt(2),
        clusterIP, servicePort).protocol(protocol);
    portNumbers.add(servicePort);
    addresses.add(clusterIP);
    targets.add(new Target(clusterIP, servicePort, protocol));
    if (random.nextInt(2) == 0) {
      port.nodePort(30000 + i);
      portNumbers.add(30000 + i);
      nodeAddresses.forEach(a -> targets.add(new Target(a, 30000 + i, protocol)));
    }
    if (random.nextInt(4) == 0) {
      String ip = "192.168.99." + (i + 1);
      port.externalIP(ip);
      addresses.add(ip);
      targets.add(new Target(ip, servicePort, protocol));
    }
    if (random.nextInt(4) == 0) {
      String ip = "5.6.7." + (i + 1);
      addresses.add(ip);
      targets.add(new Target(ip, servicePort, protocol));
      switch (random.nextInt(3)) {
        case 0 -> port.loadBalancer(ip);
        case 1 -> port.loadBalancer(ip, "203.0.113.0/25");
        default -> port.loadBalancer(ip, "203.0.113.0/25", "192.168.0.0/24");
      }
    }
    if (random.nextInt(3) == 0) {
      port.externalLocal();
      if (random.nextInt(2) == 0) {
        port.healthCheckNodePort(32000 + i);
        portNumbers.add(32000 + i);
        nodeAddresses.forEach(a -> targets.add(new Target(a, 32000 + i, Protocol.TCP)));
      }
    }
    if (random.nextInt(4) == 0) {
      port.internalLocal();
    }
    if (random.nextInt(4) == 0) {
      port.affinity(Duration.ofSeconds(10 + random.nextInt(100)));
    }
    int endpoints = random.nextInt(5);
    for (int e = 0; e < endpoints; e++) {
      int node = random.nextInt(NODES + 1);
      String ip = "10.0." + node + "." + (10 + i * 5 + e);
      String nodeName = node == NODES ? "" : "node-" + node;
      int condition = random.nextInt(6);
      port.endpoint(ip, 8080 + random.nextInt(2), nodeName, condition < 4, condition != 5,
          condition >= 4);
      addresses.add(ip);
    }
    return port.build();
  }

  private ProxyPacket packet() {
    List<String> sources = new ArrayList<>(List.of("10.0.0.7", "10.0.1.7", "10.0.3.9",
        "127.0.0.1", Ports.EXTERNAL_CLIENT, "198.51.100.7", "203.0.113.200"));
    sources.addAll(addresses);
    String source = random.nextInt(30) == 0 ? "fd00::7" : pick(sources);
    Hook hook = random.nextInt(3) == 0 ? Hook.OUTPUT : Hook.PREROUTING;
    if (!targets.isEmpty() && random.nextInt(4) != 0) {
      Target target = pick(targets);
      return new ProxyPacket(IpAddress.parse(source), IpAddress.parse(target.address()),
          target.port(), target.protocol(), hook);
    }
    String destination = random.nextInt(8) == 0 ? "127.0.0.1"
        : random.nextInt(20) == 0 ? "fd00::1" : pick(addresses);
    int port = random.nextInt(10) == 0 ? 1 + random.nextInt(65535) : pick(portNumbers);
    Protocol protocol = random.nextInt(5) == 0 ? Protocol.UDP : Protocol.TCP;
    return new ProxyPacket(IpAddress.parse(source), IpAddress.parse(destination), port, protocol,
        hook);
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}

package io.kubenetsim.bench;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.KubeProxyConfiguration;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyBackend;
import io.kubenetsim.core.proxy.ProxyBackends;
import io.kubenetsim.core.proxy.ProxyDecision;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ProxyNodeState;
import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.core.proxy.ServicePortName;
import io.kubenetsim.model.TrafficPolicy;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the first packet of a new connection through kube-proxy's rules, per mode and
 * number of Services (issue 10). IPVS and nftables look the Service up in hash maps, so their
 * cost should be flat in the number of Services; iptables walks KUBE-SERVICES rule by rule, as
 * the kernel does, so its cost is linear in the rules ahead of the Service — which is why the
 * packet targets the Service port in the <em>middle</em> of {@code snapshot.ports()} (name
 * order, the order KUBE-SERVICES is written in): at 10,000 Services it walks about 5,000 rules.
 * Every Service is a ClusterIP Service with 3 ready endpoints on three different nodes; the
 * client is a pod on another node.
 *
 * <ul>
 *   <li>{@code firstPacket}: from one node, again and again; whatever a mode compiles per
 *       snapshot or per node is compiled once, in setup.
 *   <li>{@code firstPacketSpreadOverNodes}: the same connection made by a pod on each of
 *       {@value #NODES} nodes in turn (each node has its own {@link NodeContext}, as in a
 *       cluster where clients are spread out): whatever a mode compiles or caches per node,
 *       rather than per snapshot, shows here.
 * </ul>
 *
 * <p>Setup is per trial from fixed seeds; the decision is returned so the work is not dead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// A fixed heap touched at start: otherwise the first seconds of measurement pay the kernel's
// first touch of every page of a freshly grown young generation (several times the steady cost
// per operation, for as long as it takes to allocate through it once).
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class RuleLookupBench {
  /** Client nodes for {@code firstPacketSpreadOverNodes}. */
  static final int NODES = 1000;

  @Param({"IPVS", "IPTABLES", "NFTABLES"})
  public ProxyMode mode;

  @Param({"100", "1000", "10000"})
  public int services;

  private ProxyBackend backend;
  private ProxySnapshot snapshot;
  private NodeContext[] nodes;
  private ProxyPacket[] packets;
  private ProxyNodeState[] states;
  private SeededRandom random;
  private int next;
  private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

  @Setup(Level.Trial)
  public void setUp() {
    Cidr serviceCidr = Cidr.parse("10.96.0.0/12");
    Cidr podCidr = Cidr.parse("100.64.0.0/10");
    List<ServicePortInfo> ports = new ArrayList<>();
    for (int i = 0; i < services; i++) {
      List<ProxyEndpoint> endpoints = new ArrayList<>();
      for (int e = 0; e < 3; e++) {
        int node = (3 * i + e) % NODES;
        endpoints.add(ProxyEndpoint.of(podCidr.subnet(24, node).address(2 + i % 250), 8080,
            "node-" + node, true, true, false));
      }
      ports.add(new ServicePortInfo(new ServicePortName("ns" + i % 50, "svc" + i, "http",
          Protocol.TCP), serviceCidr.address(1000L + i), 80, 0, ImmutableList.of(),
          ImmutableList.of(), ImmutableList.of(), TrafficPolicy.CLUSTER, TrafficPolicy.CLUSTER,
          Optional.empty(), 0, ImmutableList.copyOf(endpoints)));
    }
    snapshot = ProxySnapshot.of(1, ports);
    ServicePortInfo middle = snapshot.ports().get(snapshot.ports().size() / 2);
    KubeProxyConfiguration config = KubeProxyConfiguration.defaults().withMode(mode)
        .withClusterCIDR(podCidr.toString());
    nodes = new NodeContext[NODES];
    packets = new ProxyPacket[NODES];
    states = new ProxyNodeState[NODES];
    for (int n = 0; n < NODES; n++) {
      Cidr nodePods = podCidr.subnet(24, n);
      nodes[n] = new NodeContext("node-" + n, ImmutableList.of(IpAddress.ipv4(0xAC120002L + n)),
          Optional.of(nodePods), Optional.of(podCidr), ImmutableList.of(serviceCidr), config);
      packets[n] = new ProxyPacket(nodePods.address(200), middle.clusterIP(), middle.port(),
          Protocol.TCP, ProxyPacket.Hook.PREROUTING);
      states[n] = new ProxyNodeState();
    }
    backend = ProxyBackends.forMode(mode);
    random = new SeededRandom(42);
    backend.evaluate(snapshot, nodes[0], packets[0], states[0], now, random);
  }

  @Benchmark
  public ProxyDecision firstPacket() {
    return backend.evaluate(snapshot, nodes[0], packets[0], states[0], now, random);
  }

  @Benchmark
  public ProxyDecision firstPacketSpreadOverNodes() {
    int n = next;
    next = n + 1 == NODES ? 0 : n + 1;
    return backend.evaluate(snapshot, nodes[n], packets[n], states[n], now, random);
  }
}
// How to run: mvn -B -q -o package -DskipTests -pl sim-bench -am &&
//   java -jar sim-bench/target/benchmarks.jar RuleLookupBench -p services=100,10000

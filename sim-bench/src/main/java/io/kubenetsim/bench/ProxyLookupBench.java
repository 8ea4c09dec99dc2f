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
 * The cost of one new connection's first packet through one node's kube-proxy rules, per mode
 * and number of Services: IPVS and nftables look the service up in hash maps (cost flat in the
 * number of Services), iptables walks KUBE-SERVICES rule by rule (cost linear, as in the
 * kernel). Each Service has 3 endpoints; the packet targets a Service in the middle of the
 * list. Compiling the node's rules happens once in setup (they are cached per snapshot).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProxyLookupBench {

  @Param({"IPVS", "IPTABLES", "NFTABLES"})
  public ProxyMode mode;

  @Param({"100", "1000", "10000"})
  public int services;

  private ProxyBackend backend;
  private ProxySnapshot snapshot;
  private NodeContext node;
  private ProxyNodeState state;
  private SeededRandom random;
  private ProxyPacket packet;
  private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

  @Setup(Level.Trial)
  public void setUp() {
    Cidr serviceCidr = Cidr.parse("10.96.0.0/12");
    List<ServicePortInfo> ports = new ArrayList<>();
    for (int i = 0; i < services; i++) {
      List<ProxyEndpoint> endpoints = new ArrayList<>();
      for (int e = 0; e < 3; e++) {
        endpoints.add(ProxyEndpoint.of(IpAddress.parse("10.244." + (e + 1) + "." + (i % 250
            + 2)), 8080, "node-" + (e + 1), true, true, false));
      }
      ports.add(new ServicePortInfo(new ServicePortName("ns" + i % 50, "svc" + i, "http",
          Protocol.TCP), serviceCidr.address(1000L + i), 80, 0, ImmutableList.of(),
          ImmutableList.of(), ImmutableList.of(), TrafficPolicy.CLUSTER, TrafficPolicy.CLUSTER,
          Optional.empty(), 0, ImmutableList.copyOf(endpoints)));
    }
    snapshot = ProxySnapshot.of(1, ports);
    Cidr podCidr = Cidr.parse("10.244.0.0/16");
    node = new NodeContext("node-1", ImmutableList.of(IpAddress.parse("172.18.0.2")),
        Optional.of(Cidr.parse("10.244.1.0/24")), Optional.of(podCidr),
        ImmutableList.of(serviceCidr), KubeProxyConfiguration.defaults().withMode(mode)
            .withClusterCIDR(podCidr.toString()));
    backend = ProxyBackends.forMode(mode);
    state = new ProxyNodeState();
    random = new SeededRandom(42);
    packet = new ProxyPacket(IpAddress.parse("10.244.1.9"),
        serviceCidr.address(1000L + services / 2), 80, Protocol.TCP,
        ProxyPacket.Hook.PREROUTING);
    backend.evaluate(snapshot, node, packet, state, now, random);
  }

  @Benchmark
  public ProxyDecision firstPacketOfANewConnection() {
    return backend.evaluate(snapshot, node, packet, state, now, random);
  }
}
// How to run: mvn -B -q package -DskipTests -pl sim-bench -am &&
//   java -jar sim-bench/target/benchmarks.jar ProxyLookupBench

package io.kubenetsim.bench;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.dns.DnsLookup;
import io.kubenetsim.dns.RecordType;
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
 * A short-name lookup through the public API, as a test would make it: {@code
 * client.lookup("svcI", A)} — the pod's resolv.conf formed, the search list expanded, and the
 * query sent as a UDP datagram through the entry node's kube-proxy rules (DNAT of the kube-dns
 * ClusterIP to a CoreDNS pod), NetworkPolicy's gate and delivery, then answered. A cluster of 3
 * nodes and {@code services} ClusterIP Services in the client's namespace, each with 2 pods.
 * Compare with {@link DnsLookupBench}, the resolver and server alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DnsTrafficBench {

  @Param({"100"})
  public int services;

  private PodHandle client;
  private final String[] names = new String[1024];
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    Cluster c = KubeSim.cluster().nodes(3).seed(5).build();
    c.createNamespace("shop");
    for (int i = 0; i < services; i++) {
      c.deployment("shop/svc" + i).replicas(2).label("app", "svc" + i)
          .containerPort("http", 8080).create();
      c.service("shop/svc" + i).selector("app", "svc" + i).port("http", 80, "http").create();
    }
    client = c.pod("shop/client").create();
    c.settle();
    for (int q = 0; q < names.length; q++) {
      names[q] = "svc" + (q * 7919 % services);
    }
    if (!client.lookup(names[0], RecordType.A).resolved()) {
      throw new IllegalStateException("svc0 does not resolve");
    }
    System.gc();
  }

  @Benchmark
  public DnsLookup podLookup() {
    return client.lookup(names[next++ & 1023], RecordType.A);
  }
}
// How to run: mvn -B -q -o package -DskipTests -pl sim-bench -am &&
//   java -jar sim-bench/target/benchmarks.jar DnsTrafficBench

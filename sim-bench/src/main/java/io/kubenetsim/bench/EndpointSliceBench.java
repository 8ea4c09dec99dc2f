package io.kubenetsim.bench;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ServiceHandle;
import java.util.List;
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
 * One endpoint's readiness changing, through the whole control plane, until the cluster is
 * quiet again: the kubelet rewrites the pod's Ready condition (its readiness gate flipped), the
 * EndpointSlice and Endpoints controllers reconcile the Service, kube-proxy syncs, CoreDNS's
 * zone follows. The measured Service has {@code endpoints} pods; {@code services} other
 * Services of 2 pods each make the rest of the cluster.
 *
 * <p>What to read: the cost should not grow with {@code services} (every component works on
 * the changed Service only); it grows with {@code endpoints}, because the controllers
 * recompute the changed Service's slices as upstream's do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EndpointSliceBench {
  private static final String GATE = "bench.kubenetsim.io/ready";

  @Param({"100", "1000"})
  public int services;

  @Param({"10", "1000"})
  public int endpoints;

  private Cluster cluster;
  private List<PodHandle> measured;
  private int next;
  private boolean ready = true;

  @Setup(Level.Trial)
  public void setUp() {
    int pods = services * 2 + endpoints;
    cluster = KubeSim.cluster().nodes(Math.max(3, pods / 30 + 1)).seed(1)
        .clusterCidr("100.64.0.0/10", 24).maxSettleEvents(Long.MAX_VALUE).build();
    cluster.createNamespace("scale");
    for (int i = 0; i < services; i++) {
      cluster.deployment("scale/other" + i).replicas(2).label("app", "other" + i)
          .containerPort("http", 8080).create();
      cluster.service("scale/other" + i).selector("app", "other" + i)
          .port("http", 80, "http").create();
    }
    cluster.deployment("scale/measured").replicas(endpoints).label("app", "measured")
        .containerPort("http", 8080).readinessGate(GATE).create();
    ServiceHandle service = cluster.service("scale/measured").selector("app", "measured")
        .port("http", 80, "http").create();
    cluster.settle();
    measured = cluster.pods("scale", "app=measured");
    measured.forEach(pod -> pod.setCondition(GATE, true));
    cluster.settle();
    if (service.endpoints().size() != endpoints) {
      throw new IllegalStateException("expected " + endpoints + " ready endpoints, got "
          + service.endpoints().size());
    }
    System.gc();
  }

  @Benchmark
  public int oneEndpointChangesReadiness() {
    int i = next++ % measured.size();
    if (i == 0) {
      ready = !ready;
    }
    measured.get(i).setCondition(GATE, ready);
    cluster.settle();
    return cluster.pendingEvents();
  }
}
// How to run: mvn -B -q -o package -DskipTests -pl sim-bench -am &&
//   java -jar sim-bench/target/benchmarks.jar EndpointSliceBench

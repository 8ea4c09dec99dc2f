package io.kubenetsim.bench;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ProxyMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Build and settle a whole cluster at a given size, as issue 10's scale rows measure it: {@code
 * nodes} nodes, and per index one Deployment of 15 replicas and one Service (so {@code
 * services} = nodes × 2 and pods = nodes × 30), then delete one pod and settle again. A main
 * program rather than JMH: one build at these sizes takes seconds to minutes, and what matters
 * is the single wall-clock figure and the heap the settled cluster retains.
 *
 * <pre>
 * java -Xmx4g -cp sim-bench/target/benchmarks.jar io.kubenetsim.bench.ScaleRun 1000 [ipvs]
 * </pre>
 *
 * <p>Prints one line: nodes, pods, Services, build-and-settle seconds, retained heap (after a
 * full collection) in MB, and the delete-one-pod-and-settle time in milliseconds: the mean of
 * 200 rounds, after 200 that warm the path up (each round deletes a pod of another Service and
 * settles its whole chain: termination, replacement, scheduling, start, readiness, endpoints,
 * kube-proxy and DNS).
 */
public final class ScaleRun {
  private static final int REPLICAS = 15;
  private static final int DELETE_ROUNDS = 200;

  private ScaleRun() {}

  public static void main(String[] args) {
    int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    ProxyMode mode = args.length > 1 ? ProxyMode.valueOf(args[1].toUpperCase(Locale.ROOT))
        : ProxyMode.IPVS;
    int services = nodes * 2;
    long start = System.nanoTime();
    Cluster c = KubeSim.cluster().nodes(nodes).seed(1).proxyMode(mode)
        .clusterCidr("100.64.0.0/10", 24).maxSettleEvents(Long.MAX_VALUE).build();
    c.createNamespace("scale");
    for (int i = 0; i < services; i++) {
      c.deployment("scale/app" + i).replicas(REPLICAS).label("app", "app" + i)
          .containerPort("http", 8080).create();
      c.service("scale/app" + i).selector("app", "app" + i).port("http", 80, "http").create();
    }
    c.settle();
    double buildSeconds = (System.nanoTime() - start) / 1e9;
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
    // Victims are chosen before the clock starts (finding pods by label scans the namespace):
    // one pod of a different Service each round, so no round's replacement changes another's.
    List<PodHandle> victims = new ArrayList<>();
    for (int round = 0; round < 2 * DELETE_ROUNDS; round++) {
      victims.add(c.pods("scale", "app=app" + (round % services))
          .get(round / services % REPLICAS));
    }
    // The first half warms the delete path up (code the build never ran); the second is timed.
    long deleteNanos = 0;
    for (int round = 0; round < victims.size(); round++) {
      long t = System.nanoTime();
      victims.get(round).delete();
      c.settle();
      if (round >= DELETE_ROUNDS) {
        deleteNanos += System.nanoTime() - t;
      }
    }
    double deleteMillis = deleteNanos / 1e6 / DELETE_ROUNDS;
    System.out.printf(Locale.ROOT, "nodes=%d pods=%d services=%d mode=%s build+settle=%.1fs "
        + "heap=%dMB delete+settle=%.2fms%n", nodes, services * REPLICAS, services, mode,
        buildSeconds, heapMb, deleteMillis);
  }
}

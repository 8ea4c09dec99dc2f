package io.kubenetsim.bench;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ProxyMode;
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
 * full collection) in MB, and the delete-one-pod-and-settle time in milliseconds (the best of
 * five, after a warm-up one).
 */
public final class ScaleRun {
  private static final int REPLICAS = 15;

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
    long bestDeleteNanos = Long.MAX_VALUE;
    for (int round = 0; round < 6; round++) {
      PodHandle victim = c.pods("scale", "app=app" + (round * 7 % services)).get(0);
      long t = System.nanoTime();
      victim.delete();
      c.settle();
      long took = System.nanoTime() - t;
      if (round > 0) {
        bestDeleteNanos = Math.min(bestDeleteNanos, took);
      }
    }
    System.out.printf(Locale.ROOT, "nodes=%d pods=%d services=%d mode=%s build+settle=%.1fs "
        + "heap=%dMB delete+settle=%.1fms%n", nodes, services * REPLICAS, services, mode,
        buildSeconds, heapMb, bestDeleteNanos / 1e6);
  }
}

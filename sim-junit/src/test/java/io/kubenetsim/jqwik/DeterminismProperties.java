package io.kubenetsim.jqwik;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.NodeHandle;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.model.Pod;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The simulation is a function of its inputs (reference: kube-netsim's determinism contract in
 * docs/ARCHITECTURE.md): the same manifests, seed, node count and proxy mode, driven through
 * the same calls, give byte-identical event logs, connection traces and kubectl views. This
 * is what makes a failing property's printed seed and YAML a reproducible recipe, and why the
 * simulator must never read the wall clock, use unseeded randomness or let hash order leak.
 * Upstream has no counterpart: a real cluster is not deterministic; the random choices it makes
 * (iptables {@code statistic}, nftables {@code numgen}, the scheduler's tie-breaks) are here
 * drawn from the seed.
 */
class DeterminismProperties {

  @Provide
  Arbitrary<ClusterManifests> clusters() {
    return KubeArbitraries.clusters();
  }

  /**
   * Two clusters built from the same manifests and seed, each driven through one scenario
   * (connections from every client to every Service port, a lookup of every Service, a node
   * failure and recovery, a minute of virtual time, then the connections again), print the same
   * events, the same {@code explain()} of every connection and the same {@code kubectl get}.
   */
  @Property(tries = 20)
  void theSameSeedReplaysTheSameEventsAndTraces(@ForAll("clusters") ClusterManifests manifests,
      @ForAll long seed, @ForAll ProxyMode mode, @ForAll @IntRange(min = 1, max = 3) int nodes) {
    String first = transcript(manifests, seed, nodes, mode);
    String second = transcript(manifests, seed, nodes, mode);
    assertEquals(first, second, "two runs of seed " + seed + " in " + mode + " differ");
  }

  /**
   * A run depends on its own seed only, not on what ran before it in the JVM: a run of seed
   * {@code a} made again after a run of seed {@code b} (which may well differ from it) prints
   * what it printed the first time. Shared mutable state between clusters (a static counter, a
   * cache keyed by identity) would break this.
   */
  @Property(tries = 15)
  void aRunReplaysItselfWhateverRanBeforeIt(@ForAll("clusters") ClusterManifests manifests,
      @ForAll long a, @ForAll long b, @ForAll ProxyMode mode) {
    String firstA = transcript(manifests, a, 2, mode);
    String runB = transcript(manifests, b, 2, mode);
    String againB = transcript(manifests, b, 2, mode);
    String againA = transcript(manifests, a, 2, mode);
    assertEquals(firstA, againA, "seed " + a + " after seed " + b + " in " + mode);
    assertEquals(runB, againB, "seed " + b + " run twice in " + mode);
    Statistics.label("the two seeds' runs differ").collect(!firstA.equals(runB));
  }

  // ---- the scenario ----

  /** {@return everything one scripted run printed: traces, lookups, views and the event log} */
  static String transcript(ClusterManifests manifests, long seed, int nodes, ProxyMode mode) {
    Cluster cluster = manifests.build(seed, nodes, mode);
    StringBuilder out = new StringBuilder();
    connectEverywhere(cluster, manifests, out);
    List<NodeHandle> all = cluster.nodes();
    NodeHandle last = all.get(all.size() - 1);
    last.fail();
    cluster.runFor(Duration.ofSeconds(60)).settle();
    connectEverywhere(cluster, manifests, out);
    last.recover();
    cluster.settle();
    connectEverywhere(cluster, manifests, out);
    out.append(cluster.kubectl("get pods -A -o wide").stdout());
    out.append(cluster.kubectl("get endpointslices -A").stdout());
    out.append(cluster.events());
    return out.toString();
  }

  private static void connectEverywhere(Cluster cluster, ClusterManifests manifests,
      StringBuilder out) {
    for (Pod generated : manifests.clients()) {
      if (cluster.get(Pod.class, generated.metadata().namespace(), generated.metadata().name())
          .isEmpty()) {
        out.append(generated.metadata().key()).append(" is gone\n"); // evicted from the node
        continue;
      }
      PodHandle client = cluster.getPod(generated.metadata().key().toString());
      for (VirtualService vs : VirtualService.all(cluster, manifests)) {
        Connection c = client.connect(vs.clusterIp().toString(), vs.port().port(),
            vs.port().protocol());
        out.append(c.explain()).append('\n');
        out.append(client.lookup(vs.service().metadata().name() + "."
            + vs.service().metadata().namespace(), RecordType.A)).append('\n');
      }
    }
  }
}

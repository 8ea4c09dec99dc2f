package io.kubenetsim.core;

import io.kubenetsim.Cluster;
import io.kubenetsim.DeploymentHandle;
import io.kubenetsim.NodeHandle;
import io.kubenetsim.PodHandle;
import io.kubenetsim.Timing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The workload churn and node faults that the property tests ({@code ClusterProperties},
 * {@code services.ServiceProperties}) both run, so that the two interpret an action the same
 * way. Each action picks its target among the current candidates (or is skipped when there is
 * none) and returns what it did, prefixed by the action, for the failure report.
 *
 * <p>One instance per run: it remembers which nodes it failed, so a later action can recover
 * them and a removal forgets them. The static {@link #settleAndCheckEach} and {@link #replay}
 * give both tests the same run loop and the same failure report.
 */
public final class WorkloadActions {

  /** Long enough after a node fails for its pods to be evicted and replaced elsewhere. */
  private static final Duration PAST_EVICTION = Timing.defaults().nodeMonitorGracePeriod()
      .plus(Timing.defaults().unreachableTolerationSeconds()).plusSeconds(5);

  private final Cluster c;
  private final Set<String> failed = new TreeSet<>();

  public WorkloadActions(Cluster c) {
    this.c = c;
  }

  /**
   * Settles and checks the cluster as set up, then applies each action, settling and checking
   * after every one. {@code check} gets what {@code apply} reported for the actions run so far,
   * for its failure message.
   */
  public static <A> void settleAndCheckEach(Cluster c, List<A> actions,
      Function<A, String> apply, Consumer<List<String>> check) {
    List<String> done = new ArrayList<>();
    c.settle();
    check.accept(done);
    for (A action : actions) {
      done.add(apply.apply(action));
      c.settle();
      check.accept(done);
    }
  }

  /** {@return the seed, the setup and the actions run so far: what a failure needs to replay} */
  public static String replay(long seed, Object setup, List<String> done) {
    return "\nseed " + seed + ", " + setup + "\nactions:\n  " + String.join("\n  ", done);
  }

  /** {@return the candidate at {@code pick} modulo their number, or empty if there is none} */
  public static <T> Optional<T> pick(List<T> candidates, int pick) {
    return candidates.isEmpty() ? Optional.empty()
        : Optional.of(candidates.get(pick % candidates.size()));
  }

  /** Scales one of {@code deployments} to {@code replicas}. */
  public String scale(Object action, List<DeploymentHandle> deployments, int pick,
      int replicas) {
    return pick(deployments, pick).map(d -> {
      d.scale(replicas);
      return action + " scaled " + d.ref() + " to " + replicas;
    }).orElse(action + " skipped: no Deployment");
  }

  /** Deletes one of {@code deployments}. */
  public String deleteDeployment(Object action, List<DeploymentHandle> deployments, int pick) {
    return pick(deployments, pick).map(d -> {
      d.delete();
      return action + " deleted " + d.ref();
    }).orElse(action + " skipped: no Deployment");
  }

  /** Deletes a pod that is not already terminating. */
  public String deletePod(Object action, int pick) {
    List<PodHandle> live = c.pods().stream()
        .filter(p -> !p.get().metadata().isTerminating()).toList();
    return pick(live, pick).map(p -> {
      p.delete();
      return action + " deleted " + p.ref();
    }).orElse(action + " skipped: no pod");
  }

  /** Crashes a pod that is bound to a node (an unbound one has no container to crash). */
  public String crashPod(Object action, int pick) {
    List<PodHandle> placed = c.pods().stream().filter(p -> p.node().isPresent()).toList();
    return pick(placed, pick).map(p -> {
      p.crash();
      return action + " crashed " + p.ref();
    }).orElse(action + " skipped: no pod on a node");
  }

  /** Fails a running node and waits past eviction, so the invariants see the pods moved. */
  public String failNode(Object action, int pick) {
    List<NodeHandle> up = c.nodes().stream().filter(n -> !failed.contains(n.name())).toList();
    return pick(up, pick).map(n -> {
      n.fail();
      failed.add(n.name());
      c.runFor(PAST_EVICTION);
      return action + " failed " + n.name();
    }).orElse(action + " skipped: no running node");
  }

  /** Recovers a node this instance failed. */
  public String recoverNode(Object action, int pick) {
    return pick(List.copyOf(failed), pick).map(name -> {
      c.node(name).recover();
      failed.remove(name);
      return action + " recovered " + name;
    }).orElse(action + " skipped: no failed node");
  }

  /** Removes any node, failed or not; a removed node can no longer be recovered. */
  public String removeNode(Object action, int pick) {
    return pick(c.nodes(), pick).map(n -> {
      n.remove();
      failed.remove(n.name());
      return action + " removed " + n.name();
    }).orElse(action + " skipped: no node");
  }
}

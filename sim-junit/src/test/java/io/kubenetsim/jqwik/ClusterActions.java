package io.kubenetsim.jqwik;

import io.kubenetsim.KubeSim;
import io.kubenetsim.NodeHandle;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import io.kubenetsim.model.Service;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.Transformer;

/**
 * What an action chain does to a {@link LiveCluster}: apply or delete Services, Deployments
 * and NetworkPolicies drawn from {@link KubeArbitraries}, scale a Deployment, crash a pod,
 * fail or recover a node, let virtual time pass. Every action settles the cluster after it
 * (but for a node failure, see {@link #failNode}) and describes itself as the kubectl command
 * (or the manifest) that repeats it, so a shrunk chain reads as a recipe.
 */
final class ClusterActions {
  private ClusterActions() {}

  static List<Action<LiveCluster>> all() {
    return List.of(applyService(), applyDeployment(), deleteService(), deleteDeployment(),
        scaleDeployment(), crashPod(), relabelPod(), failNode(), recoverNode(), applyPolicy(),
        deletePolicy(), advanceTime());
  }

  /** A Service for an existing Deployment (or about no pods, when there is none). */
  static Action<LiveCluster> applyService() {
    return dependent(s -> true, s -> {
      List<Deployment> deployments = s.cluster.list(Deployment.class).stream()
          .filter(d -> !d.metadata().namespace().equals(ObservedPod.KUBE_SYSTEM)).toList();
      Arbitrary<Service> services = deployments.isEmpty()
          ? Arbitraries.of(namespaces(s)).flatMap(KubeArbitraries::services)
          : Arbitraries.of(deployments).flatMap(KubeArbitraries::services);
      return services.filter(svc -> absent(s, svc)).map(ClusterActions::apply);
    });
  }

  static Action<LiveCluster> applyDeployment() {
    return dependent(s -> true, s -> Arbitraries.of(namespaces(s))
        .flatMap(KubeArbitraries::deployments).filter(d -> absent(s, d))
        .map(ClusterActions::apply));
  }

  static Action<LiveCluster> applyPolicy() {
    return dependent(s -> true, s -> KubeArbitraries.networkPolicies(s.initial)
        .filter(p -> absent(s, p)).map(ClusterActions::apply));
  }

  static Action<LiveCluster> deleteService() {
    return pick(s -> s.services().stream().map(v -> v.metadata().key().toString()).toList(),
        key -> "kubectl delete service " + name(key) + " -n " + namespace(key),
        (s, key) -> s.cluster.getService(key).delete());
  }

  static Action<LiveCluster> deleteDeployment() {
    return pick(ClusterActions::deployments,
        key -> "kubectl delete deployment " + name(key) + " -n " + namespace(key),
        (s, key) -> s.cluster.getDeployment(key).delete());
  }

  static Action<LiveCluster> deletePolicy() {
    return pick(s -> s.cluster.list(NetworkPolicy.class).stream()
            .map(p -> p.metadata().key().toString()).toList(),
        key -> "kubectl delete networkpolicy " + name(key) + " -n " + namespace(key),
        (s, key) -> s.cluster.delete(s.cluster.get(NetworkPolicy.class, namespace(key),
            name(key)).orElseThrow().ref()));
  }

  static Action<LiveCluster> scaleDeployment() {
    return dependent(s -> !deployments(s).isEmpty(), s -> Arbitraries.of(deployments(s))
        .flatMap(key -> Arbitraries.integers().between(0, 3).map(n -> Transformer.mutate(
            "kubectl scale deployment " + name(key) + " -n " + namespace(key) + " --replicas="
                + n, (LiveCluster live) -> settle(live, () -> {
              live.cluster.getDeployment(key).scale(n);
            })))));
  }

  static Action<LiveCluster> crashPod() {
    return pick(s -> s.cluster.list(Pod.class).stream()
            .filter(p -> !p.metadata().namespace().equals(ObservedPod.KUBE_SYSTEM))
            .filter(p -> p.status().phase() == PodPhase.RUNNING && !p.metadata().isTerminating())
            .map(p -> p.metadata().key().toString()).toList(),
        key -> "crash the containers of pod " + key,
        (s, key) -> s.cluster.getPod(key).crash());
  }

  /**
   * Gives a pod the labels another pod (or itself) carries, as {@code kubectl label
   * --overwrite} plus removals would: Services and policies may start or stop selecting it, and
   * a Deployment's ReplicaSet releases a pod that no longer matches and makes a new one.
   */
  static Action<LiveCluster> relabelPod() {
    return dependent(s -> !userPods(s).isEmpty(), s -> {
      List<Pod> pods = userPods(s);
      return Arbitraries.of(pods).flatMap(pod -> Arbitraries.of(pods).map(donor -> {
        Labels labels = donor.metadata().labels();
        String key = pod.metadata().key().toString();
        return Transformer.mutate("set the labels of pod " + key + " to " + labels,
            (LiveCluster live) -> settle(live, () -> {
              Pod now = live.cluster.get(Pod.class, namespace(key), name(key)).orElseThrow();
              live.cluster.apply(now.withMetadata(now.metadata().withLabels(labels)));
            }));
      }));
    });
  }

  /**
   * Fails a Ready node (keeping at least one Ready) and lets the node-monitor grace period and
   * 20 s more pass, without settling: the node is NotReady and its pods not ready, but the
   * pods are not yet evicted (that waits for their 300 s toleration, which the next settling
   * step runs into). This is the one step whose invariants are checked before the cluster
   * settles, since "not ready yet not gone" is where endpoint readiness matters.
   */
  static Action<LiveCluster> failNode() {
    return dependent(s -> s.readyNodes().size() >= 2, s -> {
      Duration wait = s.cluster.config().timing().nodeMonitorGracePeriod().plusSeconds(20);
      return Arbitraries.of(List.copyOf(s.readyNodes())).map(node -> Transformer.mutate(
          "fail node " + node + ", then advance virtual time by " + wait.toSeconds() + " s",
          (LiveCluster live) -> {
            live.cluster.node(node).fail();
            live.cluster.runFor(wait);
          }));
    });
  }

  static Action<LiveCluster> recoverNode() {
    return pick(s -> s.cluster.nodes().stream().filter(n -> !n.isReady())
            .map(NodeHandle::name).toList(),
        node -> "recover node " + node, (s, node) -> s.cluster.node(node).recover());
  }

  static Action<LiveCluster> advanceTime() {
    return new Action.Independent<>() {
      @Override
      public Arbitrary<Transformer<LiveCluster>> transformer() {
        return Arbitraries.integers().between(1, 600).map(seconds -> Transformer.mutate(
            "advance virtual time by " + seconds + " s",
            (LiveCluster s) -> s.cluster.runFor(Duration.ofSeconds(seconds)).settle()));
      }
    };
  }

  // ---- helpers ----

  private static Transformer<LiveCluster> apply(KubernetesObject object) {
    return Transformer.mutate("kubectl apply -f - <<EOF\n" + KubeSim.toYaml(List.of(object))
        + "EOF", s -> settle(s, () -> s.cluster.apply(object)));
  }

  private static void settle(LiveCluster s, Runnable change) {
    change.run();
    s.cluster.settle();
  }

  private static Action<LiveCluster> dependent(
      Predicate<LiveCluster> precondition,
      Function<LiveCluster, Arbitrary<Transformer<LiveCluster>>> transformers) {
    return new Action.Dependent<>() {
      @Override
      public boolean precondition(LiveCluster state) {
        return precondition.test(state);
      }

      @Override
      public Arbitrary<Transformer<LiveCluster>> transformer(LiveCluster state) {
        return transformers.apply(state);
      }
    };
  }

  /** An action on one of the keys {@code keys} lists now; not applicable when there is none. */
  private static Action<LiveCluster> pick(Function<LiveCluster, List<String>> keys,
      Function<String, String> describe, BiConsumer<LiveCluster, String> act) {
    return dependent(s -> !keys.apply(s).isEmpty(), s -> Arbitraries.of(keys.apply(s))
        .map(key -> Transformer.mutate(describe.apply(key),
            (LiveCluster live) -> settle(live, () -> act.accept(live, key)))));
  }

  private static List<String> namespaces(LiveCluster s) {
    return s.initial.namespaces().stream().map(n -> n.metadata().name()).toList();
  }

  private static List<String> deployments(LiveCluster s) {
    return s.cluster.list(Deployment.class).stream()
        .filter(d -> !d.metadata().namespace().equals(ObservedPod.KUBE_SYSTEM))
        .map(d -> d.metadata().key().toString()).toList();
  }

  /** {@return the pods outside kube-system that are not being deleted} */
  private static List<Pod> userPods(LiveCluster s) {
    return s.cluster.list(Pod.class).stream()
        .filter(p -> !p.metadata().namespace().equals(ObservedPod.KUBE_SYSTEM))
        .filter(p -> !p.metadata().isTerminating()).toList();
  }

  private static boolean absent(LiveCluster s, KubernetesObject object) {
    return s.cluster.get(object.getClass(), object.metadata().namespace(),
        object.metadata().name()).isEmpty();
  }

  private static String namespace(String key) {
    return key.substring(0, key.indexOf('/'));
  }

  private static String name(String key) {
    return key.substring(key.indexOf('/') + 1);
  }
}

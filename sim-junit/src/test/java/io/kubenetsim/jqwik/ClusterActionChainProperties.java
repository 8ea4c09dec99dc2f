package io.kubenetsim.jqwik;

import io.kubenetsim.ProxyMode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.statistics.Statistics;

/**
 * A whole cluster under a random sequence of changes (jqwik {@link ActionChain}): Services,
 * Deployments and NetworkPolicies applied and deleted, Deployments scaled, pods crashed, nodes
 * failed and recovered, virtual time passing ({@link ClusterActions}). After every settled step
 * the cluster must hold the invariants of {@link LiveCluster}:
 *
 * <ul>
 *   <li>every Service's ready endpoints are exactly the ready, non-terminating pods it selects
 *       on Ready nodes (upstream {@code pkg/controller/endpointslice} {@code
 *       reconciler.reconcile}, with the node lifecycle controller's {@code MarkPodsNotReady}
 *       taking a failed node's pods out);
 *   <li>a connection to a Service with ready endpoints, from a client the policies allow, lands
 *       on one of them (kube-proxy {@code syncProxyRules} after every change);
 *   <li>no connection reaches a pod the NetworkPolicies deny (the network plugin enforces
 *       policy on the DNATed packet, as Calico or Cilium do);
 *   <li>cluster DNS answers every Service's name from the current Services and slices
 *       (CoreDNS {@code plugin/kubernetes} watching them).
 * </ul>
 *
 * <p>Each chain starts from a generated cluster, printed as YAML beside the shrunk chain of
 * kubectl-like steps, so a failure is a recipe to replay by hand.
 */
class ClusterActionChainProperties {

  private static final ClusterShape SHAPE = ClusterShape.defaults().withMaxNamespaces(2)
      .withMaxDeployments(2).withMaxServices(2).withMaxPolicies(2);

  @Property(tries = 40)
  void invariantsHoldAfterEveryStep(
      @ForAll("chains") Tuple3<ClusterManifests, String, ActionChain<LiveCluster>> sample) {
    ActionChain<LiveCluster> chain = sample.get3()
        .withInvariant("endpoint slices", LiveCluster::endpointSlicesHoldExactlyTheServingPods)
        .withInvariant("connections", LiveCluster::connectionsLandOnAllowedServingBackends)
        .withInvariant("dns", LiveCluster::dnsAnswersFollowServicesAndEndpoints);
    chain.run();
    Statistics.label("steps").collect(chain.transformations().size() / 5 * 5);
    chain.transformations().forEach(t -> Statistics.label("actions")
        .collect(String.join(" ", List.of(t.split(" ")).subList(0, 2))));
  }

  @Provide
  Arbitrary<Tuple3<ClusterManifests, String, ActionChain<LiveCluster>>> chains() {
    return Combinators.combine(KubeArbitraries.clusters(SHAPE), Arbitraries.longs(),
        Arbitraries.of(ProxyMode.class)).flatAs((manifests, seed, mode) -> {
          ActionChainArbitrary<LiveCluster> chain = ActionChain.startWith(
              () -> new LiveCluster(manifests.build(seed, 3, mode), manifests, mode));
          for (var action : ClusterActions.all()) {
            chain = chain.withAction(action);
          }
          return chain.withMaxTransformations(15)
              .map(c -> Tuple.of(manifests, "build(" + seed + "L, 3, ProxyMode." + mode
              + ")", c));
        });
  }
}

package io.kubenetsim.jqwik;

import io.kubenetsim.Cluster;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.model.NetworkPolicySpec;
import io.kubenetsim.net.PolicyDirection;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;

/**
 * NetworkPolicy over generated clusters (reference §6): the simulator's reachability equals a
 * plain model of upstream semantics; a policy isolates only the pods it selects, only in the
 * directions it names; allows only add up; and neither the order nor a repetition of policies
 * matters. Every try builds and settles a cluster, so tries are few. Upstream: the
 * NetworkPolicy API's semantics ({@code pkg/apis/networking} types' documentation), which the
 * network policy e2e suite ({@code test/e2e/network/netpol}) checks with the same kind of
 * truth table ({@code Reachability}) over pods and ports.
 */
class NetworkPolicyProperties {

  private static final ClusterShape SHAPE = ClusterShape.defaults().withMaxServices(0)
      .withMaxPolicies(4);
  /** The name an added policy gets; generated names never end in a hyphen-free "added" word. */
  private static final String ADDED = "added-by-the-property";

  @Provide
  Arbitrary<ClusterManifests> clustersWithPolicies() {
    return KubeArbitraries.clusters(SHAPE).filter(m -> !m.policies().isEmpty());
  }

  @Provide
  Arbitrary<Tuple2<ClusterManifests, NetworkPolicy>> clustersAndAPolicy() {
    return KubeArbitraries.clusters(SHAPE).flatMap(m -> KubeArbitraries.networkPolicies(m)
        .map(p -> Tuple.of(m, p.withMetadata(p.metadata().withName(ADDED)))));
  }

  /** The table over every pod, on every port worth probing, equals the reference model's. */
  @Property(tries = 30)
  void reachabilityEqualsTheReferenceModelOfTheGeneratedPolicies(
      @ForAll("clustersWithPolicies") ClusterManifests manifests, @ForAll long seed) {
    Cluster cluster = manifests.build(seed, 2, ProxyMode.IPVS);
    List<ObservedPod> pods = ObservedPod.all(cluster);
    ReferencePolicyModel model = ReferencePolicyModel.of(manifests.policies(), cluster);
    List<ProbePort> ports = ProbePort.worthProbing(pods, manifests.policies());
    ReachabilityTables actual = ReachabilityTables.of(cluster, keys(pods), ports);
    ReachabilityTables expected = expected(model, pods, ports);
    Statistics.label("denied cells").collect(actual.deniedCells() == 0 ? "none" : "some");
    actual.assertEqualTo(expected, "the simulator disagrees with the reference model (seed "
        + seed + ")");
  }

  /**
   * Adding a policy changes only cells whose destination it selects with Ingress among its
   * types, or whose source it selects with Egress: a policy isolates the pods it selects, in
   * the directions it names, and nothing else.
   */
  @Property(tries = 25)
  void aPolicyOnlyAffectsPodsItSelectsInTheDirectionsItNames(
      @ForAll("clustersAndAPolicy") Tuple2<ClusterManifests, NetworkPolicy> sample) {
    ClusterManifests manifests = sample.get1();
    NetworkPolicy added = sample.get2();
    Cluster cluster = manifests.build(1, 2, ProxyMode.IPVS);
    List<ObservedPod> pods = ObservedPod.all(cluster);
    List<ProbePort> ports = ProbePort.worthProbing(pods, withAdded(manifests, added));
    ReachabilityTables before = ReachabilityTables.of(cluster, keys(pods), ports);
    cluster.apply(added);
    cluster.settle();
    ReachabilityTables after = ReachabilityTables.of(cluster, keys(pods), ports);
    var byKey = ObservedPod.byKey(cluster);
    ReachabilityTables.assertEveryCell(before, after, (from, to, was, is) ->
            was == is || ReferencePolicyModel.selects(added, byKey.get(to), PolicyDirection.INGRESS)
                || ReferencePolicyModel.selects(added, byKey.get(from), PolicyDirection.EGRESS),
        "adding " + added.metadata().name() + " changed a cell whose ends it does not isolate");
  }

  /**
   * Adding rules to a policy (its types written out first, so that the new rules cannot change
   * which directions it isolates) never denies a connection that was allowed.
   */
  @Property(tries = 25)
  void addingRulesToAPolicyNeverDeniesAnything(
      @ForAll("clustersAndAPolicy") Tuple2<ClusterManifests, NetworkPolicy> sample,
      @ForAll int pick) {
    ClusterManifests manifests = sample.get1();
    Assume.that(!manifests.policies().isEmpty());
    List<NetworkPolicy> explicit = manifests.policies().stream()
        .map(NetworkPolicyProperties::withTypesWrittenOut).toList();
    NetworkPolicy chosen = explicit.get(Math.floorMod(pick, explicit.size()));
    NetworkPolicy widened = chosen.withSpec(withRulesOf(chosen.spec(), sample.get2().spec()));
    Cluster cluster = manifests.withPolicies(explicit).build(1, 2, ProxyMode.IPVS);
    List<ObservedPod> pods = ObservedPod.all(cluster);
    List<ProbePort> ports = ProbePort.worthProbing(pods, List.of(widened));
    ReachabilityTables before = ReachabilityTables.of(cluster, keys(pods), ports);
    cluster.apply(widened);
    cluster.settle();
    ReachabilityTables after = ReachabilityTables.of(cluster, keys(pods), ports);
    ReachabilityTables.assertEveryCell(before, after, (from, to, was, is) -> !was || is,
        "adding the rules of " + sample.get2() + " to " + chosen.metadata().name());
  }

  /**
   * Policies applied one at a time in reverse order, with a copy of the first under another
   * name, give the same tables as all of them applied at once: order and count do not matter.
   */
  @Property(tries = 20)
  void neitherOrderNorRepetitionOfPoliciesMatters(
      @ForAll("clustersWithPolicies") ClusterManifests manifests) {
    Cluster atOnce = manifests.build(1, 2, ProxyMode.IPVS);
    Cluster oneByOne = manifests.withoutPolicies().build(1, 2, ProxyMode.IPVS);
    List<NetworkPolicy> reversed = new ArrayList<>(manifests.policies());
    java.util.Collections.reverse(reversed);
    NetworkPolicy first = manifests.policies().get(0);
    reversed.add(first.withMetadata(first.metadata().withName(ADDED)));
    for (NetworkPolicy policy : reversed) {
      oneByOne.apply(policy);
      oneByOne.settle();
    }
    List<ObservedPod> pods = ObservedPod.all(atOnce);
    List<ProbePort> ports = ProbePort.worthProbing(pods, manifests.policies());
    ReachabilityTables.of(oneByOne, keys(pods), ports).assertEqualTo(
        ReachabilityTables.of(atOnce, keys(pods), ports),
        "policies applied one by one in reverse, with a repeat, give another table");
  }

  // ---- helpers ----

  private static List<String> keys(List<ObservedPod> pods) {
    return pods.stream().map(ObservedPod::key).toList();
  }

  private static ReachabilityTables expected(ReferencePolicyModel model, List<ObservedPod> pods,
      List<ProbePort> ports) {
    var tables = new java.util.LinkedHashMap<ProbePort, io.kubenetsim.net.Reachability>();
    ports.forEach(p -> tables.put(p, model.table(pods, p.port(), p.protocol())));
    return new ReachabilityTables(keys(pods), tables);
  }

  private static List<NetworkPolicy> withAdded(ClusterManifests manifests, NetworkPolicy added) {
    List<NetworkPolicy> all = new ArrayList<>(manifests.policies());
    all.add(added);
    return all;
  }

  /** {@return the policy with policyTypes as the API server defaults them, written out} */
  private static NetworkPolicy withTypesWrittenOut(NetworkPolicy policy) {
    NetworkPolicySpec spec = policy.spec();
    if (!spec.policyTypes().isEmpty()) {
      return policy;
    }
    List<String> types = spec.egress().isEmpty() ? List.of(NetworkPolicySpec.INGRESS)
        : List.of(NetworkPolicySpec.INGRESS, NetworkPolicySpec.EGRESS);
    return policy.withSpec(spec.withPolicyTypes(types));
  }

  private static NetworkPolicySpec withRulesOf(NetworkPolicySpec spec, NetworkPolicySpec donor) {
    List<NetworkPolicyRule> ingress = new ArrayList<>(spec.ingress());
    ingress.addAll(donor.ingress());
    List<NetworkPolicyRule> egress = new ArrayList<>(spec.egress());
    egress.addAll(donor.egress());
    return spec.withIngress(ingress).withEgress(egress);
  }
}

package io.kubenetsim.core.policy;

import io.kubenetsim.Cluster;
import io.kubenetsim.core.policy.RandomPolicyClusters.PolicyDraft;
import io.kubenetsim.core.policy.RandomPolicyClusters.Setup;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.model.NetworkPolicySpec;
import io.kubenetsim.model.Pod;
import io.kubenetsim.net.PolicyDirection;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.Reachability;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import net.jqwik.api.statistics.Statistics;

/**
 * Laws of NetworkPolicy that hold for any cluster and any valid policies, checked on {@link
 * PolicyUnderTest#SUBJECT} over small random clusters ({@link RandomPolicyClusters}) on every
 * port of {@link RandomPolicyClusters#PORTS} and every protocol: policies only add allows, so
 * a policy never takes reachability from pods it does not select and a rule never takes any
 * away; without policies everything is reachable; and the subject's table equals the naive
 * evaluator's. Tries are few (a cluster is built per try) to keep the suite fast.
 */
class NetworkPolicyProperties {

  @Provide
  Arbitrary<Setup> setups() {
    return RandomPolicyClusters.setups();
  }

  @Provide
  Arbitrary<List<PolicyDraft>> policies() {
    return RandomPolicyClusters.policies(0, 4);
  }

  @Provide
  Arbitrary<List<PolicyDraft>> somePolicies() {
    return RandomPolicyClusters.policies(1, 4);
  }

  @Provide
  Arbitrary<PolicyDraft> policy() {
    return RandomPolicyClusters.policy();
  }

  @Provide
  Arbitrary<NetworkPolicyRule> rule() {
    return RandomPolicyClusters.rules();
  }

  /**
   * Adding a policy changes no cell whose source it does not select for egress and whose
   * destination it does not select for ingress; and a cell whose ends no policy selects (in
   * those directions) is allowed before and after.
   */
  @Property(tries = 40)
  void addingAPolicyNeverRemovesReachabilityBetweenPodsItDoesNotSelect(
      @ForAll("setups") Setup setup, @ForAll("policies") List<PolicyDraft> before,
      @ForAll("policy") PolicyDraft added) {
    Cluster cluster = RandomPolicyClusters.build(setup);
    apply(cluster, RandomPolicyClusters.named(before));
    List<Reachability> old = tables(cluster);
    NetworkPolicy addedPolicy = added.named("added");
    apply(cluster, List.of(addedPolicy));
    List<Reachability> now = tables(cluster);
    NaivePolicyEvaluator after = NaivePolicyEvaluator.of(cluster);
    for (int i = 0; i < old.size(); i++) {
      Reachability was = old.get(i);
      Reachability is = now.get(i);
      assertEveryCell(was, (from, to) -> {
        boolean untouched = !selects(cluster, addedPolicy, from, PolicyDirection.EGRESS)
            && !selects(cluster, addedPolicy, to, PolicyDirection.INGRESS);
        boolean unisolated = !after.isolated(from, PolicyDirection.EGRESS)
            && !after.isolated(to, PolicyDirection.INGRESS);
        return (!untouched || was.allowed(from, to) == is.allowed(from, to))
            && (!unisolated || (was.allowed(from, to) && is.allowed(from, to)));
      }, "adding " + addedPolicy + " to " + before, is);
    }
  }

  /**
   * Adding a rule to a policy never denies a cell that was allowed. The policy's types are
   * written out first, as the API server stores them: otherwise an egress rule added to a
   * policy without {@code policyTypes} would make it isolate egress (a scenario of {@link
   * NetworkPolicyLifecycleScenariosTest} shows that).
   */
  @Property(tries = 40)
  void addingAnAllowRuleToAPolicyNeverRemovesReachability(@ForAll("setups") Setup setup,
      @ForAll("somePolicies") List<PolicyDraft> drafts, @ForAll("rule") NetworkPolicyRule rule,
      @ForAll int pick, @ForAll boolean egress) {
    Cluster cluster = RandomPolicyClusters.build(setup);
    List<NetworkPolicy> policies = new ArrayList<>();
    RandomPolicyClusters.named(drafts).forEach(p -> policies.add(withExplicitTypes(p)));
    apply(cluster, policies);
    List<Reachability> old = tables(cluster);
    NetworkPolicy chosen = policies.get(Math.floorMod(pick, policies.size()));
    NetworkPolicy widened = chosen.withSpec(withRule(chosen.spec(), rule, egress));
    apply(cluster, List.of(widened));
    List<Reachability> now = tables(cluster);
    for (int i = 0; i < old.size(); i++) {
      Reachability was = old.get(i);
      Reachability is = now.get(i);
      assertEveryCell(was, (from, to) -> !was.allowed(from, to) || is.allowed(from, to),
          "widening " + chosen + " to " + widened + " among " + policies, is);
    }
  }

  /** With every policy deleted, every pod reaches every pod on every port and protocol. */
  @Property(tries = 20)
  void deletingEveryPolicyRestoresFullReachability(@ForAll("setups") Setup setup,
      @ForAll("somePolicies") List<PolicyDraft> drafts) {
    Cluster cluster = RandomPolicyClusters.build(setup);
    List<NetworkPolicy> policies = RandomPolicyClusters.named(drafts);
    apply(cluster, policies);
    policies.forEach(p -> cluster.delete(p.ref()));
    cluster.settle();
    for (Reachability table : tables(cluster)) {
      assertEveryCell(table, table::allowed, "after deleting " + policies, table);
    }
  }

  /**
   * The subject's table equals the naive evaluator's, cell for cell. The statistics show how
   * many tries had denied cells at all (a comparison of all-allowed tables proves little).
   */
  @Property(tries = 80)
  @AddLifecycleHook(SkipWhileTheSubjectIsTheOracle.class)
  void theSubjectsTablesEqualTheNaiveEvaluatorsTables(@ForAll("setups") Setup setup,
      @ForAll("somePolicies") List<PolicyDraft> drafts) {
    Cluster cluster = RandomPolicyClusters.build(setup);
    apply(cluster, RandomPolicyClusters.named(drafts));
    List<String> pods = RandomPolicyClusters.podNames(cluster);
    List<Reachability> tables = tables(cluster);
    long denied = tables.stream()
        .mapToLong(t -> (long) t.from().size() * t.to().size() - t.allowedCount()).sum();
    Statistics.label("denied cells").collect(denied == 0 ? "none" : "some");
    Statistics.label("hostNetwork pod").collect(setup.hostNetworkPod());
    for (Reachability table : tables) {
      Reachability oracle = NaivePolicyEvaluator.reachability(cluster, pods, table.port(),
          table.protocol());
      if (!table.equals(oracle)) {
        throw new AssertionError(PolicyUnderTest.SUBJECT.name() + " disagrees with the naive "
            + "evaluator on " + drafts + " (seed " + cluster.seed() + ")\n"
            + table.diff(oracle));
      }
    }
  }

  /** Skips a property while it would compare the naive evaluator with itself. */
  static final class SkipWhileTheSubjectIsTheOracle implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
      return PolicyUnderTest.subjectIsTheOracle()
          ? SkipResult.skip("PolicyUnderTest.SUBJECT is the naive evaluator itself; switch it to "
              + "the engine to compare them")
          : SkipResult.doNotSkip();
    }
  }

  // ---- helpers ----

  private static void apply(Cluster cluster, List<NetworkPolicy> policies) {
    if (!policies.isEmpty()) {
      cluster.apply(policies.toArray(NetworkPolicy[]::new));
    }
    cluster.settle();
  }

  /** {@return the subject's tables over every pod, one per port and protocol} */
  private static List<Reachability> tables(Cluster cluster) {
    List<String> pods = RandomPolicyClusters.podNames(cluster);
    List<Reachability> tables = new ArrayList<>();
    for (int port : RandomPolicyClusters.PORTS) {
      for (Protocol protocol : Protocol.values()) {
        tables.add(PolicyUnderTest.SUBJECT.matrix(cluster, pods, port, protocol));
      }
    }
    return tables;
  }

  private static void assertEveryCell(Reachability table, BiPredicate<String, String> holds,
      String what, Reachability now) {
    for (String from : table.from()) {
      for (String to : table.to()) {
        if (!holds.test(from, to)) {
          throw new AssertionError(PolicyUnderTest.SUBJECT.name() + ": " + from + " -> " + to
              + " on " + table.port() + "/" + table.protocol() + " breaks the law after "
              + what + "\nbefore:\n" + table + "\nafter:\n" + now);
        }
      }
    }
  }

  private static boolean selects(Cluster cluster, NetworkPolicy policy, String pod,
      PolicyDirection direction) {
    int slash = pod.indexOf('/');
    Pod current = cluster.get(Pod.class, pod.substring(0, slash), pod.substring(slash + 1))
        .orElseThrow();
    return NaivePolicyEvaluator.selects(policy, current, direction);
  }

  /** {@return the policy with policyTypes written out as the documented default gives them} */
  private static NetworkPolicy withExplicitTypes(NetworkPolicy policy) {
    List<String> types = new ArrayList<>();
    if (NaivePolicyEvaluator.affects(policy.spec(), PolicyDirection.INGRESS)) {
      types.add(NetworkPolicySpec.INGRESS);
    }
    if (NaivePolicyEvaluator.affects(policy.spec(), PolicyDirection.EGRESS)) {
      types.add(NetworkPolicySpec.EGRESS);
    }
    return policy.withSpec(policy.spec().withPolicyTypes(types));
  }

  private static NetworkPolicySpec withRule(NetworkPolicySpec spec, NetworkPolicyRule rule,
      boolean egress) {
    List<NetworkPolicyRule> ingress = new ArrayList<>(spec.ingress());
    List<NetworkPolicyRule> egressRules = new ArrayList<>(spec.egress());
    (egress ? egressRules : ingress).add(rule);
    return NetworkPolicySpec.of(spec.podSelector(), spec.policyTypes(), ingress, egressRules);
  }
}

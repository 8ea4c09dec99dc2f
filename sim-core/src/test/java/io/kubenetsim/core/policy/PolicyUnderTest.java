package io.kubenetsim.core.policy;

import io.kubenetsim.Cluster;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.Reachability;
import java.util.List;

/**
 * THE SWITCH: the one place that says what the NetworkPolicy scenario tables ({@code
 * *ScenariosTest} in this package) and {@link NetworkPolicyProperties} test.
 *
 * <p>Today {@link #SUBJECT} is {@link #NAIVE}, the naive evaluator, so the scenario tables check
 * the expected tables against the documentation's wording, and the property comparing the
 * subject with the oracle is skipped (it would compare the oracle with itself). When the
 * enforcement engine is wired into the cluster, set {@link #SUBJECT} to a {@link Subject} named
 * {@code "the engine"} whose function asks the cluster for its table, e.g. {@code (cluster,
 * pods, port, protocol) -> cluster.reachability(pods, pods, port, protocol)} (converting the
 * {@code namespace/name} strings if that API takes {@code NamespacedName}s), and set {@link
 * #DATAPLANE} to {@link DataplaneSampling#ALL_CELLS} so that sampled cells, denied ones
 * included, are also tried as real connections through the dataplane. Nothing else changes.
 */
final class PolicyUnderTest {
  private PolicyUnderTest() {}

  /** Computes a pods × pods table ({@code namespace/name}) for one port and protocol. */
  @FunctionalInterface
  interface MatrixFunction {
    Reachability matrix(Cluster cluster, List<String> pods, int port, Protocol protocol);
  }

  /** A named source of tables. */
  record Subject(String name, MatrixFunction function) {
    Reachability matrix(Cluster cluster, List<String> pods, int port, Protocol protocol) {
      return function.matrix(cluster, pods, port, protocol);
    }
  }

  /** The oracle: {@link NaivePolicyEvaluator}. */
  static final Subject NAIVE = new Subject("the naive evaluator",
      NaivePolicyEvaluator::reachability);

  /** What the scenario tables and properties test. Switch to the engine once it is wired in. */
  static final Subject SUBJECT = new Subject("the engine",
      (cluster, pods, port, protocol) -> cluster.reachability(pods, pods, port, protocol));

  /**
   * Which cells the scenario tables also try as real connections. Today the dataplane filters
   * nothing, so only cells expected allowed must connect; once it enforces policies, every
   * sampled cell must match ({@code ALL_CELLS}).
   */
  static final DataplaneSampling DATAPLANE = DataplaneSampling.ALL_CELLS;

  /** {@return whether the subject is the oracle itself, so comparing them proves nothing} */
  static boolean subjectIsTheOracle() {
    return SUBJECT == NAIVE;
  }
}

package io.kubenetsim.core.policy;

import io.kubenetsim.Cluster;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.Reachability;
import java.util.List;

/**
 * THE SWITCH: the one place that says what the NetworkPolicy scenario tables ({@code
 * *ScenariosTest} in this package) and {@link NetworkPolicyProperties} test.
 *
 * <p>{@link #SUBJECT} is the cluster's own table ({@code Cluster.reachability}, the engine the
 * network plugin's agents run), checked against the expected tables and, in the properties,
 * against {@link #NAIVE}, the naive evaluator written from the documentation. {@link
 * #DATAPLANE} also tries sampled cells, denied ones included, as real connections through the
 * dataplane. Setting {@code SUBJECT = NAIVE} checks the expected tables against the
 * documentation's wording alone (and skips the comparison property, which would then compare
 * the oracle with itself).
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

  /** What the scenario tables and properties test. */
  static final Subject SUBJECT = new Subject("the engine",
      (cluster, pods, port, protocol) -> cluster.reachability(pods, pods, port, protocol));

  /** Which cells the scenario tables also try as real connections: every sampled one. */
  static final DataplaneSampling DATAPLANE = DataplaneSampling.ALL_CELLS;

  /** {@return whether the subject is the oracle itself, so comparing them proves nothing} */
  static boolean subjectIsTheOracle() {
    return SUBJECT == NAIVE;
  }
}

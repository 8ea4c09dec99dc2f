package io.kubenetsim.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.Cluster;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.Pod;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.Reachability;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * One run of a NetworkPolicy scenario against a fresh {@link NetpolModel} cluster: the actions
 * upstream's e2e tests take ({@code CreatePolicy}, {@code UpdatePolicy}, {@code
 * AddNamespaceLabel}, {@code AddPodLabels}, {@code cleanNetworkPolicies}), each followed by
 * {@code settle()} so that every informer has caught up, and {@link #check}, upstream's {@code
 * ValidateOrFail}: the full 9 × 9 table from {@link PolicyUnderTest#SUBJECT} must equal the
 * expected one, and sampled cells must connect through the dataplane as {@link
 * PolicyUnderTest#DATAPLANE} says (on the ports the model's pods serve; a table about another
 * port, such as 53, is a policy verdict with no server behind it).
 */
final class ScenarioRun {

  /** One row of a scenario table: upstream's test name and what the test does. */
  record Scenario(String name, Consumer<ScenarioRun> script) {}

  private final Cluster cluster;
  private final String scenario;
  private String lastStep = "after setup";

  private ScenarioRun(Cluster cluster, String scenario) {
    this.cluster = cluster;
    this.scenario = scenario;
  }

  /** {@return a row of a scenario table} */
  static Scenario scenario(String name, Consumer<ScenarioRun> script) {
    return new Scenario(name, script);
  }

  /** {@return one test per row, each against its own fresh cluster} */
  static Stream<DynamicTest> tests(Scenario... scenarios) {
    return Stream.of(scenarios).map(s -> DynamicTest.dynamicTest(s.name(),
        () -> s.script().accept(new ScenarioRun(NetpolModel.build(), s.name()))));
  }

  /** Creates or updates policies ({@code kubectl apply}), then settles. */
  void apply(NetworkPolicy... policies) {
    cluster.apply(policies);
    settle("after applying " + Stream.of(policies).map(p -> p.metadata().key().toString())
        .toList());
  }

  /** Deletes a policy, then settles. */
  void delete(NetworkPolicy policy) {
    cluster.delete(policy.ref());
    settle("after deleting " + policy.metadata().key());
  }

  /** Deletes every policy of the model's namespaces ({@code cleanNetworkPolicies}), settles. */
  void deleteAllPolicies() {
    cluster.list(NetworkPolicy.class).forEach(p -> cluster.delete(p.ref()));
    settle("after deleting every policy");
  }

  /** Sets ({@code value} non-null) or removes a label of a pod {@code namespace/name}. */
  void labelPod(String pod, String key, String value) {
    NamespacedName name = NamespacedName.parse(pod);
    Pod current = cluster.get(Pod.class, name.namespace(), name.name()).orElseThrow();
    relabel(current, key, value);
    settle("after labelling pod " + pod + " " + key + "=" + value);
  }

  /** Sets ({@code value} non-null) or removes a label of a namespace. */
  void labelNamespace(String namespace, String key, String value) {
    Namespace current = cluster.get(Namespace.class, "", namespace).orElseThrow();
    relabel(current, key, value);
    settle("after labelling namespace " + namespace + " " + key + "=" + value);
  }

  /** {@return the pod's IP, for ipBlock rules (upstream reads {@code status.podIP} too)} */
  String ip(String pod) {
    return cluster.getPod(pod).ip().orElseThrow();
  }

  /**
   * Asserts the full table for one port and protocol: {@code expected} edits a table that
   * starts all allowed.
   */
  void check(int port, Protocol protocol, UnaryOperator<Expectation> expected) {
    Reachability want = expected.apply(
        Expectation.allAllowed(NetpolModel.PODS, port, protocol)).build();
    Reachability got = PolicyUnderTest.SUBJECT.matrix(cluster, NetpolModel.PODS, port,
        protocol);
    String context = "\"" + scenario + "\", " + lastStep + ", " + port + "/" + protocol
        + ", " + PolicyUnderTest.SUBJECT.name() + " (seed " + cluster.seed() + ")";
    assertEquals(List.of(), got.differences(want), () -> context + "\n" + got.diff(want));
    if (NetpolModel.PORTS.contains(port)) { // no pod listens elsewhere: nothing to connect to
      PolicyUnderTest.DATAPLANE.verify(cluster, want, context);
    }
  }

  private void relabel(KubernetesObject object, String key, String value) {
    TreeMap<String, String> labels = new TreeMap<>(object.metadata().labels().asMap());
    if (value == null) {
      labels.remove(key);
    } else {
      labels.put(key, value);
    }
    cluster.apply(object.withMetadata(object.metadata().withLabels(Labels.of(labels))));
  }

  private void settle(String step) {
    cluster.settle();
    lastStep = step;
  }
}

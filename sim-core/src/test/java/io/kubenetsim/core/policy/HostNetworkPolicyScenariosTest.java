package io.kubenetsim.core.policy;

import static io.kubenetsim.core.policy.Policies.all;
import static io.kubenetsim.core.policy.Policies.egress;
import static io.kubenetsim.core.policy.Policies.from;
import static io.kubenetsim.core.policy.Policies.ingress;
import static io.kubenetsim.core.policy.Policies.ipBlock;
import static io.kubenetsim.core.policy.Policies.labels;
import static io.kubenetsim.core.policy.Policies.namespaces;
import static io.kubenetsim.core.policy.Policies.on;
import static io.kubenetsim.core.policy.Policies.policy;
import static io.kubenetsim.net.Protocol.TCP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPort;
import io.kubenetsim.model.Pod;
import io.kubenetsim.net.Reachability;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the NetworkPolicy page says about nodes and hostNetwork pods, which upstream's e2e suite
 * cannot show on its model: "traffic to and from the node where a Pod is running is always
 * allowed", and, for hostNetwork pods, the page's most common behaviour — never isolated, never
 * matched by a pod or namespace selector, seen as their node's address. Cluster: two nodes;
 * x/a and the hostNetwork pod x/h on node-1, x/b on node-2; each serves {@code metrics}
 * 9090/TCP. Full 3 × 3 tables from {@link PolicyUnderTest#SUBJECT} on 9090/TCP.
 */
class HostNetworkPolicyScenariosTest {
  private static final List<String> PODS = List.of("x/a", "x/b", "x/h");
  private static final int PORT = 9090;

  private Cluster cluster;

  @BeforeEach
  void buildCluster() {
    cluster = KubeSim.cluster().nodes(2).seed(3).build();
    cluster.createNamespace("x");
    cluster.apply(pod("a", "node-1", false), pod("b", "node-2", false), pod("h", "node-1", true));
    cluster.settle();
  }

  @Test
  void aHostNetworkPodIsNeverIsolatedAndTalksFreelyWithPodsOfItsOwnNode() {
    // deny-all selects every pod of x; x/h stays open, and x/a may still talk with its node.
    apply(policy("x/deny-all", all(), ingress(), egress()));
    assertTable(allowedOnly("x/h->x/a", "x/a->x/h"));
  }

  @Test
  void aHostNetworkPodIsNotMatchedByANamespaceSelectorThatMatchesItsNamespace() {
    // x/b admits every pod of every namespace, yet x/h, another node's address, is no pod.
    apply(policy("x/b-from-all-namespaces", labels("pod", "b"),
        ingress(from(namespaces(all())))));
    assertTable(allAllowedBut("x/h->x/b"));
  }

  @Test
  void anIpBlockOfTheNodeNetworkAdmitsAHostNetworkPodFromAnotherNode() {
    // The node network is 172.18.0.0/16 by default; pod IPs come from 10.244.0.0/16.
    apply(policy("x/b-from-nodes", labels("pod", "b"), ingress(from(ipBlock("172.18.0.0/16")))));
    assertTable(allAllowedBut("x/a->x/b"));
  }

  @Test
  void aNamedPortNeverMatchesAHostNetworkDestinationWhileItsNumberDoes() {
    // x/b (node-2) may send to "metrics" only: resolved on x/a, but x/h is its node's address.
    NetworkPolicy named = policy("x/b-egress", labels("pod", "b"),
        egress(on(NetworkPolicyPort.named(TCP, "metrics"))));
    apply(named);
    assertTable(allAllowedBut("x/b->x/h"));

    apply(policy("x/b-egress", labels("pod", "b"), egress(on(NetworkPolicyPort.of(TCP, PORT)))));
    assertTable(allAllowedBut());
  }

  private void apply(NetworkPolicy policy) {
    cluster.apply(policy);
    cluster.settle();
  }

  private void assertTable(Reachability expected) {
    Reachability actual = PolicyUnderTest.SUBJECT.matrix(cluster, PODS, PORT, TCP);
    assertEquals(List.of(), actual.differences(expected), () -> PolicyUnderTest.SUBJECT.name()
        + " (seed " + cluster.seed() + ")\n" + actual.diff(expected));
  }

  /** {@return the table with only these {@code from->to} cells (and every pod to itself)} */
  private static Reachability allowedOnly(String... cells) {
    return table(false, cells);
  }

  /** {@return the table with every cell allowed but these {@code from->to} ones} */
  private static Reachability allAllowedBut(String... cells) {
    return table(true, cells);
  }

  private static Reachability table(boolean others, String... cells) {
    Reachability.Builder builder = Reachability.expect(PODS, PODS, PORT, TCP, others);
    for (String cell : cells) {
      String[] ends = cell.split("->");
      builder.set(ends[0], ends[1], !others);
    }
    return builder.allowSelf().build();
  }

  private static Pod pod(String name, String node, boolean hostNetwork) {
    Pod pod = Pod.of("x", name, Labels.of("pod", name), Container.of("main", "agnhost",
        List.of(new ContainerPort("metrics", PORT, TCP, 0))));
    return pod.withSpec(pod.spec().withNodeName(node).withHostNetwork(hostNetwork));
  }
}

package io.kubenetsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubenetsim.ApiException;
import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPeer;
import io.kubenetsim.model.NetworkPolicyRule;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Cluster.networkPolicy(...)}: what the fluent builder stores equals what the same
 * policy applied as YAML stores, and its peer methods make the AND and OR shapes the API
 * documentation contrasts (one peer with two selectors versus two peers).
 */
class NetworkPolicyBuilderTest {
  private Cluster c;

  @BeforeEach
  void clusterWithNamespacesXAndY() {
    c = KubeSim.cluster().nodes(1).seed(11).build();
    c.createNamespace("x");
    c.createNamespace("y");
  }

  @Test
  void builderAndManifestStoreTheSameSpec() {
    NetworkPolicy built = c.networkPolicy("x/allow-80").podSelector("pod", "a")
        .ingress(r -> r.fromNamespace("ns", "y").port(80)).create();
    c.applyYaml("""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: allow-80, namespace: y}
        spec:
          podSelector: {matchLabels: {pod: a}}
          ingress:
          - from: [{namespaceSelector: {matchLabels: {ns: "y"}}}]
            ports: [{port: 80}]
        """);
    NetworkPolicy applied = c.get(NetworkPolicy.class, "y", "allow-80").orElseThrow();
    assertEquals(applied.spec(), built.spec());
    assertEquals(List.of("Ingress"), built.spec().policyTypes(), "defaulted by the server");
  }

  @Test
  void podsInNamespacesIsOnePeerWhileTwoCallsAreTwoPeers() {
    LabelSelector podB = LabelSelector.parse("pod=b");
    LabelSelector nsY = LabelSelector.parse("ns=y");
    NetworkPolicy and = c.networkPolicy("x/and")
        .ingress(r -> r.fromPodsInNamespaces("pod=b", "ns=y")).build();
    NetworkPolicy or = c.networkPolicy("x/or")
        .ingress(r -> r.fromPods("pod", "b").fromNamespace("ns", "y")).build();
    assertEquals(List.of(new NetworkPolicyPeer(Optional.of(podB), Optional.of(nsY),
        Optional.empty())), and.spec().ingress().get(0).peers());
    assertEquals(List.of(NetworkPolicyPeer.pods(podB), NetworkPolicyPeer.namespaces(nsY)),
        or.spec().ingress().get(0).peers());
  }

  @Test
  void selectorPairsAndExpressionsCombineAndEmptyRulesAllowAll() {
    NetworkPolicy policy = c.networkPolicy("x/p").podSelector("tier in (fe,be)")
        .podSelector("app", "web").ingress(r -> { }).allowAllEgress().build();
    assertEquals(LabelSelector.parse("app=web,tier in (fe,be)"), policy.spec().podSelector());
    assertEquals(List.of(NetworkPolicyRule.allowAll()), policy.spec().ingress());
    assertEquals(List.of(NetworkPolicyRule.allowAll()), policy.spec().egress());
  }

  @Test
  void aPolicyInAMissingNamespaceOrUnderATakenNameIsRefused() {
    ApiException missing = assertThrows(ApiException.class,
        () -> c.networkPolicy("nowhere/p").create());
    assertEquals(ApiException.Reason.NOT_FOUND, missing.reason());
    c.networkPolicy("x/p").create();
    ApiException taken = assertThrows(ApiException.class, () -> c.networkPolicy("x/p").create());
    assertEquals(ApiException.Reason.ALREADY_EXISTS, taken.reason());
    assertEquals("networkpolicies.networking.k8s.io \"p\" already exists", taken.getMessage());
  }
}

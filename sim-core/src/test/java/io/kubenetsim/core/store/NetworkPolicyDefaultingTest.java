package io.kubenetsim.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.net.PolicyDirection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API server defaults {@code policyTypes} on every write, as upstream's {@code
 * SetDefaults_NetworkPolicy}: empty becomes {@code [Ingress]}, plus {@code Egress} when the
 * policy has egress rules; written types are kept. Each test reads the stored object back, so
 * it sees what the server kept, not what the builder made.
 */
class NetworkPolicyDefaultingTest {
  private Cluster c;

  @BeforeEach
  void clusterWithANamespace() {
    c = KubeSim.cluster().nodes(1).seed(3).build();
    c.createNamespace("shop");
  }

  private List<String> storedTypes(String name) {
    return c.get(NetworkPolicy.class, "shop", name).orElseThrow().spec().policyTypes();
  }

  @Test
  void aPolicyWithoutTypesOrEgressRulesIsIngressOnly() {
    // The default-deny-ingress policy of the documentation: no rules at all.
    NetworkPolicy created = c.networkPolicy("shop/deny").create();
    assertEquals(List.of("Ingress"), created.spec().policyTypes());
    assertEquals(List.of("Ingress"), storedTypes("deny"));
  }

  @Test
  void egressRulesAddEgressToTheDefault() {
    c.networkPolicy("shop/dns").egress(r -> r.port(53)).create();
    assertEquals(List.of("Ingress", "Egress"), storedTypes("dns"));
  }

  @Test
  void writtenTypesAreKeptEvenWhenRulesOfTheOtherDirectionExist() {
    // An egress-only policy must say so; its ingress rules are stored but isolate nothing.
    c.networkPolicy("shop/out").policyTypes(PolicyDirection.EGRESS)
        .ingress(r -> r.port(80)).egress(r -> r.port(53)).create();
    assertEquals(List.of("Egress"), storedTypes("out"));
  }

  @Test
  void defaultedTypesShowInGetYaml() {
    c.networkPolicy("shop/deny").create();
    String yaml = c.kubectl("get netpol deny -n shop -o yaml").stdout();
    assertTrue(yaml.endsWith("spec:\n  podSelector: {}\n  policyTypes:\n  - Ingress\n"), yaml);
  }

  @Test
  void anUpdateIsDefaultedAgainFromWhatItSays() {
    // A manifest without policyTypes is defaulted on update too, from its own rules; an object
    // read back carries the stored types, so adding egress rules to it leaves Egress out —
    // the trap upstream's field documentation warns about.
    c.networkPolicy("shop/p").create();
    c.applyYaml("apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"
        + "metadata: {name: p, namespace: shop}\nspec:\n  podSelector: {}\n"
        + "  egress:\n  - ports:\n    - port: 53\n");
    assertEquals(List.of("Ingress", "Egress"), storedTypes("p"));

    c.networkPolicy("shop/q").create();
    NetworkPolicy stored = c.get(NetworkPolicy.class, "shop", "q").orElseThrow();
    c.apply(stored.withSpec(stored.spec().withEgress(List.of(NetworkPolicyRule.allowAll()))));
    assertEquals(List.of("Ingress"), storedTypes("q"));
  }

  @Test
  void generationCountsSpecChangesOnly() {
    NetworkPolicy first = c.networkPolicy("shop/p").create();
    assertEquals(1, first.metadata().generation());
    c.apply(first.withMetadata(first.metadata().withLabels(Labels.of("team", "net"))));
    assertEquals(1, c.get(NetworkPolicy.class, "shop", "p").orElseThrow().metadata()
        .generation(), "a label change is not a spec change");
    c.apply(c.networkPolicy("shop/p").podSelector("app", "web").build());
    assertEquals(2, c.get(NetworkPolicy.class, "shop", "p").orElseThrow().metadata()
        .generation());
  }
}

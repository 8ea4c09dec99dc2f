package io.kubenetsim.core.kubectl;

import static io.kubenetsim.core.kubectl.Fixtures.created;

import io.kubenetsim.NetworkPolicyBuilder;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPeer;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.util.List;

/**
 * NetworkPolicies as the API server holds them (policyTypes filled, creation times set), one per
 * shape {@code describe} prints differently: deny-all, AND peer, OR peers, ipBlock with and
 * without except, egress-only, named port with a range and a port-less entry.
 */
final class NetworkPolicyFixtures {

  private NetworkPolicyFixtures() {}

  static List<KubernetesObject> goldenObjects() {
    return List.of(
        stored(policy("y/named-ports").podSelector("app", "web")
            .policyTypes("Ingress", "Egress")
            .ingress(r -> r.port("http").portRange(32000, 32768).allPorts(Protocol.UDP)),
            Duration.ofSeconds(45)),
        stored(policy("x/deny-all").policyTypes("Ingress", "Egress"), Duration.ofDays(2)),
        stored(policy("x/allow-and").label("team", "net").podSelector("pod", "a")
            .policyTypes("Ingress")
            .ingress(r -> r.fromPodsInNamespaces("pod=b", "ns=y").port(80)),
            Duration.ofMinutes(5)),
        stored(policy("x/allow-or").podSelector("pod in (b,a)").policyTypes("Ingress")
            .ingress(r -> r.fromPods("pod", "b").fromNamespace("ns", "y")),
            Duration.ofMinutes(90)),
        stored(policy("y/egress-only").policyTypes("Egress")
            .egress(r -> r.to(NetworkPolicyPeer.namespaces(LabelSelector.everything()))
                .port(53, Protocol.UDP).port(53))
            .egress(r -> r.toPods("app", "db"))
            .allowAllEgress(),
            Duration.ofDays(1)),
        stored(policy("x/allow-ipblock").podSelector("pod", "a").policyTypes("Ingress")
            .ingress(r -> r.fromIpBlock("10.0.0.0/8", "10.1.0.0/16", "10.2.0.0/16")
                .port(80).port(81, Protocol.UDP))
            .ingress(r -> r.fromIpBlock("192.168.0.0/16")),
            Duration.ofHours(3)));
  }

  private static NetworkPolicyBuilder policy(String namespacedName) {
    return new NetworkPolicyBuilder(NamespacedName.parse(namespacedName), p -> p);
  }

  private static NetworkPolicy stored(NetworkPolicyBuilder builder, Duration age) {
    NetworkPolicy policy = builder.build();
    return policy.withMetadata(created(policy.metadata(), age));
  }
}

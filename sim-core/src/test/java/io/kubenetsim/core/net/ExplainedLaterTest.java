package io.kubenetsim.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.KubeSim;
import io.kubenetsim.NetworkPolicyEnforcement;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicySpec;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.net.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A connection's explanation (its hops, reason and first line) and its rules' text are written
 * when first read, not when the connection is made. These check that they read the same
 * whenever that is: two clusters built from one seed make the same connections of every kind
 * (through a ClusterIP, a NodePort from outside, to a port no Service has, to a Service without
 * endpoints, straight to a pod, into a NetworkPolicy, to a name and to a name that does not
 * resolve); one cluster's are read at once, the other's only after their backends are deleted,
 * the Services and the policy are gone and the rules have resynced. The simulation is
 * deterministic, so equal text is enough: any difference would be the late read.
 */
class ExplainedLaterTest {

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void explanationsReadTheSameAfterTheClusterChanged(ProxyMode mode) {
    Cluster atOnce = cluster(mode);
    List<String> expected = describe(connect(atOnce));

    Cluster later = cluster(mode);
    List<Connection> made = connect(later);
    for (PodHandle pod : later.pods("shop", "app=web")) {
      pod.delete();
    }
    later.delete(ObjectRef.namespaced("Service", NamespacedName.of("shop", "web")));
    later.delete(ObjectRef.namespaced("Service", NamespacedName.of("shop", "empty")));
    later.delete(ObjectRef.namespaced("NetworkPolicy", NamespacedName.of("shop", "deny-db")));
    later.settle();

    assertEquals(expected, describe(made));
  }

  private static Cluster cluster(ProxyMode mode) {
    Cluster c = KubeSim.cluster().nodes(3).seed(7).proxyMode(mode)
        .networkPolicy(NetworkPolicyEnforcement.ENFORCE).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(3).label("app", "web").containerPort("http", 8080)
        .create();
    c.deployment("shop/db").replicas(1).label("app", "db").containerPort("sql", 5432)
        .create();
    c.pod("shop/client").label("app", "client").containerPort(9000).create();
    c.service("shop/web").type(ServiceType.NODE_PORT).selector("app", "web")
        .port("http", 80, "http").create();
    c.service("shop/empty").selector("app", "nothing").port("http", 80, 8080).create();
    c.service("shop/db").selector("app", "db").port("sql", 5432, "sql").create();
    c.apply(NetworkPolicy.of("shop", "deny-db", NetworkPolicySpec.of(
        LabelSelector.matchLabels(Map.of("app", "db")), List.of("Ingress"), List.of(),
        List.of())));
    c.settle();
    return c;
  }

  private static List<Connection> connect(Cluster c) {
    PodHandle client = c.getPod("shop/client");
    ServiceHandle web = c.getService("shop/web");
    String nodeIp = c.nodes().get(1).internalIP().orElseThrow();
    List<Connection> made = new ArrayList<>();
    made.add(client.connect(web, 80));
    made.add(client.connect(web, 80));
    made.add(client.connect(web.clusterIP(), 81));
    made.add(client.connect(c.getService("shop/empty"), 80));
    made.add(client.connect(c.getService("shop/db"), 5432));
    made.add(client.connect(c.pods("shop", "app=web").get(0).ip().orElseThrow(), 8080));
    made.add(client.connect(web.clusterIP(), 80, Protocol.UDP));
    made.add(c.external("203.0.113.9").connect(nodeIp, web.nodePort(80)));
    made.add(c.node("node-2").connect(web.clusterIP(), 80));
    made.add(client.connect("web", 80));
    made.add(client.connect("nothing", 80));
    return made;
  }

  private static List<String> describe(List<Connection> connections) {
    List<String> text = new ArrayList<>();
    for (Connection connection : connections) {
      text.add(connection.explain() + connection.hops() + connection.reason()
          + connection.backendPod() + connection.candidates() + connection.policyChecks()
          + connection);
    }
    return text;
  }
}

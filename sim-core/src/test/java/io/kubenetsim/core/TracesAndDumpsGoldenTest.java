package io.kubenetsim.core;


import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.model.ServiceType;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Same seed, same calls, same text: each mode's rule dumps on two nodes and the explanations of
 * connections of every kind (ClusterIP from pods on several nodes, round robin and affinity,
 * NodePort with a Local policy, LoadBalancer with source ranges, a refused port), byte for byte
 * as recorded before issue 10's rework of kube-proxy's data structures (the golden files were
 * written by the code at 09e06b8). A change here is a change of behaviour: review the diff,
 * then rewrite with {@code -Dgolden.update=true} and name it in the commit.
 */
class TracesAndDumpsGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/traces");

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void tracesAndDumpsFollowTheSeed(ProxyMode mode) throws IOException {
    Cluster c = KubeSim.cluster().nodes(4).seed(11).proxyMode(mode).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(3).label("app", "web").containerPort("http", 8080)
        .create();
    c.deployment("shop/api").replicas(2).label("app", "api").containerPort("http", 9090)
        .create();
    ServiceHandle web = c.service("shop/web").selector("app", "web").port("http", 80, "http")
        .create();
    ServiceHandle sticky = c.service("shop/sticky").selector("app", "web")
        .port("http", 80, "http").clientIPAffinity(600).create();
    ServiceHandle api = c.service("shop/api").selector("app", "api").port("http", 80, "http")
        .type(ServiceType.NODE_PORT).externalTrafficPolicy("Local").create();
    ServiceHandle lb = c.service("shop/lb").selector("app", "web").port("http", 80, "http")
        .type(ServiceType.LOAD_BALANCER).loadBalancerSourceRange("203.0.113.0/24").create();
    c.service("shop/empty").selector("app", "none").port("http", 80, "http").create();
    PodHandle a = c.pod("shop/client-a").nodeName("node-1").create();
    PodHandle b = c.pod("shop/client-b").nodeName("node-3").create();
    c.settle();

    StringBuilder out = new StringBuilder();
    for (String node : new String[] {"node-1", "node-2"}) {
      out.append("== ").append(node).append(" rules\n").append(c.node(node).proxy().dump())
          .append('\n');
    }
    for (int i = 0; i < 4; i++) {
      record(out, "a -> web " + i, a.connect(web, 80).explain());
      record(out, "b -> sticky " + i, b.connect(sticky, 80).explain());
    }
    record(out, "a -> web:81", a.connect(web.clusterIP(), 81).explain());
    record(out, "a -> empty", a.connect(c.getService("shop/empty"), 80).explain());
    String node2 = c.node("node-2").get().internalIP().orElseThrow();
    String node4 = c.node("node-4").get().internalIP().orElseThrow();
    for (String nodeIp : new String[] {node2, node4}) {
      record(out, "outside -> " + nodeIp + ":nodePort", c.external("198.51.100.7")
          .connect(nodeIp, api.nodePort(80)).explain());
    }
    String lbIp = lb.loadBalancerIngress().get(0);
    record(out, "allowed -> lb", c.external("203.0.113.9").connect(lbIp, 80).explain());
    record(out, "denied -> lb", c.external("198.51.100.7").connect(lbIp, 80).explain());
    assertGolden("traces-" + mode.name().toLowerCase(java.util.Locale.ROOT) + ".txt",
        out.toString());
  }

  private static void record(StringBuilder out, String title, String explanation) {
    out.append("== ").append(title).append('\n').append(explanation).append('\n');
  }

  private static void assertGolden(String name, String actual) throws IOException {
    GoldenFile.assertMatches(GOLDEN.resolve(name), actual, "dumps and traces");
  }
}

package io.kubenetsim.core.dns;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.dns.DnsLookup;
import io.kubenetsim.dns.DnsName;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The dual-stack cluster {@link DnsRecordsFromPodsTest} asks from its pods, built through the
 * public API only: in namespace {@code shop}, ClusterIP Services {@code web} (IPv4, over two
 * pods, port {@code http}), {@code web6} (IPv6) and {@code dual} (IPv4 and IPv6, both without
 * endpoints); headless {@code db} over two ready pods and a third that is not ready ({@code
 * db-warming}, held back by a readiness gate), {@code db-all} over the same pods with {@code
 * publishNotReadyAddresses}, {@code empty} (no endpoints) and {@code legacy6} (selectorless,
 * one hand-written IPv6 EndpointSlice); ExternalName {@code search} to {@code
 * search.example.com}, which the upstream zone {@code internet} holds; client pods {@code
 * shop/client} and {@code other/client}.
 *
 * <p>Expected answers name the cluster's addresses by tokens ({@code {web}}, {@code
 * {client-dashed}}, ...), which {@link #fill} replaces with this run's values.
 */
final class ShopDns {
  static final String MANIFESTS = """
      apiVersion: v1
      kind: Service
      metadata: {name: web6, namespace: shop}
      spec:
        selector: {app: nobody}
        ipFamilies: [IPv6]
        ports: [{name: http, port: 80}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: dual, namespace: shop}
      spec:
        selector: {app: nobody}
        ipFamilyPolicy: RequireDualStack
        ipFamilies: [IPv4, IPv6]
        ports: [{name: http, port: 80}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: legacy6, namespace: shop}
      spec:
        clusterIP: None
        ipFamilies: [IPv6]
        ports: [{name: http, port: 80}]
      ---
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata:
        name: legacy6-manual
        namespace: shop
        labels: {kubernetes.io/service-name: legacy6}
      addressType: IPv6
      endpoints:
      - addresses: ["fd00:db8::5"]
      ports: [{name: http, port: 80, protocol: TCP}]
      """;

  private ShopDns() {}

  static Cluster build() {
    Cluster c = KubeSim.cluster().nodes(2).seed(99)
        .serviceClusterIpRange("10.96.0.0/12", "fd00:10:96::/112").build();
    c.createNamespace("shop");
    c.createNamespace("other");
    c.deployment("shop/web").replicas(2).label("app", "web").containerPort("http", 8080)
        .create();
    c.service("shop/web").selector("app", "web").port("http", 80, "http").create();
    c.deployment("shop/db").replicas(2).label("app", "db").containerPort("pg", 5432).create();
    c.pod("shop/db-warming").label("app", "db").containerPort("pg", 5432)
        .readinessGate("example.com/warm").create();
    c.service("shop/db").selector("app", "db").port("pg", 5432, "pg").headless().create();
    c.service("shop/db-all").selector("app", "db").port("pg", 5432, "pg").headless()
        .publishNotReadyAddresses(true).create();
    c.service("shop/empty").selector("app", "nobody").port("http", 80, 80).headless().create();
    c.service("shop/search").externalName("search.example.com").create();
    c.applyYaml(MANIFESTS);
    c.upstreamZone("internet").a("search.example.com", "93.184.216.34")
        .a("example.com", "93.184.216.34").create();
    c.pod("shop/client").create();
    c.pod("other/client").create();
    c.settle();
    return c;
  }

  /** {@return the tokens of this cluster's addresses, for {@link #fill}} */
  static Map<String, String> tokens(Cluster c) {
    Map<String, String> t = new LinkedHashMap<>();
    IpAddress web = IpAddress.parse(c.getService("shop/web").clusterIP());
    IpAddress dual6 = IpAddress.parse(c.getService("shop/dual").clusterIP(IpFamily.IPV6)
        .orElseThrow());
    IpAddress client = ip(c.getPod("shop/client"));
    IpAddress webPod = ip(c.pods("shop", "app=web").get(0));
    t.put("{web}", web.toString());
    t.put("{web-rev}", DnsName.reverse(web).toString());
    t.put("{web6}", c.getService("shop/web6").clusterIP());
    t.put("{dual4}", c.getService("shop/dual").clusterIP(IpFamily.IPV4).orElseThrow());
    t.put("{dual6}", dual6.toString());
    t.put("{dual6-rev}", DnsName.reverse(dual6).toString());
    t.put("{client}", client.toString());
    t.put("{client-dashed}", client.toString().replace('.', '-'));
    t.put("{client-rev}", DnsName.reverse(client).toString());
    t.put("{webpod}", webPod.toString());
    t.put("{webpod-dashed}", webPod.toString().replace('.', '-'));
    t.put("{webpod-rev}", DnsName.reverse(webPod).toString());
    t.put("{kube-dns}", c.getService("kube-system/kube-dns").clusterIP());
    return t;
  }

  static String fill(String text, Map<String, String> tokens) {
    String out = text;
    for (Map.Entry<String, String> e : tokens.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }

  static IpAddress ip(PodHandle pod) {
    return IpAddress.parse(pod.ip().orElseThrow(() ->
        new AssertionError(pod.ref() + " has no IP")));
  }

  /** {@return the addresses of a lookup's answer, as a sorted set of text} */
  static Set<String> addresses(DnsLookup lookup) {
    return lookup.addresses().stream().map(Object::toString)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** {@return the IPs of the pods of {@code namespace} matching {@code selector}} */
  static Set<String> podIps(Cluster c, String namespace, String selector) {
    return c.pods(namespace, selector).stream().map(p -> p.ip().orElseThrow())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}

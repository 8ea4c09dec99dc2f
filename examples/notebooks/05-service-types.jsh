// Notebook 05: the five kinds of Service, and the path of a LoadBalancer's traffic.
// ClusterIP, NodePort, LoadBalancer hop by hop, ExternalName, headless; externalTrafficPolicy.
//
// Open it from the repository root, after `mvn -B -q package -DskipTests`:
//   examples/notebook 05
// or paste the snippets one by one into `jshell --class-path examples/target/kube-netsim.jar`.
// A statement that goes on to the next line ends the line with a dot, so jshell waits.

import io.kubenetsim.*;
import io.kubenetsim.dns.*;
import io.kubenetsim.model.*;
import io.kubenetsim.net.*;

// iptables mode, so each hop names the chains it went through.
Cluster c = KubeSim.cluster().nodes(3).seed(21).proxyMode(ProxyMode.IPTABLES).build();
c.createNamespace("shop");
c.deployment("shop/web").replicas(2).label("app", "web").containerPort("http", 8080).create();
PodHandle client = c.pod("shop/client").create();
c.settle();
System.out.println(c.kubectl("get pods -n shop -o wide"));

// One Service of each kind, all for the same two web pods (except the ExternalName).
ServiceHandle web = c.expose("shop/web").port(80).targetPort("http").create();
ServiceHandle nodePort = c.expose("shop/web").name("web-np").port(80).targetPort("http").
    type(ServiceType.NODE_PORT).create();
ServiceHandle lb = c.expose("shop/web").name("web-lb").port(80).targetPort("http").
    type(ServiceType.LOAD_BALANCER).create();
ServiceHandle search = c.service("shop/search").externalName("search.example.com").create();
ServiceHandle headless = c.service("shop/web-headless").selector("app", "web").
    port("http", 8080, "http").headless().create();

// Right after creation the LoadBalancer's EXTERNAL-IP is <pending>: a cloud controller has to
// provision the load balancer and write its address into the Service's status.
System.out.println(c.kubectl("get svc -n shop"));
c.settle();
System.out.println(c.kubectl("get svc -n shop"));
// The types build on each other: a NodePort Service also has a ClusterIP, and a LoadBalancer
// also has a NodePort (allocated from 30000-32767) and a ClusterIP.

// ---- ClusterIP: a virtual IP for clients inside the cluster ----
System.out.println("== ClusterIP");
System.out.print(client.connect(web, 80).explain());

// ---- NodePort: the same port open on every node, whether or not it runs a web pod ----
// With the default externalTrafficPolicy: Cluster, the receiving node may forward to a pod on
// another node, and masquerades the client so that the reply comes back through it.
System.out.println("== NodePort");
ExternalClient outside = c.external("203.0.113.7");
for (NodeHandle node : c.nodes()) {
  Connection conn = outside.connect(node.internalIP().orElseThrow(), nodePort.nodePort(80));
  System.out.println("via " + node.name() + " (web pods on it: " + node.pods().stream().
      filter(p -> p.name().startsWith("web-")).count() + "): " + conn.verdict() +
      " at " + conn.backendPod().orElse("-") + ", source seen as " + conn.sourceSeenByBackend());
}

// ---- LoadBalancer: outside client -> load balancer -> a node's NodePort -> pod ----
// The cloud load balancer sends to some node's NodePort; from there it is NodePort traffic.
// kube-proxy's NodePort rules jump to the Service's chain (the hop to ServiceIP:port), whose
// DNAT picks the pod: the hops are LB -> NodeIP:NodePort -> ServiceIP:port -> PodIP:port.
System.out.println("== LoadBalancer");
Connection viaLb = outside.connect(lb.loadBalancerIngress().get(0), 80);
System.out.print(viaLb.explain());
viaLb.hops().forEach(h -> System.out.println("  " + h.from() + " -> " + h.to() +
    (h.node().isEmpty() ? "" : " on " + h.node())));

// ---- ExternalName: only a DNS alias ----
// No ClusterIP, no endpoints, no kube-proxy rules: cluster DNS answers the Service's name with
// a CNAME to the external name, followed by that name's address from DNS outside the cluster.
System.out.println("== ExternalName");
c.upstreamZone("internet").a("search.example.com", "198.51.100.20").create();
System.out.println(client.lookup("search", RecordType.A));
System.out.println("node-1 rules mentioning shop/search: " + c.node("node-1").proxy().rules().
    stream().filter(l -> l.contains("shop/search")).count());

// ---- Headless (clusterIP: None): DNS names, no virtual IP ----
// DNS answers with the ready pods' own IPs, and the client connects to a pod directly: no
// kube-proxy rule is involved (and no balancing beyond what the client does with the list).
System.out.println("== headless");
System.out.println(client.lookup("web-headless", RecordType.A));
System.out.print(client.connect("web-headless", 8080).explain());
System.out.println("node-1 rules mentioning shop/web-headless: " + c.node("node-1").proxy().
    rules().stream().filter(l -> l.contains("shop/web-headless")).count());

// ---- externalTrafficPolicy: Local keeps the client's IP, at a price ----
// Each node sends external traffic only to its own web pods, without masquerading; a node
// with none drops it, so the load balancer must send only to nodes that have a pod.
System.out.println("== LoadBalancer with externalTrafficPolicy: Local");
ServiceHandle local = c.service("shop/web-local").selector("app", "web").
    port("http", 80, "http").type(ServiceType.LOAD_BALANCER).
    externalTrafficPolicy(TrafficPolicy.LOCAL).create();
c.settle();
for (NodeHandle node : c.nodes()) {
  Connection conn = outside.connect(node.internalIP().orElseThrow(), local.nodePort(80));
  System.out.println("via " + node.name() + ": " + conn.verdict() + " at " +
      conn.backendPod().orElse("-") + ", source seen as " + conn.sourceSeenByBackend());
}
/exit

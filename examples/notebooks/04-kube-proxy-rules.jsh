// Notebook 04: how traffic reaches a pod. kube-proxy on each node rewrites connections to a
// Service; an outside client reaches a LoadBalancer through LB -> NodePort -> Service -> pod.
//
// Run from the repository root, after `mvn -q -B package -DskipTests`:
//   jshell --class-path examples/target/kube-netsim.jar \
//       examples/notebooks/04-kube-proxy-rules.jsh
// A statement that goes on to the next line ends the line with a dot, so jshell waits.

import io.kubenetsim.*;
import io.kubenetsim.model.*;

// iptables mode: the rules are chains walked one by one, choices made by probabilities.
Cluster c = KubeSim.cluster().nodes(3).seed(11).proxyMode(ProxyMode.IPTABLES).build();
c.createNamespace("shop");
c.deployment("shop/web").replicas(3).label("app", "web").containerPort("http", 8080).create();
PodHandle client = c.pod("shop/client").label("app", "client").containerPort(9000).create();
c.settle();

// A ClusterIP Service: connections from a pod are DNATed to one of the ready pods.
ServiceHandle web = c.expose("shop/web").port(80).targetPort("http").create();
c.settle();
Connection conn = client.connect(web, 80);
System.out.print(conn.explain());

// The rules behind it, as iptables-save prints them on node-1 (first lines only).
c.node("node-1").proxy().rules().stream().filter(l -> l.contains("KUBE-SVC")).limit(4).
    forEach(System.out::println);

// An outside client reaches a LoadBalancer: the seed's path, hop by hop.
ServiceHandle front = c.expose("shop/web").name("front").port(80).targetPort("http").
    type(ServiceType.LOAD_BALANCER).create();
c.settle();
Connection outside = c.external("203.0.113.7").connect(front.loadBalancerIngress().get(0), 80);
System.out.print(outside.explain());
System.out.println("hops: " + outside.hops().size());
/exit

// Notebook 02: a Service is a stable virtual IP in front of ephemeral pods.
// Its ClusterIP never moves while every pod behind it is replaced; no pod or node owns it.
//
// Open it from the repository root, after `mvn -B -q package -DskipTests`:
//   examples/notebook 02
// or paste the snippets one by one into `jshell --class-path examples/target/kube-netsim.jar`.
// A statement that goes on to the next line ends the line with a dot, so jshell waits.

import io.kubenetsim.*;
import java.util.*;

Cluster c = KubeSim.cluster().nodes(3).seed(7).build();
c.createNamespace("shop");
DeploymentHandle web = c.deployment("shop/web").replicas(3).label("app", "web").
    containerPort("http", 8080).create();
PodHandle client = c.pod("shop/client").create();
c.settle();

// Every cluster starts with two Services from the Service range 10.96.0.0/12: the API
// server's at the first address, 10.96.0.1, and cluster DNS at the tenth, 10.96.0.10
// (kubeadm's choice; the kubelet writes it into every pod's resolv.conf).
System.out.println(c.kubectl("get svc -A"));

// A Service selects pods by label. The API server allocates its ClusterIP at random from
// the upper part of the range (the lower part is kept for addresses people ask for).
ServiceHandle svc = c.service("shop/web").selector("app", "web").port("http", 80, "http").
    create();
c.settle();
System.out.println(c.kubectl("get svc -n shop"));
String vip = svc.clusterIP();
System.out.println("backends: " + svc.endpoints());

// The ClusterIP is virtual: no pod and no node has it on an interface. Connections to it work
// because kube-proxy, on every node, rewrites them to a backend pod (notebook 04 shows how).
System.out.println("pods with IP " + vip + ": " +
    c.pods().stream().filter(p -> p.ip().equals(Optional.of(vip))).count() +
    ", nodes with it: " +
    c.nodes().stream().filter(n -> n.internalIP().equals(Optional.of(vip))).count());
Connection first = client.connect(svc, 80);
System.out.print(first.explain());

// The VIP answers only on the ports the Service declares: 8080 is the pods' port, not the
// Service's. In IPVS mode (this cluster's) and nftables mode the node's rules refuse such a
// connection; in iptables mode no rule matches and it times out.
System.out.println("port 8080 of the ClusterIP: " + client.connect(vip, 8080).reason());

// Replace every pod: a rollout restart creates new pods (new names, new IPs) and removes the
// old ones. The ClusterIP stays; only the list of backends changes.
web.restart();
c.settle();
System.out.println(c.kubectl("get pods -n shop -o wide"));
System.out.println("ClusterIP now: " + svc.clusterIP() + ", same as before? " +
    svc.clusterIP().equals(vip));
System.out.println("backends now: " + svc.endpoints());
System.out.print(client.connect(svc, 80).explain());

// A connection opened before the restart was pinned to a pod that no longer exists: the
// Service gives new connections a live pod, it does not move open ones.
System.out.println("a request on the first connection: " + first.request());

// With no pods at all the Service still exists and keeps its IP, but there is nothing to
// send a connection to: the node's rules refuse it at once (not a slow timeout).
web.scale(0);
c.settle();
Connection none = client.connect(svc, 80);
System.out.println("at 0 replicas: " + none.verdict() + ": " + none.reason());
web.scale(2);
c.settle();
System.out.println("at 2 replicas: " + client.connect(svc, 80).verdict() + ", ClusterIP " +
    svc.clusterIP() + ", backends " + svc.endpoints());
/exit

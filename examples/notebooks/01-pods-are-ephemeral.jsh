// Notebook 01: pods are ephemeral. Delete a pod and its Deployment replaces it with a new pod
// that has a new name and a new IP, so nothing should remember a pod's IP.
//
// Run from the repository root, after `mvn -q -B package -DskipTests`:
//   jshell --class-path examples/target/kube-netsim.jar \
//       examples/notebooks/01-pods-are-ephemeral.jsh
// or paste the snippets one by one into jshell started with that class path. A statement that
// goes on to the next line ends the line with a dot, so jshell waits for the rest.

import io.kubenetsim.*;
import java.util.*;

// A simulated cluster: three nodes, each handing out pod IPs from its own /24.
// The seed makes every run print the same names and IPs.
Cluster c = KubeSim.cluster().nodes(3).seed(42).build();
c.createNamespace("shop");

// A Deployment of three nginx pods. settle() runs the simulation until nothing is pending:
// the scheduler places the pods, and each node's kubelet starts them and gives them IPs.
DeploymentHandle web = c.deployment("shop/web").replicas(3).label("app", "web").
    image("nginx:1.27").containerPort("http", 8080).create();
c.settle();
System.out.println(c.kubectl("get pods -n shop -o wide"));

// Remember every pod's name, then pick one pod and note its IP.
Set<String> before = new HashSet<>();
web.pods().forEach(p -> before.add(p.name()));
PodHandle victim = web.pods().get(0);
String oldIp = victim.ip().orElseThrow();
System.out.println("deleting " + victim.name() + ", IP " + oldIp);

// Delete it: the pod terminates gracefully (30 s of virtual time), and the ReplicaSet sees a
// replica missing and creates a new pod, which the scheduler may place on another node.
victim.delete();
c.settle();
System.out.println(c.kubectl("get pods -n shop -o wide"));

// The replacement is the pod whose name we have not seen before. Its IP is a new one.
PodHandle replacement = web.pods().stream().filter(p -> !before.contains(p.name())).
    findFirst().orElseThrow();
String newIp = replacement.ip().orElseThrow();
System.out.println("replacement " + replacement.name() + ", IP " + newIp);
System.out.println("same IP as before? " + newIp.equals(oldIp));

// Anything that stored the old IP now reaches nobody: that is what Services are for.
/exit

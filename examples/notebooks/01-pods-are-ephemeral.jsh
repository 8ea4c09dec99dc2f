// Notebook 01: pods are ephemeral, and so are their IP addresses.
// A restarted container keeps its pod and IP; a deleted pod is replaced by a new one elsewhere.
//
// Open it from the repository root, after `mvn -B -q package -DskipTests`:
//   examples/notebook 01
// or paste the snippets one by one into `jshell --class-path examples/target/kube-netsim.jar`.
// A statement that goes on to the next line ends the line with a dot, so jshell waits.

import io.kubenetsim.*;
import java.util.*;

// A simulated cluster of three nodes. The seed makes every run print the same names and IPs.
Cluster c = KubeSim.cluster().nodes(3).seed(42).build();
c.createNamespace("shop");

// Node IPAM gives each node its own /24 of the pod network 10.244.0.0/16, and the node's CNI
// plugin hands out pod IPs from that range: a pod's IP says which node it runs on.
c.settle();
c.nodes().forEach(n -> System.out.println(n.name() + "  InternalIP " +
    n.internalIP().orElse("-") + "  podCIDR " + n.podCIDR().orElse("-")));

// A Deployment of three nginx pods. settle() runs the simulation until nothing is pending:
// the scheduler places the pods, and each node's kubelet starts them and gives them IPs.
DeploymentHandle web = c.deployment("shop/web").replicas(3).label("app", "web").
    image("nginx:1.27").containerPort("http", 8080).create();
c.settle();
System.out.println(c.kubectl("get pods -n shop -o wide"));

// A crash is not a new pod: the kubelet restarts the container in the same pod sandbox, so
// the name and the IP stay and only RESTARTS counts up.
PodHandle crashed = web.pods().get(1);
String crashedIp = crashed.ip().orElseThrow();
crashed.crash();
c.settle();
System.out.println(crashed.name() + " after a crash: IP " + crashed.ip().orElseThrow() +
    ", restarts " + crashed.restartCount() + ", same IP? " +
    crashed.ip().orElseThrow().equals(crashedIp));

// Remember every pod's name, then pick one pod to delete and note its IP.
Set<String> before = new TreeSet<>();
web.pods().forEach(p -> before.add(p.name()));
PodHandle victim = web.pods().get(0);
String oldIp = victim.ip().orElseThrow();
System.out.println("deleting " + victim.name() + " on " + victim.node().orElseThrow() +
    ", IP " + oldIp);

// Delete it: the pod terminates gracefully (30 s of virtual time). The ReplicaSet does not
// count a terminating pod, so it creates the replacement at once (by the time the old pod is
// gone the new one is 30s old), and the scheduler may place it on another node.
victim.delete();
c.settle();
System.out.println(c.kubectl("get pods -n shop -o wide"));

// The replacement is the pod whose name we have not seen before: a new name, a new IP, from
// the range of whichever node it landed on.
PodHandle replacement = web.pods().stream().filter(p -> !before.contains(p.name())).
    findFirst().orElseThrow();
String newIp = replacement.ip().orElseThrow();
System.out.println("replacement " + replacement.name() + " on " +
    replacement.node().orElseThrow() + ", IP " + newIp);
System.out.println("same IP as before? " + newIp.equals(oldIp));
System.out.println("does the old pod still exist? " + victim.exists());

// Anything that stored the old IP now reaches nobody: that is what Services are for (02).
/exit

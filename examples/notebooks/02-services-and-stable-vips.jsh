// Notebook 02: a Service is a stable address over ephemeral pods. Its ClusterIP never moves,
// while the EndpointSlice controller keeps its list of backends in step with the pods.
//
// Run from the repository root, after `mvn -q -B package -DskipTests`:
//   jshell --class-path examples/target/kube-netsim.jar \
//       examples/notebooks/02-services-and-stable-vips.jsh
// A statement that goes on to the next line ends the line with a dot, so jshell waits.

import io.kubenetsim.*;
import io.kubenetsim.model.*;
import java.time.Duration;

Cluster c = KubeSim.cluster().nodes(3).seed(7).build();
c.createNamespace("shop");
DeploymentHandle web = c.deployment("shop/web").replicas(3).label("app", "web").
    containerPort("http", 8080).create();
c.settle();

// kubectl expose: the selector comes from the Deployment, "http" is resolved on each pod.
ServiceHandle svc = c.expose("shop/web").port(80).targetPort("http").
    type(ServiceType.NODE_PORT).create();
c.settle();
System.out.println(c.kubectl("get svc -n shop"));
System.out.println("backends: " + svc.endpoints());

// Delete a pod. During its 30 s grace period it is still in the slice, but terminating and
// not ready, so kube-proxy stops sending it new connections.
String ipBefore = svc.clusterIP();
web.pods().get(0).delete();
c.runFor(Duration.ofSeconds(2));
System.out.println(c.kubectl("describe svc web -n shop"));
c.settle();
System.out.println("backends now: " + svc.endpoints());
System.out.println("same ClusterIP? " + svc.clusterIP().equals(ipBefore));

// Scale to 250: the controller splits the endpoints into slices of at most 100.
web.scale(250);
c.settle();
System.out.println("slices at 250 pods: " + svc.slices().size());
/exit

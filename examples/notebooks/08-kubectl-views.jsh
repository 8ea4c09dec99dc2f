// Notebook 08: reading the network with kubectl: get, describe, endpoints, expose, port-forward.
// Each view is a snapshot rendered as kubectl renders it; what each column means, and hides.
//
// Open it from the repository root, after `mvn -B -q package -DskipTests`:
//   examples/notebook 08
// or paste the snippets one by one into `jshell --class-path examples/target/kube-netsim.jar`.
// A statement that goes on to the next line ends the line with a dot, so jshell waits.

import io.kubenetsim.*;

Cluster c = KubeSim.cluster().nodes(3).seed(8).build();
c.createNamespace("shop");
c.deployment("shop/web").replicas(3).label("app", "web").containerPort("http", 8080).create();
c.settle();

// get pods -o wide: the wide columns add each pod's IP and node. -o name prints TYPE/NAME.
System.out.println(c.kubectl("get pods -n shop -o wide"));
System.out.println(c.kubectl("get pods -n shop -o name"));

// expose: a Service whose selector is the Deployment's (app=web), here of type NodePort, its
// port 80 sent to the container port named http.
System.out.println(c.kubectl("expose deployment web -n shop --port 80 --target-port http " +
    "--type NodePort"));
c.settle();

// get svc: PORT(S) reads port:nodePort/protocol. -o wide adds the SELECTOR; -A shows every
// namespace, with the cluster's own Services.
System.out.println(c.kubectl("get svc -n shop"));
System.out.println(c.kubectl("get svc -n shop -o wide"));
System.out.println(c.kubectl("get svc -A"));

// describe svc: TargetPort keeps the name "http" as written; Endpoints lists the ready
// endpoints (IP and resolved port) from the Service's EndpointSlices.
System.out.println(c.kubectl("describe svc web -n shop"));

// Two views of the backends. Endpoints, the old API, lists only ready addresses, with their
// ports, and the API server warns that it is deprecated (the warning comes on stderr, printed
// here after the table). EndpointSlices list every endpoint, ready or not, without ports.
System.out.println(c.kubectl("get endpoints -n shop"));
System.out.println(c.kubectl("get endpointslices -n shop"));

// Past three endpoints the ENDPOINTS column stops and counts the rest.
c.kubectl("scale deployment web -n shop --replicas=5");
c.settle();
System.out.println(c.kubectl("get endpoints -n shop"));

// -o yaml shows what the API server filled in: the ClusterIP, the node port, the IP family,
// and defaults no one wrote (sessionAffinity: None, externalTrafficPolicy: Cluster).
System.out.println(c.kubectl("get svc web -n shop -o yaml"));

// port-forward to a Service: kubectl picks one pod and translates the Service port 80 to
// that pod's targetPort. The connection goes API server -> kubelet -> pod, bypassing
// kube-proxy, the ClusterIP, load balancing and NetworkPolicy: every connection reaches the
// same pod while the forward runs.
System.out.println(c.kubectl("port-forward svc/web 8080:80 -n shop"));
PortForward forward = c.portForward("svc/shop/web", 8080, "80");
System.out.println("forwarding to " + forward.pod() + " port " + forward.podPort());
System.out.print(forward.connect().explain());
System.out.println("second connection: " + forward.connect().backendPod().orElseThrow());

// A name that does not exist: kubectl's words for it, as the API server's NotFound.
System.out.println(c.kubectlResult("get svc shop-front -n shop"));
/exit

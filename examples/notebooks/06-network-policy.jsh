// Notebook 06: NetworkPolicy: a default-deny policy breaks a connection, another fixes it.
// Policies are allow-lists per pod and direction; a truth table shows who may reach whom.
//
// Open it from the repository root, after `mvn -B -q package -DskipTests`:
//   examples/notebook 06
// or paste the snippets one by one into `jshell --class-path examples/target/kube-netsim.jar`.
// A statement that goes on to the next line ends the line with a dot, so jshell waits.

import io.kubenetsim.*;
import io.kubenetsim.net.*;

// Three namespaces: the shop serves, the office and the lab each have a client. Until a
// policy selects a pod, every pod may talk to every pod.
Cluster c = KubeSim.cluster().nodes(2).seed(4).build();
c.createNamespace("shop");
c.createNamespace("office");
c.createNamespace("lab");
c.deployment("shop/web").replicas(2).label("app", "web").containerPort("http", 8080).create();
ServiceHandle web = c.expose("shop/web").port(80).targetPort("http").create();
PodHandle office = c.pod("office/client").label("app", "client").create();
PodHandle lab = c.pod("lab/client").label("app", "client").create();
c.settle();
System.out.println("before any policy: " + office.connect(web, 80).verdict());

// Break it: deny all ingress to every pod of the shop. podSelector {} selects every pod of the
// policy's namespace; a policy with no ingress rules allows nothing in.
c.applyYaml("""
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: default-deny-ingress, namespace: shop}
    spec:
      podSelector: {}
      policyTypes: [Ingress]
    """);
c.settle();
Connection denied = office.connect(web, 80);
System.out.print(denied.explain());
System.out.println("policy: " + denied.policy().orElseThrow());
// What to notice: kube-proxy DNATed the packet first, so the policy judged the pod's IP and
// port 8080, not the ClusterIP and port 80. And a policy drop is silent: the client times out.

// Fix it for the office only: allow ingress from pods of namespaces named office, on the pods'
// port named http. Policies only add permissions: a connection is allowed when any policy
// that selects the pod allows it, so this one opens a hole in the default deny.
c.applyYaml("""
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: allow-office, namespace: shop}
    spec:
      podSelector: {matchLabels: {app: web}}
      ingress:
      - from:
        - namespaceSelector:
            matchLabels: {kubernetes.io/metadata.name: office}
        ports:
        - {port: http}
    """);
c.settle();
System.out.println("office: " + office.connect(web, 80).verdict() + ", allowed by " +
    office.connect(web, 80).policy().flatMap(PolicyCheck::allowedBy).orElse("-"));
System.out.println("lab: " + lab.connect(web, 80).verdict());

// Who may reach whom on the web pods' port, as a truth table (. allowed, X denied): the lab is
// still out, and the two web pods cannot reach each other (a pod reaching itself always can).
// The clients are not selected by any policy, so anyone may reach them.
System.out.println(c.reachability(8080, Protocol.TCP));
System.out.println(c.kubectl("describe netpol allow-office -n shop"));
/exit

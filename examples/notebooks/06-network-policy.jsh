// Notebook 06: NetworkPolicy breaks a connection and fixes it. A default-deny policy isolates
// the shop's pods; a second policy lets in traffic from one namespace only.
//
// Run from the repository root, after `mvn -q -B package -DskipTests`:
//   jshell --class-path examples/target/kube-netsim.jar examples/notebooks/06-network-policy.jsh
// A statement that goes on to the next line ends the line with a dot, so jshell waits.

import io.kubenetsim.*;
import io.kubenetsim.net.*;

// Two namespaces: the shop serves, the office and the lab each have a client.
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

// Break it: deny all ingress to every pod of the shop (podSelector {} selects them all).
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

// Fix it for the office only: allow ingress from pods of namespaces named office.
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

// Who may reach whom on the web pods' port, as a truth table (. allowed, X denied).
System.out.println(c.reachability(8080, Protocol.TCP));
System.out.println(c.kubectl("describe netpol allow-office -n shop"));
/exit

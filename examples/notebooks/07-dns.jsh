// Notebook 07: DNS: Service names, the search path and ndots, SRV, headless and StatefulSet names.
// Every query is real traffic to a CoreDNS pod, so a NetworkPolicy can break name resolution.
//
// Open it from the repository root, after `mvn -B -q package -DskipTests`:
//   examples/notebook 07
// or paste the snippets one by one into `jshell --class-path examples/target/kube-netsim.jar`.
// A statement that goes on to the next line ends the line with a dot, so jshell waits.

import io.kubenetsim.*;
import io.kubenetsim.dns.*;
import io.kubenetsim.net.*;

Cluster c = KubeSim.cluster().nodes(2).seed(5).build();
c.createNamespace("shop");
c.createNamespace("office");
c.deployment("shop/web").replicas(2).label("app", "web").containerPort("http", 8080).create();
c.service("shop/web").selector("app", "web").port("http", 80, "http").create();
PodHandle shop = c.pod("shop/client").create();
PodHandle office = c.pod("office/client").create();
c.settle();

// The kubelet writes each pod's resolv.conf: the nameserver is the kube-dns Service's
// ClusterIP, the search path starts with the pod's own namespace, and ndots is 5.
System.out.println(shop.resolvConf());

// Names: the short name works only in the Service's own namespace; name.namespace anywhere.
// From the office, "web" becomes web.office.svc.cluster.local first, and so on down the
// search path: every try is NXDOMAIN.
System.out.println("shop, web: " + shop.resolve("web"));
System.out.println("office, web: " + office.lookup("web", RecordType.A).rcode().orElseThrow());
System.out.println("office, web.shop: " + office.resolve("web.shop"));
System.out.println(office.lookup("web", RecordType.A));

// The ndots cost: a name with fewer than five dots tries the search path first, so
// example.com costs three NXDOMAINs before the query that answers. A trailing dot makes the
// name absolute: one query.
c.upstreamZone("internet").a("example.com", "93.184.216.34").create();
DnsLookup outside = shop.lookup("example.com", RecordType.A);
System.out.println(outside);
System.out.println("queries for example.com: " + outside.tried().size() +
    ", for example.com.: " + shop.lookup("example.com.", RecordType.A).tried().size());

// SRV for a named port: _http._tcp.web answers with the Service port named http (80) and the
// Service's name, with its A record alongside, as dig prints it.
System.out.println(c.kubectl("nslookup --from shop/client _http._tcp.web --type SRV"));

// Headless: one A record per ready pod, and StatefulSet pods get their own stable names,
// pod.service (db-1.db), whose address follows the pod.
c.service("shop/db").selector("app", "db").port("pg", 5432, 5432).headless().create();
c.statefulSet("shop/db").serviceName("db").replicas(2).label("app", "db").
    containerPort("pg", 5432).create();
c.settle();
System.out.println("db: " + shop.resolve("db") + ", db-1.db: " + shop.resolve("db-1.db"));

// DNS is traffic: each query is UDP to 10.96.0.10:53, DNATed to a CoreDNS pod in kube-system.
// Deny all egress from the shop, and connecting by name fails before any TCP is sent; an
// egress policy must allow port 53 (UDP and TCP) to the DNS pods.
c.networkPolicy("shop/deny-egress").podSelector("").policyTypes("Egress").create();
c.settle();
Connection denied = shop.connect("web", 80);
System.out.println(denied.verdict() + ": " + denied.reason());
/exit

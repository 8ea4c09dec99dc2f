// Notebook 04: kube-proxy's rules, dumped, in its three modes, and how they pick a pod.
// iptables chains with statistic probabilities, IPVS round robin, nftables maps and numgen.
//
// Open it from the repository root, after `mvn -B -q package -DskipTests`:
//   examples/notebook 04
// or paste the snippets one by one into `jshell --class-path examples/target/kube-netsim.jar`.
// A statement that goes on to the next line ends the line with a dot, so jshell waits.

import io.kubenetsim.*;
import io.kubenetsim.net.*;
import java.util.*;

// The same small shop in each mode: three web pods behind the Service shop/web (port 80 to the
// pods' 8080) and a client pod. The same seed gives the same pods and IPs in every mode.
Cluster shop(ProxyMode mode) {
  Cluster c = KubeSim.cluster().nodes(3).seed(11).proxyMode(mode).build();
  c.createNamespace("shop");
  c.deployment("shop/web").replicas(3).label("app", "web").containerPort("http", 8080).create();
  c.expose("shop/web").port(80).targetPort("http").create();
  c.pod("shop/client").create();
  c.settle();
  return c;
}

// Opens n connections from the client to the Service and counts them per backend pod.
Map<String, Integer> spread(Cluster c, int n) {
  Map<String, Integer> counts = new TreeMap<>();
  for (int i = 0; i < n; i++) {
    Connection conn = c.getPod("shop/client").connect(c.getService("shop/web"), 80);
    counts.merge(conn.backend().orElseThrow().toString(), 1, Integer::sum);
    conn.close();
  }
  return counts;
}

// Prints the lines of text from the first that starts with `from` up to the next blank line.
void paragraph(String text, String from) {
  text.lines().dropWhile(l -> !l.startsWith(from)).takeWhile(l -> !l.isBlank()).
      forEach(System.out::println);
}

// kube-proxy is not in the path of a packet: on every node it watches Services and
// EndpointSlices and writes kernel rules; the kernel rewrites each new connection.

// ---- iptables mode: chains, walked rule by rule ----
Cluster c = shop(ProxyMode.IPTABLES);
System.out.println("== iptables mode");
String vip = c.getService("shop/web").clusterIP();
String clientIp = c.getPod("shop/client").ip().orElseThrow();
System.out.println("shop/web " + vip + " -> " + c.getService("shop/web").endpoints());
List<String> rules = c.node("node-1").proxy().rules();

// KUBE-SERVICES matches the ClusterIP and port and jumps to the Service's KUBE-SVC chain.
// Chain names are hashes (of the service port, and for KUBE-SEP of the endpoint too), so they
// stay the same from one sync to the next.
for (String chain : List.of("-A KUBE-SERVICES ", "-A KUBE-SVC-", "-A KUBE-SEP-")) {
  rules.stream().filter(l -> l.startsWith(chain) && l.contains("shop/web")).
      forEach(System.out::println);
}
// What to notice: KUBE-SVC first marks traffic from outside the pod network for masquerade,
// then tries the endpoints in order: the first with probability 1/3, the second with 1/2 of
// what is left, the last always. Each ends up with 1/3. Each KUBE-SEP chain DNATs to one pod
// (and masquerades a pod that reaches itself through the Service: hairpin).

// One packet from the client, through node-1's rules (the client runs there):
System.out.print(c.node("node-1").proxy().trace(clientIp, vip, 80, Protocol.TCP));
// The same packet from the node itself: its source is not a pod IP, so it is masqueraded.
String nodeIp = c.node("node-1").internalIP().orElseThrow();
System.out.print(c.node("node-1").proxy().trace(nodeIp, vip, 80, Protocol.TCP));

// Random, so 300 connections split close to 100 each, never exactly.
System.out.println("iptables, 300 connections: " + spread(c, 300));

// Every node has the same Service rules: a connection is balanced where it starts.
System.out.println("node-3 has the same KUBE-SVC rules? " +
    c.node("node-3").proxy().rules().stream().filter(l -> l.startsWith("-A KUBE-SVC-")).
        toList().equals(rules.stream().filter(l -> l.startsWith("-A KUBE-SVC-")).toList()));

// ---- IPVS mode: one virtual server per ClusterIP and port, round robin ----
// kube-netsim's default mode. (kube-proxy's own default on Linux is iptables, and IPVS mode
// is deprecated since Kubernetes 1.35.)
c = shop(ProxyMode.IPVS);
System.out.println("== IPVS mode");
boolean inWeb = false;
for (String line : c.node("node-1").proxy().rules()) {
  if (line.startsWith("TCP  ") || line.startsWith("UDP  ")) {
    inWeb = line.startsWith("TCP  " + vip + ":80 ");
  }
  if (inWeb || line.startsWith("Prot ") || line.startsWith("  -> RemoteAddress")) {
    System.out.println(line);
  }
}
// rr: each new connection goes to the next real server in turn, so the spread is exact.
List<String> picks = new ArrayList<>();
for (int i = 0; i < 6; i++) {
  Connection conn = c.getPod("shop/client").connect(c.getService("shop/web"), 80);
  picks.add(conn.backend().orElseThrow().toString());
  conn.close();
}
System.out.println("IPVS, six connections in turn: " + picks);
System.out.println("IPVS, 300 connections: " + spread(c, 300));
// IPVS still needs iptables around it, for masquerade and filtering; its rules match ipsets
// rather than single addresses, so they do not grow with the number of Services:
c.node("node-1").proxy().rules().stream().
    filter(l -> l.startsWith("-A ") && l.contains("KUBE-CLUSTER-IP")).forEach(System.out::println);
paragraph(c.node("node-1").proxy().dump(), "Name: KUBE-CLUSTER-IP");

// ---- nftables mode: a verdict map finds the Service, numgen picks the endpoint ----
c = shop(ProxyMode.NFTABLES);
System.out.println("== nftables mode");
String ruleset = c.node("node-1").proxy().dump();
paragraph(ruleset, "\tmap service-ips ");
boolean inChain = false;
for (String line : ruleset.lines().toList()) {
  if (line.startsWith("\tchain ") || line.equals("}")) {
    inChain = line.contains("shop/web/");
  }
  if (inChain && !line.isEmpty()) {
    System.out.println(line);
  }
}
// One lookup in the service-ips map instead of a walk down a list of rules; then
// "numgen random mod 3" picks one of the three endpoint chains with equal chance.
System.out.print(c.node("node-1").proxy().trace(clientIp, vip, 80, Protocol.TCP));
System.out.println("nftables, 300 connections: " + spread(c, 300));
/exit

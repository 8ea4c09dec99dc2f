package io.kubenetsim.examples;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.DeploymentHandle;
import io.kubenetsim.KubeSim;
import io.kubenetsim.NodeHandle;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.core.kubectl.VerbHelp;
import io.kubenetsim.dns.DnsLookup;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.Protocol;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The tour: a short printed walk through why Kubernetes needs Services — pods get IPs from
 * their node's range, a replaced pod gets a new IP, a Service keeps one address while its
 * EndpointSlices follow the pods, kube-proxy spreads connections, a crashed container keeps its
 * pod and IP, a failed node's pods come back elsewhere with new IPs, NetworkPolicies cut and
 * restore a connection, and DNS gives Services and StatefulSet pods names, at the cost of the
 * search path for names outside the cluster. Deterministic: the same seed, node count and
 * proxy mode print the same
 * text every run; the last line says how to replay it and how to run it with another seed.
 *
 * <pre>{@code
 * new Tour(System.out).run();                              // seed 42, 3 nodes, IPVS
 * new Tour(System.out, 7, 4, ProxyMode.IPTABLES).run();
 * }</pre>
 */
public final class Tour {
  /** The seed of the reviewed tour, {@code golden/tour.txt}. */
  public static final long DEFAULT_SEED = 42;
  /** The nodes of the reviewed tour. */
  public static final int DEFAULT_NODES = 3;
  /** The fewest nodes the story works with: a failed node's pods need another node. */
  public static final int MIN_NODES = 2;

  /** What {@code tour --help} prints; its flags are the only ones the tour accepts. */
  public static final VerbHelp HELP = VerbHelp.of(
      "tour [--seed N] [--nodes N] [--proxy-mode ipvs|iptables|nftables]",
      "A printed walk through pods, IPs, Services, kube-proxy, a node failure, policies, DNS.",
      "The tour builds its own cluster and prints the same text for the same flags, byte for",
      "byte. The flags may come before or after the word tour; -f and the other cluster",
      "options are refused, since the tour would not use them.",
      "flags:",
      "  --seed N            the seed (default " + DEFAULT_SEED + "); another seed tells the "
          + "same story with",
      "                      other pod names, IPs and backend picks",
      "  --nodes N           how many nodes (default " + DEFAULT_NODES + ", at least "
          + MIN_NODES + ": a failed node's",
      "                      pods need another node to go to)",
      "  --proxy-mode MODE   kube-proxy's mode: ipvs (default), iptables or nftables",
      "examples:",
      "  java -jar kube-netsim.jar tour",
      "  java -jar kube-netsim.jar tour --seed 7 --proxy-mode iptables");

  private final PrintStream out;
  private final long seed;
  private final int nodes;
  private final ProxyMode mode;

  /** The reviewed tour: seed {@value #DEFAULT_SEED}, {@value #DEFAULT_NODES} nodes, IPVS. */
  public Tour(PrintStream out) {
    this(out, DEFAULT_SEED, DEFAULT_NODES, ProxyMode.IPVS);
  }

  /**
   * A tour with this seed, node count and kube-proxy mode.
   *
   * @throws IllegalArgumentException when {@code nodes} is below {@value #MIN_NODES}
   */
  public Tour(PrintStream out, long seed, int nodes, ProxyMode mode) {
    checkArgument(nodes >= MIN_NODES, "the tour needs at least %s nodes, so a failed node's "
        + "pods have another node to go to; got --nodes %s", MIN_NODES, nodes);
    this.out = out;
    this.seed = seed;
    this.nodes = nodes;
    this.mode = mode;
  }

  public static void main(String[] args) {
    new Tour(System.out).run();
  }

  public void run() {
    chapter("1. A cluster: " + (nodes == DEFAULT_NODES ? "three" : String.valueOf(nodes))
        + " nodes, each with its own pod range");
    Cluster c = KubeSim.cluster().nodes(nodes).seed(seed).proxyMode(mode).build();
    c.settle();
    show(c, "get nodes -o wide");
    for (NodeHandle node : c.nodes()) {
      say("%s hands out pod IPs from %s", node.name(), node.podCIDR().orElse("?"));
    }

    chapter("2. A Deployment: three pods, scheduled and given IPs");
    c.createNamespace("shop");
    DeploymentHandle web = c.deployment("shop/web").replicas(3).label("app", "web")
        .image("nginx:1.27").containerPort("http", 8080).create();
    c.settle();
    show(c, "get deployments -n shop");
    show(c, "get pods -n shop -o wide");

    chapter("3. Pod IPs are ephemeral: delete a pod and its replacement gets another IP");
    PodHandle victim = web.pods().get(0);
    String oldName = victim.name();
    String oldIp = victim.ip().orElse("?");
    victim.delete();
    c.runFor(Duration.ofSeconds(1));
    say("right after the delete, %s is %s (deletionTimestamp set, grace period 30s)", oldName,
        c.getPod("shop/" + oldName).get().metadata().isTerminating() ? "Terminating" : "gone");
    c.settle();
    PodHandle replacement = newest(web.pods());
    say("%s (%s) is gone; the ReplicaSet made %s with IP %s", oldName, oldIp,
        replacement.name(), replacement.ip().orElse("?"));
    say("anything that remembered %s now talks to nobody: this is why Services exist", oldIp);

    chapter("4. A Service: one stable address in front of the changing pods");
    ServiceHandle service = c.expose("shop/web").port(80).targetPort("http")
        .type(ServiceType.NODE_PORT).create();
    c.settle();
    show(c, "get svc -n shop");
    show(c, "get endpointslices -n shop");
    String clusterIP = service.clusterIP();
    List<HostPort> before = service.endpoints();
    web.pods().get(0).delete();
    c.runFor(Duration.ofSeconds(1));
    say("a pod is deleted: its endpoint is now terminating (ready=false), so traffic stops going"
        + " there; ready endpoints: %s", service.endpoints());
    c.settle();
    say("after the replacement is ready: %s", service.endpoints());
    say("the endpoints changed (%s before), but the Service kept %s and node port %d",
        before, service.clusterIP().equals(clusterIP) ? clusterIP : "a NEW address (bug!)",
        service.nodePort(80));

    chapter("5. Traffic: kube-proxy balances connections, and the load balancer's path");
    PodHandle client = c.pod("shop/client").label("app", "client").create();
    c.settle();
    List<String> picks = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      picks.add(client.connect(service, 80).backend().map(HostPort::toString).orElse("-"));
    }
    say("six connections from %s to %s:80 went to %s (%s)", client.name(),
        service.clusterIP(), picks, howKubeProxyPicks());
    ServiceHandle front = c.expose("shop/web").name("front").port(80).targetPort("http")
        .type(ServiceType.LOAD_BALANCER).create();
    c.settle();
    Connection outside = c.external("203.0.113.7").connect(front.loadBalancerIngress().get(0),
        80);
    out.print(outside.explain());

    chapter("6. A crash is not a replacement: same pod, same IP, restart count + 1");
    PodHandle crashing = web.pods().get(1);
    String ipBefore = crashing.ip().orElse("?");
    crashing.crash();
    c.runFor(Duration.ofMillis(1));
    say("%s just after the crash: ready=%s, restarts=%d", crashing.name(),
        crashing.isReady(), crashing.restartCount());
    c.settle();
    say("%s after the restart: ready=%s, restarts=%d, IP %s (was %s)", crashing.name(),
        crashing.isReady(), crashing.restartCount(), crashing.ip().orElse("?"), ipBefore);

    chapter("7. A node fails: its pods are evicted and recreated elsewhere");
    NodeHandle failing = c.node(crashing.node().orElseThrow());
    failing.fail();
    c.runFor(Duration.ofSeconds(60));
    say("after 60s %s reports Ready=%s (node-monitor grace period 50s)", failing.name(),
        failing.get().status().condition("Ready").map(r -> r.status().toString()).orElse("?"));
    c.runFor(Duration.ofMinutes(5));
    c.settle();
    show(c, "get pods -n shop -o wide");
    say("pods on %s stay Terminating until it returns or is removed; their replacements "
        + "run elsewhere with new IPs", failing.name());
    failing.remove();
    c.settle();
    show(c, "get pods -n shop -o wide");
    say("the Service still answers at %s; its endpoints are %s", service.clusterIP(),
        service.endpoints());

    chapter("8. NetworkPolicy: isolate the web pods, then let a client back in");
    PodHandle shopper = c.pod("shop/shopper").label("app", "client").create();
    c.networkPolicy("shop/web-isolated").podSelector("app", "web").create();
    c.settle();
    show(c, "get networkpolicies -n shop");
    Connection blocked = shopper.connect(service, 80);
    out.print(blocked.explain());
    say("the policy selects the web pods for ingress and allows nothing: %s sees a time-out, "
        + "and the check names the policy", shopper.name());
    c.networkPolicy("shop/web-from-client").podSelector("app", "web")
        .ingress(r -> r.fromPods("app", "client").port("http")).create();
    c.settle();
    Connection allowed = shopper.connect(service, 80);
    say("with a second policy allowing app=client on port http: %s, allowed by %s",
        allowed.verdict(), allowed.policy().flatMap(p -> p.allowedBy()).orElse("?"));
    say("policies add up, and they judge the backend pod (after kube-proxy's DNAT), never the "
        + "Service address; who may reach the web pods on 8080 now:");
    out.println(c.reachability(8080, Protocol.TCP, "shop"));

    chapter("9. DNS: names for Services, the search path, and per-pod names");
    say("every pod's resolv.conf points at the kube-dns Service; kubelet writes it:");
    out.println(indent(shopper.resolvConf().toString()));
    show(c, "nslookup --from shop/shopper web");
    say("the query was a UDP datagram to the kube-dns ClusterIP, DNATed by kube-proxy to a "
        + "CoreDNS pod; connecting by name puts that hop first:");
    out.print(shopper.connect("web", 80).explain());
    c.upstreamZone("internet").a("example.com", "93.184.216.34").create();
    DnsLookup external = shopper.lookup("example.com", RecordType.A);
    say("ndots:5 makes a name with fewer than five dots try the search list first: "
        + "example.com costs %d queries", external.tried().size());
    out.println(indent(external.toString()));
    say("with a trailing dot it is asked as written, once: %s",
        shopper.lookup("example.com.", RecordType.A).addresses());
    c.service("shop/db").selector("app", "db").port("pg", 5432, 5432).headless().create();
    c.statefulSet("shop/db").serviceName("db").replicas(2).label("app", "db")
        .containerPort("pg", 5432).create();
    c.settle();
    say("a headless Service answers with its ready pods, and a StatefulSet's pods get stable "
        + "names under it:");
    show(c, "nslookup --from shop/shopper db");
    say("db-0.db resolves to %s, the pod db-0 (%s)", shopper.resolve("db-0.db"),
        c.getPod("shop/db-0").ip().orElse("?"));

    chapter("The end");
    say("%d events in %s of virtual time; the same seed replays them byte for byte "
        + "(digest %s)", c.events().size(),
        c.elapsed().toString().substring(2).toLowerCase(Locale.ROOT),
        c.events().digest().substring(0, 12));
    say("replay it: %s; or tell it with other names, IPs and picks: %s", command(seed),
        command(seed + 1));
  }

  /** {@return the command line that prints this tour with {@code tourSeed}} */
  private String command(long tourSeed) {
    return "java -jar kube-netsim.jar tour --seed " + tourSeed
        + (nodes == DEFAULT_NODES ? "" : " --nodes " + nodes)
        + (mode == ProxyMode.IPVS ? "" : " --proxy-mode "
            + mode.name().toLowerCase(Locale.ROOT));
  }

  private String howKubeProxyPicks() {
    return switch (mode) {
      case IPVS -> "IPVS round robin";
      case IPTABLES -> "iptables: each new connection draws a backend by the statistic "
          + "module's probabilities";
      case NFTABLES -> "nftables: each new connection draws a backend with numgen random";
    };
  }

  private static PodHandle newest(List<PodHandle> pods) {
    return pods.stream().max((a, b) -> a.get().metadata().creationTimestamp().orElseThrow()
        .compareTo(b.get().metadata().creationTimestamp().orElseThrow())).orElseThrow();
  }

  private static String indent(String text) {
    return text.lines().map(l -> "   " + l).collect(Collectors.joining("\n"));
  }

  private void chapter(String title) {
    out.println();
    out.println("== " + title);
  }

  private void show(Cluster c, String command) {
    out.println("$ kubectl " + command);
    out.print(c.kubectl(command));
  }

  private void say(String format, Object... args) {
    out.println("-- " + String.format(format, args));
  }
}

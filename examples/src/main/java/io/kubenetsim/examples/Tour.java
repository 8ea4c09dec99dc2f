package io.kubenetsim.examples;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.DeploymentHandle;
import io.kubenetsim.KubeSim;
import io.kubenetsim.NodeHandle;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.net.HostPort;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * The tour: a short printed walk through why Kubernetes needs Services — pods get IPs from
 * their node's range, a replaced pod gets a new IP, a Service keeps one address while its
 * EndpointSlices follow the pods, a crashed container keeps its pod and IP, and a failed
 * node's pods come back elsewhere with new IPs. Deterministic: the same output every run.
 */
public final class Tour {
  private final PrintStream out;

  public Tour(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    new Tour(System.out).run();
  }

  public void run() {
    chapter("1. A cluster: three nodes, each with its own pod range");
    Cluster c = KubeSim.cluster().nodes(3).seed(42).build();
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
    say("six connections from %s to %s:80 went to %s (IPVS round robin)", client.name(),
        service.clusterIP(), picks);
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

    chapter("The end");
    say("%d events in %s of virtual time; the same seed replays them byte for byte "
        + "(digest %s)", c.events().size(),
        c.elapsed().toString().substring(2).toLowerCase(java.util.Locale.ROOT),
        c.events().digest().substring(0, 12));
  }

  private static PodHandle newest(List<PodHandle> pods) {
    return pods.stream().max((a, b) -> a.get().metadata().creationTimestamp().orElseThrow()
        .compareTo(b.get().metadata().creationTimestamp().orElseThrow())).orElseThrow();
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

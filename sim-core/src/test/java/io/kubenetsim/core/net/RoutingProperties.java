package io.kubenetsim.core.net;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.DeploymentBuilder;
import io.kubenetsim.DeploymentHandle;
import io.kubenetsim.KubeSim;
import io.kubenetsim.NodeHandle;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.ServiceBuilder;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PacketTrace;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.RuleOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random small clusters (2–3 nodes, 1–2 Deployments with 0–5 replicas and random labels and
 * ports, 1–3 Services with random selectors and numeric or named target ports) under random pod
 * deletions, crashes and scaling, settled after each step. Checked after every step, in each
 * proxy mode: a client pod's connection to a ClusterIP with a ready endpoint is ESTABLISHED, to
 * a Ready pod the selector matches, on the target port resolved for that pod; every node's rules
 * allow exactly the Service's ready endpoints. And the three modes, built from the same seed and
 * run through the same actions, allow the same backend set on every node.
 *
 * <p>A failure names the seed, the setup, the actions done and the connection's explain().
 */
class RoutingProperties {

  /** Container port sets; all listen on 8080 so a numeric target 8080 always answers. */
  private static final List<List<ContainerPort>> PORT_SETS = List.of(
      List.of(ContainerPort.of("http", 8080)),
      List.of(ContainerPort.of("http", 8080), ContainerPort.of("metrics", 9090)),
      List.of(ContainerPort.of(8080), ContainerPort.of("metrics", 9091)),
      List.of(ContainerPort.of("web", 8080)));

  private static final List<Map<String, String>> SELECTORS = List.of(
      Map.of("app", "a"), Map.of("app", "b"), Map.of("tier", "x"),
      Map.of("app", "a", "tier", "y"), Map.of("app", "nothing"));

  private static final List<IntOrString> TARGETS = List.of(
      IntOrString.of(8080), IntOrString.of("http"), IntOrString.of("metrics"));

  record Workload(int replicas, int app, int tier, int ports) {}

  record Svc(int selector, int target) {}

  record Setup(long seed, int nodes, List<Workload> workloads, List<Svc> services) {}

  enum Kind { DELETE_POD, CRASH_POD, SCALE }

  record Action(Kind kind, int pick, int amount) {
    @Override
    public String toString() {
      return kind + "(" + pick + "," + amount + ")";
    }
  }

  @Provide
  Arbitrary<Setup> setups() {
    Arbitrary<Workload> workload = Combinators.combine(Arbitraries.integers().between(0, 5),
        Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 1),
        Arbitraries.integers().between(0, PORT_SETS.size() - 1)).as(Workload::new);
    Arbitrary<Svc> svc = Combinators.combine(
        Arbitraries.integers().between(0, SELECTORS.size() - 1),
        Arbitraries.integers().between(0, TARGETS.size() - 1)).as(Svc::new);
    return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(2, 3),
        workload.list().ofMinSize(1).ofMaxSize(2), svc.list().ofMinSize(1).ofMaxSize(3))
        .as(Setup::new);
  }

  @Provide
  Arbitrary<List<Action>> actions() {
    return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 99),
        Arbitraries.integers().between(0, 5)).as(Action::new).list().ofMaxSize(6);
  }

  @Property(tries = 60)
  void connectionsReachMatchingReadyPodsAndAllModesAllowTheSameBackends(
      @ForAll("setups") Setup setup, @ForAll("actions") List<Action> actions) {
    Map<ProxyMode, Cluster> clusters = new TreeMap<>();
    for (ProxyMode mode : ProxyMode.values()) {
      clusters.put(mode, build(setup, mode));
    }
    List<String> done = new ArrayList<>();
    check(clusters, setup, done);
    for (Action action : actions) {
      String did = null;
      for (Cluster c : clusters.values()) {
        did = apply(c, action);
        c.settle();
      }
      done.add(did);
      check(clusters, setup, done);
    }
  }

  // ---- building and driving ----

  private static Cluster build(Setup setup, ProxyMode mode) {
    Cluster c = KubeSim.cluster().nodes(setup.nodes()).seed(setup.seed()).proxyMode(mode)
        .build();
    c.createNamespace("ns");
    for (int i = 0; i < setup.workloads().size(); i++) {
      Workload w = setup.workloads().get(i);
      DeploymentBuilder d = c.deployment("ns/d-" + i).replicas(w.replicas())
          .label("d", "d-" + i).label("app", w.app() == 0 ? "a" : "b")
          .label("tier", w.tier() == 0 ? "x" : "y");
      PORT_SETS.get(w.ports()).forEach(p -> d.containerPort(p.name(), p.containerPort(),
          Protocol.TCP));
      d.create();
    }
    for (int i = 0; i < setup.services().size(); i++) {
      Svc s = setup.services().get(i);
      ServiceBuilder b = c.service("ns/s-" + i);
      SELECTORS.get(s.selector()).forEach(b::selector);
      b.port(new ServicePort("p", Protocol.TCP, "", 80, TARGETS.get(s.target()), 0)).create();
    }
    c.pod("ns/client").label("role", "client").containerPort(9000).create();
    c.settle();
    return c;
  }

  private static List<PodHandle> workloadPods(Cluster c) {
    return c.deployments("ns").stream().flatMap(d -> d.pods().stream())
        .filter(p -> !p.get().metadata().isTerminating()).toList();
  }

  private static String apply(Cluster c, Action a) {
    switch (a.kind()) {
      case DELETE_POD -> {
        List<PodHandle> pods = workloadPods(c);
        if (pods.isEmpty()) {
          return a + " skipped: no pod";
        }
        PodHandle p = pods.get(a.pick() % pods.size());
        p.delete();
        return a + " deleted " + p.ref();
      }
      case CRASH_POD -> {
        List<PodHandle> pods = workloadPods(c).stream().filter(p -> p.node().isPresent())
            .toList();
        if (pods.isEmpty()) {
          return a + " skipped: no pod on a node";
        }
        PodHandle p = pods.get(a.pick() % pods.size());
        p.crash();
        return a + " crashed " + p.ref();
      }
      case SCALE -> {
        List<DeploymentHandle> ds = c.deployments("ns");
        DeploymentHandle d = ds.get(a.pick() % ds.size());
        d.scale(a.amount());
        return a + " scaled " + d.ref() + " to " + a.amount();
      }
      default -> throw new AssertionError(a);
    }
  }

  // ---- the invariants ----

  /** The port a Service's targetPort resolves to on this pod, if the pod has it. */
  private static Optional<Integer> resolve(IntOrString target, Pod pod) {
    if (target.isInt()) {
      return target.intValue();
    }
    return pod.spec().allPorts().stream()
        .filter(p -> p.name().equals(target.stringValue().orElseThrow()))
        .map(ContainerPort::containerPort).findFirst();
  }

  /**
   * The naive reference: every Ready, non-terminating pod whose labels match the selector and
   * that has the target port, as {@code podIP:resolvedPort}, sorted.
   */
  private static List<HostPort> expectedBackends(Cluster c, Map<String, String> selector,
      IntOrString target) {
    return c.pods("ns", "").stream().map(PodHandle::get)
        .filter(p -> p.isReady() && !p.metadata().isTerminating() && p.ip().isPresent())
        .filter(p -> selector.entrySet().stream().allMatch(e -> p.metadata().labels()
            .get(e.getKey()).equals(Optional.of(e.getValue()))))
        .flatMap(p -> resolve(target, p)
            .map(port -> HostPort.of(IpAddress.parse(p.ip().orElseThrow()), port)).stream())
        .sorted(HostPort.BY_TEXT).toList();
  }

  private static void check(Map<ProxyMode, Cluster> clusters, Setup setup, List<String> done) {
    String replay = "\nseed " + setup.seed() + ", " + setup + "\nactions:\n  "
        + String.join("\n  ", done);
    Map<String, Map<ProxyMode, String>> allowed = new TreeMap<>();
    for (Map.Entry<ProxyMode, Cluster> entry : clusters.entrySet()) {
      ProxyMode mode = entry.getKey();
      Cluster c = entry.getValue();
      PodHandle client = c.getPod("ns/client");
      String clientIp = client.ip().orElseThrow();
      for (int i = 0; i < setup.services().size(); i++) {
        ServiceHandle service = c.getService("ns/s-" + i);
        Map<String, String> selector = SELECTORS.get(setup.services().get(i).selector());
        IntOrString target = TARGETS.get(setup.services().get(i).target());
        List<HostPort> ready = expectedBackends(c, selector, target);
        for (NodeHandle node : c.nodes()) {
          PacketTrace t = node.proxy().trace(clientIp, service.clusterIP(), 80, Protocol.TCP);
          Set<HostPort> candidates = new TreeSet<>(HostPort.BY_TEXT);
          candidates.addAll(t.candidates());
          allowed.computeIfAbsent(service.ref() + " on " + node.name(), k -> new TreeMap<>())
              .put(mode, t.outcome() + " " + candidates);
          if (!ready.isEmpty() && !candidates.equals(Set.copyOf(ready))) {
            throw new AssertionError(mode + ": " + node.name() + " allows " + candidates
                + " for " + service.ref() + ", ready matching pods offer " + ready + "\n"
                + t.explain() + replay);
          }
          if (ready.isEmpty() && t.outcome() != RuleOutcome.REJECT) {
            throw new AssertionError(mode + ": no ready matching pod with the port, yet "
                + node.name() + " does not reject " + service.ref() + "\n" + t.explain()
                + replay);
          }
        }
        if (ready.isEmpty()) {
          continue;
        }
        for (int k = 0; k < 4; k++) {
          Connection conn = client.connect(service, 80);
          String why = mode + ": " + client.ref() + " -> " + service.ref() + " " + selector
              + " -> " + target + "\n" + conn.explain() + replay;
          if (conn.verdict() != ConnectionVerdict.ESTABLISHED) {
            throw new AssertionError("not established: " + why);
          }
          Pod pod = c.getPod(conn.backendPod().orElseThrow(() -> new AssertionError(
              "no backend pod: " + why))).get();
          if (!pod.isReady()) {
            throw new AssertionError("backend pod is not Ready: " + why);
          }
          selector.forEach((key, value) -> {
            if (!pod.metadata().labels().get(key).equals(Optional.of(value))) {
              throw new AssertionError("backend labels " + pod.metadata().labels()
                  + " do not match the selector: " + why);
            }
          });
          HostPort expected = HostPort.of(IpAddress.parse(pod.ip().orElseThrow()),
              resolve(target, pod).orElseThrow(() -> new AssertionError("backend has no port "
                  + target + ": " + why)));
          if (!conn.backend().orElseThrow().equals(expected)) {
            throw new AssertionError("backend " + conn.backend().orElseThrow() + ", expected "
                + expected + ": " + why);
          }
        }
      }
    }
    allowed.forEach((where, byMode) -> {
      if (new TreeSet<>(byMode.values()).size() != 1) {
        throw new AssertionError("proxy modes disagree on " + where + ": " + byMode + replay);
      }
    });
  }
}

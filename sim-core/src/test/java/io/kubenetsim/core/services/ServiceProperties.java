package io.kubenetsim.core.services;

import io.kubenetsim.Cluster;
import io.kubenetsim.DeploymentBuilder;
import io.kubenetsim.DeploymentHandle;
import io.kubenetsim.KubeSim;
import io.kubenetsim.ServiceBuilder;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.core.ServiceInternals;
import io.kubenetsim.core.WorkloadActions;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random small clusters and chains of actions on workloads and Services (create, scale and
 * delete Deployments with random labels and ports; create and delete Services with random
 * selectors, types and target ports by number or by name; delete and crash pods; fail and
 * recover nodes), with the Service invariants checked after every settled action:
 *
 * <ul>
 *   <li>every selector-based Service's ready endpoints, read from its slices, are exactly
 *       {@code ip:resolvedPort} of the ready, non-terminating pods of its namespace that match
 *       the selector and expose the target port (a numeric targetPort needs no declared
 *       container port, as upstream), each listed once;
 *   <li>no two Services share a ClusterIP, and no two share a NodePort;
 *   <li>the allocators count exactly the addresses and ports Services hold (nothing leaks);
 *   <li>no slice holds more than {@code maxEndpointsPerSlice} endpoints.
 * </ul>
 *
 * <p>A failure names the seed, the setup, the actions so far and the tail of the event log.
 */
class ServiceProperties {

  enum Kind {
    CREATE_DEPLOYMENT, SCALE, DELETE_DEPLOYMENT, CREATE_SERVICE, CHANGE_SERVICE_TYPE,
    DELETE_SERVICE, DELETE_POD, CRASH_POD, FAIL_NODE, RECOVER_NODE
  }

  /** One action; {@code a}, {@code b}, {@code c} pick targets, labels, ports and amounts. */
  record Action(Kind kind, int a, int b, int c) {
    @Override
    public String toString() {
      return kind + "(" + a + "," + b + "," + c + ")";
    }
  }

  /** The starting cluster. */
  record Setup(long seed, int nodes, int maxPerSlice, int informerLagMillis) {}

  @Provide
  Arbitrary<Setup> setups() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(2, 3),
        Arbitraries.of(2, 3, 100), Arbitraries.of(0, 100, 1500)).as(Setup::new);
  }

  @Provide
  Arbitrary<List<Action>> actions() {
    // A few Deployments and Services first, so that most chains exercise real endpoints;
    // then any actions, workload churn weighted up.
    Arbitrary<Integer> pick = Arbitraries.integers().between(0, 99);
    Arbitrary<Action> deployment = Combinators.combine(Arbitraries.just(Kind.CREATE_DEPLOYMENT),
        pick, pick, pick).as(Action::new);
    Arbitrary<Action> service = Combinators.combine(Arbitraries.just(Kind.CREATE_SERVICE),
        pick, pick, pick).as(Action::new);
    Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.CREATE_DEPLOYMENT)),
        net.jqwik.api.Tuple.of(3, Arbitraries.just(Kind.SCALE)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.DELETE_DEPLOYMENT)),
        net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.CREATE_SERVICE)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.CHANGE_SERVICE_TYPE)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.DELETE_SERVICE)),
        net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.DELETE_POD)),
        net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.CRASH_POD)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.FAIL_NODE)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.RECOVER_NODE)));
    Arbitrary<Action> any = Combinators.combine(kinds, pick, pick, pick).as(Action::new);
    return Combinators.combine(deployment.list().ofMinSize(2).ofMaxSize(4),
        service.list().ofMinSize(2).ofMaxSize(4), any.list().ofMaxSize(10)).as((d, s, a) -> {
          List<Action> all = new ArrayList<>(d);
          all.addAll(s);
          all.addAll(a);
          return all;
        });
  }

  @Property(tries = 250)
  void serviceInvariantsHoldAfterEverySettledAction(
      @ForAll("setups") Setup setup, @ForAll("actions") List<Action> actions) {
    Cluster c = run(setup, actions);
    // Coverage, printed by jqwik: how often a chain ends with a Service that has endpoints.
    boolean served = NAMESPACES.stream().flatMap(ns -> c.services(ns).stream())
        .anyMatch(s -> !s.endpoints().isEmpty());
    Statistics.label("ends with a Service that has endpoints").collect(served);
  }

  // ---- the run ----

  private static final List<String> NAMESPACES = List.of("ns-0", "ns-1");

  /** Container port sets a Deployment may declare. */
  private static final List<List<ContainerPort>> PORT_SETS = List.of(
      List.of(new ContainerPort("http", 8080, Protocol.TCP, 0)),
      List.of(new ContainerPort("http", 9090, Protocol.TCP, 0)),
      List.of(new ContainerPort("web", 8081, Protocol.TCP, 0)),
      List.of(new ContainerPort("http", 8080, Protocol.TCP, 0),
          new ContainerPort("web", 8081, Protocol.TCP, 0)),
      List.of());

  /** Service selectors over the app and tier labels. */
  private static final List<Map<String, String>> SELECTORS = List.of(Map.of("app", "a"),
      Map.of("app", "b"), Map.of("tier", "x"), Map.of("app", "a", "tier", "y"));

  /** Target ports: by number, or by container port name. */
  private static final List<IntOrString> TARGETS = List.of(IntOrString.of(8080),
      IntOrString.of("http"), IntOrString.of("web"), IntOrString.of(9090));

  static Cluster run(Setup setup, List<Action> actions) {
    Cluster c = KubeSim.cluster().nodes(setup.nodes()).seed(setup.seed())
        .maxEndpointsPerSlice(setup.maxPerSlice())
        .informerLag(Duration.ofMillis(setup.informerLagMillis())).build();
    NAMESPACES.forEach(c::createNamespace);
    Driver driver = new Driver(c);
    WorkloadActions.settleAndCheckEach(c, actions, driver::apply, done -> check(c, setup, done));
    return c;
  }

  /**
   * Interprets actions: Deployments with labels and ports, and Services, are this test's own;
   * the shared churn and faults go to {@link WorkloadActions}.
   */
  private static final class Driver {
    private final Cluster c;
    private final WorkloadActions shared;

    Driver(Cluster c) {
      this.c = c;
      this.shared = new WorkloadActions(c);
    }

    private List<DeploymentHandle> deployments() {
      return NAMESPACES.stream().flatMap(ns -> c.deployments(ns).stream()).toList();
    }

    private List<ServiceHandle> services() {
      return NAMESPACES.stream().flatMap(ns -> c.services(ns).stream()).toList();
    }

    /** {@return what was done, for the failure report} */
    String apply(Action x) {
      return switch (x.kind()) {
        case CREATE_DEPLOYMENT -> createDeployment(x);
        case SCALE -> shared.scale(x, deployments(), x.a(), x.b() % 7);
        case DELETE_DEPLOYMENT -> shared.deleteDeployment(x, deployments(), x.a());
        case CREATE_SERVICE -> createService(x);
        case CHANGE_SERVICE_TYPE -> changeServiceType(x);
        case DELETE_SERVICE -> WorkloadActions.pick(services(), x.a()).map(s -> {
          s.delete();
          return x + " deleted " + s.ref();
        }).orElse(x + " skipped: no Service");
        case DELETE_POD -> shared.deletePod(x, x.a());
        case CRASH_POD -> shared.crashPod(x, x.a());
        case FAIL_NODE -> shared.failNode(x, x.a());
        case RECOVER_NODE -> shared.recoverNode(x, x.a());
      };
    }

    /** Creates a Deployment with app and tier labels and one of {@code PORT_SETS}. */
    private String createDeployment(Action x) {
      String name = NAMESPACES.get(x.a() % 2) + "/d-" + (x.a() / 2) % 3;
      if (deployments().stream().anyMatch(d -> d.ref().key().toString().equals(name))) {
        return x + " skipped: " + name + " exists";
      }
      String app = x.b() % 2 == 0 ? "a" : "b";
      String tier = (x.b() / 2) % 2 == 0 ? "x" : "y";
      List<ContainerPort> ports = PORT_SETS.get(x.c() % PORT_SETS.size());
      int replicas = 1 + (x.c() / 5) % 5;
      DeploymentBuilder d = c.deployment(name).replicas(replicas)
          .label("d", name.substring(name.indexOf('/') + 1)).label("app", app)
          .label("tier", tier);
      ports.forEach(p -> d.containerPort(p.name(), p.containerPort(), p.protocol()));
      d.create();
      return x + " created " + name + " app=" + app + " tier=" + tier + " ports " + ports
          + " x" + replicas;
    }

    /** Creates a Service of any type over one of {@code SELECTORS} and {@code TARGETS}. */
    private String createService(Action x) {
      String name = NAMESPACES.get(x.a() % 2) + "/s-" + (x.a() / 2) % 4;
      if (services().stream().anyMatch(s -> s.ref().key().toString().equals(name))) {
        return x + " skipped: " + name + " exists";
      }
      Map<String, String> selector = SELECTORS.get(x.b() % SELECTORS.size());
      IntOrString target = TARGETS.get(x.c() % TARGETS.size());
      ServiceBuilder s = c.service(name);
      selector.forEach(s::selector);
      s.port(new ServicePort("p", Protocol.TCP, "", 80, target, 0));
      String type = switch ((x.c() / 4) % 4) {
        case 0 -> "ClusterIP";
        case 1 -> "NodePort";
        case 2 -> "LoadBalancer";
        default -> "headless";
      };
      switch (type) {
        case "NodePort" -> s.type(ServiceType.NODE_PORT);
        case "LoadBalancer" -> s.type(ServiceType.LOAD_BALANCER);
        case "headless" -> s.headless();
        default -> { }
      }
      s.create();
      return x + " created " + type + " " + name + " " + selector + " -> " + target;
    }

    /**
     * Changes the type of a Service that has a cluster IP, re-applied as a user's manifest would
     * say it: no nodePort for a ClusterIP one.
     */
    private String changeServiceType(Action x) {
      List<ServiceHandle> withIp = services().stream()
          .filter(h -> !h.get().spec().isHeadless()).toList();
      return WorkloadActions.pick(withIp, x.a()).map(h -> {
        String type = List.of("ClusterIP", "NodePort", "LoadBalancer").get(x.b() % 3);
        Service stored = h.get();
        c.apply(stored.withSpec(stored.spec().with(b -> {
          b.type = type;
          if (type.equals("ClusterIP")) {
            b.externalTrafficPolicy = "";
            b.allocateLoadBalancerNodePorts = Optional.empty();
            b.ports = b.ports.stream().map(p -> p.withNodePort(0)).toList();
          }
          return b;
        })));
        return x + " changed " + h.ref() + " from " + stored.spec().type() + " to " + type;
      }).orElse(x + " skipped: no Service with a cluster IP");
    }
  }

  // ---- the invariants ----

  private static void check(Cluster c, Setup setup, List<String> done) {
    List<String> problems = new ArrayList<>();
    List<Service> services = c.list(Service.class);
    List<EndpointSlice> slices = c.list(EndpointSlice.class);
    List<Pod> pods = c.list(Pod.class);

    Map<String, String> ipOwner = new HashMap<>();
    Map<Integer, String> portOwner = new HashMap<>();
    Set<Integer> heldPorts = new TreeSet<>();
    int heldIps = 0;
    for (Service s : services) {
      String who = s.metadata().key().toString();
      for (String ip : s.spec().clusterIPs()) {
        if (ip.isEmpty() || ip.equals("None")) {
          continue;
        }
        heldIps++;
        String other = ipOwner.put(ip, who);
        if (other != null) {
          problems.add(who + " and " + other + " share ClusterIP " + ip);
        }
      }
      Set<Integer> own = new TreeSet<>();
      s.spec().ports().stream().map(ServicePort::nodePort).filter(p -> p != 0)
          .forEach(own::add);
      for (int port : own) {
        heldPorts.add(port);
        String other = portOwner.put(port, who);
        if (other != null) {
          problems.add(who + " and " + other + " share NodePort " + port);
        }
      }
    }
    if (heldIps != ServiceInternals.clusterIpCount(c)) {
      problems.add("Services hold " + heldIps + " ClusterIPs, the allocator counts "
          + ServiceInternals.clusterIpCount(c));
    }
    if (heldPorts.size() != ServiceInternals.nodePortCount(c)) {
      problems.add("Services hold " + heldPorts.size() + " NodePorts, the allocator counts "
          + ServiceInternals.nodePortCount(c));
    }

    for (EndpointSlice slice : slices) {
      if (slice.endpoints().size() > setup.maxPerSlice()) {
        problems.add(slice.metadata().key() + " holds " + slice.endpoints().size()
            + " endpoints, more than " + setup.maxPerSlice());
      }
    }

    for (Service s : services) {
      if (!s.spec().hasSelector() || s.spec().type().equals("ExternalName")) {
        continue;
      }
      String ns = s.metadata().namespace();
      List<String> actual = new ArrayList<>();
      for (EndpointSlice slice : slices) {
        if (!slice.metadata().namespace().equals(ns)
            || !slice.serviceName().equals(s.metadata().name())) {
          continue;
        }
        for (Endpoint e : slice.endpoints()) {
          if (e.conditions().isReady()) {
            for (EndpointPort port : slice.ports()) {
              actual.add(e.addresses().get(0) + ":" + port.port().orElseThrow());
            }
          }
        }
      }
      actual.sort(null);
      List<String> expected = expectedEndpoints(s, pods);
      if (!expected.equals(actual)) {
        problems.add(s.metadata().key() + " " + s.spec().selector() + " -> "
            + s.spec().ports().get(0).targetPort() + ": slices list " + actual + ", ready "
            + "matching pods are " + expected);
      }
    }

    if (!problems.isEmpty()) {
      throw new AssertionError("Service invariants broken after settle():\n  "
          + String.join("\n  ", problems) + WorkloadActions.replay(setup.seed(), setup, done)
          + ServiceInternals.context(c, 60));
    }
  }

  /** The naive reference: ready, non-terminating matching pods, by their resolved port. */
  private static List<String> expectedEndpoints(Service s, List<Pod> pods) {
    LabelSelector selector = LabelSelector.matchLabels(s.spec().selector());
    List<String> out = new ArrayList<>();
    for (Pod pod : pods) {
      if (!pod.metadata().namespace().equals(s.metadata().namespace())
          || !selector.matches(pod.metadata().labels()) || !pod.isReady()
          || pod.metadata().isTerminating() || pod.ip().isEmpty()) {
        continue;
      }
      for (ServicePort port : s.spec().ports()) {
        Optional<Integer> number = port.targetPort().isInt() ? port.targetPort().intValue()
            : pod.spec().allPorts().stream()
                .filter(p -> p.name().equals(port.targetPort().stringValue().orElseThrow())
                    && p.protocol() == port.protocol())
                .map(ContainerPort::containerPort).findFirst();
        number.ifPresent(n -> out.add(pod.ip().orElseThrow() + ":" + n));
      }
    }
    out.sort(null);
    return out;
  }
}

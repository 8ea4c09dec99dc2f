package io.kubenetsim.core;

import io.kubenetsim.Cluster;
import io.kubenetsim.DeploymentHandle;
import io.kubenetsim.KubeSim;
import io.kubenetsim.core.controllers.PodTemplateHash;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.ReplicaSet;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random chains of user actions and faults against a small cluster, with the networking and
 * workload invariants checked after every action once the cluster has settled.
 *
 * <p>A failure names the cluster seed, the setup, the actions run so far and the tail of the
 * event log, so it can be replayed with {@link #run} directly.
 */
class ClusterProperties {

  /** What a user or a fault does; the two numbers pick targets and amounts. */
  enum Kind {
    CREATE_DEPLOYMENT, DELETE_DEPLOYMENT, SCALE, DELETE_POD, CRASH_POD, FAIL_NODE, RECOVER_NODE,
    REMOVE_NODE, ADD_NODE, RUN_FOR, RESTART
  }

  /** One action; {@code pick} chooses a target among the candidates, {@code amount} a size. */
  record Action(Kind kind, int pick, int amount) {
    @Override
    public String toString() {
      return kind + "(" + pick + "," + amount + ")";
    }
  }

  /** The starting cluster; {@code informerLagMillis} varies how stale the controllers are. */
  record Setup(long seed, int nodes, int namespaces, int deployments, int informerLagMillis) {}

  @Provide
  Arbitrary<Setup> setups() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(2, 4),
        Arbitraries.integers().between(1, 2), Arbitraries.integers().between(1, 3),
        Arbitraries.of(0, 100, 1500)).as(Setup::new);
  }

  @Provide
  Arbitrary<List<Action>> actions() {
    Arbitrary<Action> action = Combinators.combine(Arbitraries.of(Kind.class),
        Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 999))
        .as(Action::new);
    return action.list().ofMaxSize(25);
  }

  /**
   * After every action and settle(): pods have unique IPs from their node's podCIDR, no pod is
   * bound to a deleted node, no ReplicaSet runs more pods than it wants, status counts are
   * true, and — when some node is Ready — every Deployment has exactly its replicas Ready on
   * Ready nodes, all from the ReplicaSet of its current template.
   */
  @Property(tries = 400)
  void invariantsHoldAfterEverySettledAction(
      @ForAll("setups") Setup setup, @ForAll("actions") List<Action> actions) {
    run(setup, actions);
  }

  /** The same seed and actions give the same event log, whatever the actions are. */
  @Property(tries = 40)
  void theSameChainRunTwiceGivesTheSameEventLog(
      @ForAll("setups") Setup setup, @ForAll("actions") List<Action> actions) {
    String first = run(setup, actions).events().toString();
    String second = run(setup, actions).events().toString();
    if (!first.equals(second)) {
      throw new AssertionError("two runs of " + setup + " " + actions + " differ:\n" + first
          + "\n---\n" + second);
    }
  }

  // ---- the run ----

  /** Runs one chain, checking the invariants after setup and after every action. */
  static Cluster run(Setup setup, List<Action> actions) {
    Cluster c = KubeSim.cluster().nodes(setup.nodes()).seed(setup.seed())
        .informerLag(Duration.ofMillis(setup.informerLagMillis())).build();
    Driver driver = new Driver(c, setup);
    for (int ns = 0; ns < setup.namespaces(); ns++) {
      c.createNamespace("ns-" + ns);
    }
    for (int d = 0; d < setup.deployments(); d++) { // spread over the namespaces
      driver.create(3 * (d % setup.namespaces()) + d / setup.namespaces(), 2);
    }
    WorkloadActions.settleAndCheckEach(c, actions, driver::apply, done -> check(c, setup, done));
    return c;
  }

  /**
   * Interprets actions against the cluster's current state: the shared churn and faults go to
   * {@link WorkloadActions}; Deployment slots, new nodes and restarts are this test's own.
   */
  private static final class Driver {
    private final Cluster c;
    private final WorkloadActions shared;
    private final List<String> slots = new ArrayList<>();
    private int nextNode;

    Driver(Cluster c, Setup setup) {
      this.c = c;
      this.shared = new WorkloadActions(c);
      this.nextNode = setup.nodes() + 1;
      for (int ns = 0; ns < setup.namespaces(); ns++) {
        for (int d = 0; d < 3; d++) {
          slots.add("ns-" + ns + "/app-" + d);
        }
      }
    }

    void create(int slot, int replicas) {
      String name = slots.get(slot % slots.size());
      c.deployment(name).replicas(replicas).label("app", name.substring(name.indexOf('/') + 1))
          .create();
    }

    private List<DeploymentHandle> deployments() {
      List<DeploymentHandle> all = new ArrayList<>();
      for (String slot : slots) {
        String namespace = slot.substring(0, slot.indexOf('/'));
        c.deployments(namespace).stream()
            .filter(d -> d.ref().key().toString().equals(slot)).forEach(all::add);
      }
      return all;
    }

    /** {@return what was done, for the failure report} */
    String apply(Action a) {
      return switch (a.kind()) {
        case CREATE_DEPLOYMENT -> createDeployment(a);
        case DELETE_DEPLOYMENT -> shared.deleteDeployment(a, deployments(), a.pick());
        case SCALE -> shared.scale(a, deployments(), a.pick(), a.amount() % 9);
        case DELETE_POD -> shared.deletePod(a, a.pick());
        case CRASH_POD -> shared.crashPod(a, a.pick());
        case FAIL_NODE -> shared.failNode(a, a.pick());
        case RECOVER_NODE -> shared.recoverNode(a, a.pick());
        case REMOVE_NODE -> shared.removeNode(a, a.pick());
        case ADD_NODE -> {
          String name = "node-" + nextNode++;
          c.addNode(name);
          yield a + " added " + name;
        }
        case RUN_FOR -> {
          Duration d = Duration.ofSeconds(1 + a.amount() % 120);
          c.runFor(d);
          yield a + " ran for " + d;
        }
        case RESTART -> restart(a);
      };
    }

    private String createDeployment(Action a) {
      String name = slots.get(a.pick() % slots.size());
      if (deployments().stream().anyMatch(d -> d.ref().key().toString().equals(name))) {
        return a + " skipped: " + name + " exists";
      }
      create(a.pick(), a.amount() % 9);
      return a + " created " + name + " with " + a.amount() % 9 + " replicas";
    }

    /** Restarts a Deployment; for an even amount, scales it again mid-rollout. */
    private String restart(Action a) {
      return WorkloadActions.pick(deployments(), a.pick()).map(d -> {
        d.restart();
        if (a.amount() % 2 == 0) {
          c.runFor(Duration.ofMillis(a.amount() * 10L));
          d.scale(a.amount() % 9);
        }
        return a + " restarted " + d.ref() + (a.amount() % 2 == 0 ? " then scaled to "
            + a.amount() % 9 + " after " + a.amount() * 10 + "ms" : "");
      }).orElse(a + " skipped: no Deployment");
    }
  }

  // ---- the invariants ----

  private static void check(Cluster c, Setup setup, List<String> done) {
    List<String> problems = new ArrayList<>();
    Map<String, Node> nodes = c.list(Node.class).stream()
        .collect(Collectors.toMap(n -> n.metadata().name(), n -> n));
    List<Pod> pods = c.list(Pod.class);

    Map<String, String> ipOwner = new HashMap<>();
    for (Pod pod : pods) {
      String nodeName = pod.spec().nodeName();
      if (!nodeName.isEmpty() && !nodes.containsKey(nodeName)) {
        problems.add(pod.metadata().key() + " is bound to " + nodeName + ", which is gone");
      }
      if (pod.spec().hostNetwork() || pod.status().podIP().isEmpty()) {
        continue;
      }
      String other = ipOwner.put(pod.status().podIP(), pod.metadata().key().toString());
      if (other != null) {
        problems.add(pod.metadata().key() + " and " + other + " share IP " + pod.status().podIP());
      }
      Node node = nodes.get(nodeName);
      if (node != null && !node.spec().podCIDR().isEmpty() && !Cidr.parse(node.spec().podCIDR())
          .contains(IpAddress.parse(pod.status().podIP()))) {
        problems.add(pod.metadata().key() + " has IP " + pod.status().podIP() + " outside "
            + nodeName + "'s podCIDR " + node.spec().podCIDR());
      }
    }

    for (ReplicaSet rs : c.list(ReplicaSet.class)) {
      long active = ownedBy(pods, Set.of(rs.metadata().uid())).stream()
          .filter(p -> !p.metadata().isTerminating() && !p.status().phase().isTerminal())
          .count();
      if (active > rs.spec().replicas()) {
        problems.add(rs.metadata().key() + " has " + active + " active pods for "
            + rs.spec().replicas() + " replicas");
      }
    }

    for (Deployment d : c.list(Deployment.class)) {
      Set<String> sets = c.list(ReplicaSet.class).stream()
          .filter(rs -> rs.metadata().controllerRef()
              .map(r -> r.uid().equals(d.metadata().uid())).orElse(false))
          .map(rs -> rs.metadata().uid()).collect(Collectors.toSet());
      List<Pod> active = ownedBy(pods, sets).stream()
          .filter(p -> !p.metadata().isTerminating() && !p.status().phase().isTerminal()).toList();
      long ready = active.stream().filter(Pod::isReady).count();
      if (d.status().replicas() != active.size() || d.status().readyReplicas() != ready) {
        problems.add(d.metadata().key() + " reports " + d.status() + " but has " + active.size()
            + " active pods, " + ready + " ready");
      }
    }

    long readyNodes = nodes.values().stream().filter(Node::isReady).count();
    List<Deployment> deployments = c.list(Deployment.class);
    int wanted = deployments.stream().mapToInt(d -> d.spec().replicas()).sum();
    if (readyNodes > 0 && wanted <= readyNodes * 110) {
      for (Deployment d : deployments) {
        Set<String> sets = c.list(ReplicaSet.class).stream()
            .filter(rs -> rs.metadata().controllerRef()
                .map(r -> r.uid().equals(d.metadata().uid())).orElse(false))
            .map(rs -> rs.metadata().uid()).collect(Collectors.toSet());
        long ready = ownedBy(pods, sets).stream()
            .filter(p -> p.isReady() && !p.metadata().isTerminating())
            .filter(p -> Optional.ofNullable(nodes.get(p.spec().nodeName()))
                .map(Node::isReady).orElse(false))
            .count();
        if (ready != d.spec().replicas()) {
          problems.add(d.metadata().key() + " has " + ready + " Ready pods on Ready nodes, wants "
              + d.spec().replicas() + " (" + readyNodes + " Ready nodes)");
        }
        String hash = PodTemplateHash.of(d.spec().template());
        for (ReplicaSet rs : c.list(ReplicaSet.class)) {
          boolean current = rs.metadata().labels().get(PodTemplateHash.LABEL)
              .orElse("").equals(hash);
          int expected = current ? d.spec().replicas() : 0;
          if (sets.contains(rs.metadata().uid()) && rs.spec().replicas() != expected) {
            problems.add(rs.metadata().key() + (current ? " (current template)" : " (old)")
                + " wants " + rs.spec().replicas() + " replicas, should be " + expected
                + " once the rollout is done");
          }
        }
      }
    }

    if (!problems.isEmpty()) {
      throw new AssertionError("invariants broken after settle():\n  "
          + String.join("\n  ", problems) + WorkloadActions.replay(setup.seed(), setup, done)
          + Diagnostics.context(c, 60));
    }
  }

  private static List<Pod> ownedBy(List<Pod> pods, Set<String> ownerUids) {
    return pods.stream().filter(p -> p.metadata().controllerRef()
        .map(r -> ownerUids.contains(r.uid())).orElse(false)).toList();
  }
}

package io.kubenetsim.core.kubelet;

import io.kubenetsim.core.store.Conditions;
import io.kubenetsim.Timing;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.ipam.HostLocalIpam;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.model.Condition;
import io.kubenetsim.model.ConditionStatus;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerState;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodStatus;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;


/**
 * The kubelet of one node: takes the pods bound to it from Pending to Running and Ready
 * (sandbox with an IP from the node's pod CIDR, then containers, then readiness), restarts
 * crashed containers with back-off in place (same pod, same IP), and on deletion stops the
 * containers within the grace period, frees the IP and confirms the deletion.
 *
 * <p>Ready also waits for the pod's readiness gates: when another controller changes a gate's
 * condition, the kubelet hears of it through its pod watch and writes Ready again.
 *
 * <p>A failed node's kubelet does nothing until it recovers; the pods it ran stay as the API
 * last saw them. Start here: {@link #onPod}, {@link #onNode}, {@link #fail}, {@link #recover}.
 */
public final class Kubelet {
  private final String nodeName;
  private final Simulator sim;
  private final ApiStore store;
  private final Timing timing;
  private final PodDns dns;
  private final TreeMap<NamespacedName, PodRuntime> runtimes = new TreeMap<>();
  private Optional<HostLocalIpam> ipam = Optional.empty();
  private String nodeIP = "";
  private boolean up = true;

  public Kubelet(String nodeName, Simulator sim, ApiStore store, Timing timing, PodDns dns) {
    this.nodeName = nodeName;
    this.sim = sim;
    this.store = store;
    this.timing = timing;
    this.dns = dns;
  }

  /** {@return whether the node is up (not failed)} */
  public boolean isUp() {
    return up;
  }

  /** The kubelet's view of its own Node changed. */
  public void onNode(Node node) {
    nodeIP = node.internalIP().orElse("");
    if (ipam.isEmpty() && !node.spec().podCIDR().isEmpty()) {
      Cidr.tryParse(node.spec().podCIDR()).ifPresent(c -> ipam = Optional.of(new HostLocalIpam(c)));
      runtimes.forEach((key, runtime) -> {
        if (runtime.stage == PodRuntime.Stage.WAITING_FOR_NETWORK) {
          runtime.stage = PodRuntime.Stage.CREATING_SANDBOX;
          later(key, runtime, timing.sandboxDelay(), this::createSandbox);
        }
      });
    }
    if (up) {
      reportReady(node);
    }
  }

  private void reportReady(Node node) {
    boolean networkReady = ipam.isPresent();
    ConditionStatus ready = ConditionStatus.of(networkReady);
    if (node.status().condition("Ready").map(c -> c.status() == ready).orElse(false)) {
      return;
    }
    String reason = networkReady ? "KubeletReady" : "KubeletNotReady";
    String message = networkReady ? "kubelet is posting ready status"
        : "container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady"
            + " message:Network plugin returns error: cni plugin not initialized";
    store.patch(Node.class, node.metadata().key(),
        n -> n.withStatus(n.status().withConditions(Conditions.set(n.status().conditions(),
            "Ready", ready, sim.clock().now(), reason, message))),
        networkReady ? "NodeReady" : "NodeNotReady", reason);
  }

  /** A pod bound to this node was added, changed or deleted (as the kubelet's watch saw it). */
  public void onPod(Pod pod, boolean deleted) {
    NamespacedName key = pod.metadata().key();
    PodRuntime runtime = runtimes.get(key);
    if (deleted) {
      if (runtime != null) {
        teardown(key, runtime);
      }
      return;
    }
    if (!up) {
      return;
    }
    if (pod.metadata().isTerminating()) {
      if (runtime == null) {
        store.remove(pod.ref(), "Deleted", "never started on " + nodeName);
      } else if (runtime.stage != PodRuntime.Stage.KILLING) {
        kill(key, pod, runtime);
      }
      return;
    }
    if (runtime == null && !pod.status().phase().isTerminal()) {
      runtime = new PodRuntime();
      runtimes.put(key, runtime);
      later(key, runtime, timing.sandboxDelay(), this::createSandbox);
    } else if (runtime != null && !pod.spec().readinessGates().isEmpty()) {
      evaluateReadinessGates(key);
    }
  }

  /**
   * Another controller may have changed a readiness gate's condition: the kubelet's next sync
   * of the pod generates Ready again ({@code GeneratePodReadyCondition}) and writes it only if
   * it changed, so its own writes coming back through the watch change nothing.
   */
  private void evaluateReadinessGates(NamespacedName key) {
    Instant now = sim.clock().now();
    store.get(Pod.class, key).ifPresent(current -> {
      PodStatus evaluated = PodStatuses.gatesEvaluated(current, now);
      if (evaluated.equals(current.status())) {
        return;
      }
      Condition ready = evaluated.condition("Ready").orElseThrow();
      store.patch(Pod.class, key, p -> p.withStatus(PodStatuses.gatesEvaluated(p, now)),
          ready.isTrue() ? "Ready" : ready.reason(),
          ready.isTrue() ? "every readiness gate is True" : ready.message());
    });
  }

  private void createSandbox(NamespacedName key, PodRuntime runtime) {
    Optional<Pod> pod = store.get(Pod.class, key);
    if (pod.isEmpty()) {
      return;
    }
    Optional<IpAddress> ip;
    if (pod.get().spec().hostNetwork()) {
      ip = IpAddress.tryParse(nodeIP);
    } else if (ipam.isEmpty()) {
      runtime.stage = PodRuntime.Stage.WAITING_FOR_NETWORK;
      return;
    } else {
      ip = ipam.get().allocate();
      runtime.ownsIp = ip.isPresent();
    }
    if (ip.isEmpty()) {
      sim.log().record("FailedCreatePodSandBox", pod.get().ref(),
          "no free IP in " + ipam.map(HostLocalIpam::range).map(Cidr::toString).orElse(nodeIP));
      return;
    }
    // The sandbox config carries the pod's resolv.conf: upstream's GetPodDNS runs here and
    // records its warnings as the pod's events.
    dns.forPod(pod.get()).warnings().forEach(w -> sim.log().record(w.reason(), pod.get().ref(),
        w.message()));
    runtime.ip = ip;
    runtime.stage = PodRuntime.Stage.STARTING;
    String podIP = ip.get().toString();
    store.patch(Pod.class, key,
        p -> p.withStatus(PodStatuses.sandboxReady(p, nodeIP, podIP, sim.clock().now())),
        "SandboxReady", "pod IP " + podIP + " on " + nodeName);
    later(key, runtime, timing.containerStartDelay(), this::startContainers);
  }

  private void startContainers(NamespacedName key, PodRuntime runtime) {
    Optional<Pod> pod = store.get(Pod.class, key);
    if (pod.isEmpty()) {
      return;
    }
    runtime.stage = PodRuntime.Stage.RUNNING;
    runtime.startedAt = Optional.of(sim.clock().now());
    Optional<Duration> probeDelay = readinessDelay(pod.get());
    boolean readyNow = probeDelay.isEmpty();
    store.patch(Pod.class, key,
        p -> p.withStatus(PodStatuses.running(p, runtime, readyNow, sim.clock().now())),
        "Started", readyNow ? "running and ready" : "running, waiting for readiness probe");
    probeDelay.ifPresent(d -> later(key, runtime, d, this::becomeReady));
    if (runtime.crashLooping) {
      later(key, runtime, timing.crashLoopRunTime(), (k, r) -> crash(k));
    }
  }

  private void becomeReady(NamespacedName key, PodRuntime runtime) {
    store.patch(Pod.class, key,
        p -> p.withStatus(PodStatuses.running(p, runtime, true, sim.clock().now())),
        "Ready", "readiness probe passed");
  }

  /** The time until the readiness probe first passes, or empty when there is no probe. */
  private static Optional<Duration> readinessDelay(Pod pod) {
    return pod.spec().containers().stream().map(Container::readinessProbe)
        .flatMap(Optional::stream)
        .map(p -> Duration.ofSeconds((long) p.initialDelaySeconds()
            + (long) (p.successThreshold() - 1) * p.periodSeconds()))
        .max(Duration::compareTo);
  }

  /**
   * Crashes the pod's containers once. The first restart has no back-off; each further crash
   * doubles the back-off (10 s, 20 s, … up to 5 min), reset after 10 minutes of running. Each
   * restart then takes the container start delay, during which the pod is not ready.
   */
  public void crash(NamespacedName key) {
    PodRuntime runtime = runtimes.get(key);
    if (!up || runtime == null || runtime.stage != PodRuntime.Stage.RUNNING) {
      return;
    }
    runtime.cancelPending();
    if (runtime.startedAt.isPresent() && sim.clock().now().isAfter(
        runtime.startedAt.get().plus(timing.crashLoopBackOffMax().multipliedBy(2)))) {
      runtime.nextBackOff = Duration.ZERO;
    }
    runtime.restartCount++;
    runtime.lastState = Optional.of(ContainerState.terminated("Error", 1, runtime.startedAt,
        sim.clock().now()));
    Duration backOff = runtime.nextBackOff;
    runtime.nextBackOff = backOff.isZero() ? timing.crashLoopBackOffBase()
        : min(backOff.multipliedBy(2), timing.crashLoopBackOffMax());
    runtime.stage = PodRuntime.Stage.BACKING_OFF;
    store.patch(Pod.class, key,
        p -> p.withStatus(PodStatuses.backingOff(p, runtime, sim.clock().now())),
        "BackOff", "container exited with code 1; restart " + runtime.restartCount
            + " in " + backOff.toSeconds() + "s");
    // After the back-off, starting the container again takes as long as starting it did.
    later(key, runtime, backOff.plus(timing.containerStartDelay()), this::startContainers);
  }

  /** Makes the pod's containers crash each time they start, or stop doing so. */
  public void crashLoop(NamespacedName key, boolean crashing) {
    PodRuntime runtime = runtimes.get(key);
    if (runtime == null) {
      return;
    }
    runtime.crashLooping = crashing;
    if (crashing) {
      crash(key);
    }
  }

  private void kill(NamespacedName key, Pod pod, PodRuntime runtime) {
    runtime.cancelPending();
    runtime.stage = PodRuntime.Stage.KILLING;
    long grace = pod.metadata().deletionGracePeriodSeconds().orElse(0L);
    Duration stop = min(Duration.ofSeconds(grace), timing.containerStopDelay());
    sim.log().record("Killing", pod.ref(), "stopping containers, grace period " + grace + "s");
    later(key, runtime, stop, (k, r) -> {
      teardown(k, r);
      store.remove(pod.ref(), "Deleted", "containers stopped; kubelet confirmed the deletion");
    });
  }

  private void teardown(NamespacedName key, PodRuntime runtime) {
    runtime.cancelPending();
    if (runtime.ownsIp) {
      runtime.ip.ifPresent(ip -> ipam.ifPresent(i -> i.release(ip)));
    }
    runtimes.remove(key);
  }

  /** The node goes down: the kubelet stops acting and stops posting status. */
  public void fail() {
    up = false;
    runtimes.values().forEach(PodRuntime::cancelPending);
  }

  /**
   * The node comes back: the kubelet reports Ready again and catches up with every pod bound
   * to it: containers that ran run on, pods deleted meanwhile are stopped, new ones started.
   * A pod whose containers run and are ready is reported Ready again, undoing the node
   * lifecycle controller's marking; as for a restarted kubelet, whose status manager has no
   * cached status and compares with the API's ({@code updateLastTransitionTime}), the Ready
   * condition's lastTransitionTime becomes the recovery time.
   */
  public void recover(Iterable<Pod> boundPods) {
    up = true;
    store.get(Node.class, NamespacedName.of("", nodeName)).ifPresent(n -> {
      onNode(n);
      forceReady(n);
    });
    for (Pod pod : boundPods) {
      NamespacedName key = pod.metadata().key();
      PodRuntime runtime = runtimes.get(key);
      if (runtime != null && !pod.metadata().isTerminating()) {
        resume(key, runtime);
      } else {
        onPod(pod, false);
      }
    }
  }

  private void forceReady(Node node) {
    if (ipam.isPresent()) {
      store.patch(Node.class, node.metadata().key(),
          n -> n.withStatus(n.status().withConditions(Conditions.set(n.status().conditions(),
              "Ready", ConditionStatus.TRUE, sim.clock().now(), "KubeletReady",
              "kubelet is posting ready status"))),
          "NodeReady", "kubelet is posting ready status again");
    }
  }

  private void resume(NamespacedName key, PodRuntime runtime) {
    switch (runtime.stage) {
      case WAITING_FOR_NETWORK, CREATING_SANDBOX -> later(key, runtime, timing.sandboxDelay(),
          this::createSandbox);
      case STARTING, BACKING_OFF -> later(key, runtime, timing.containerStartDelay(),
          this::startContainers);
      case RUNNING -> becomeReady(key, runtime);
      case KILLING -> store.get(Pod.class, key).ifPresent(p -> kill(key, p, runtime));
      default -> throw new AssertionError("unknown stage " + runtime.stage);
    }
  }

  /** {@return the pods this kubelet runs (has a runtime for)} */
  public int runningPods() {
    return runtimes.size();
  }

  private void later(NamespacedName key, PodRuntime runtime, Duration delay,
      java.util.function.BiConsumer<NamespacedName, PodRuntime> step) {
    long epoch = runtime.epoch;
    sim.schedule(delay, () -> {
      if (up && runtime.epoch == epoch && runtimes.get(key) == runtime) {
        step.accept(key, runtime);
      }
    });
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

}

package io.kubenetsim.core.kubelet;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.store.Conditions;
import io.kubenetsim.model.Condition;
import io.kubenetsim.model.ConditionStatus;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerState;
import io.kubenetsim.model.ContainerStatus;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import io.kubenetsim.model.PodReadinessGate;
import io.kubenetsim.model.PodSpec;
import io.kubenetsim.model.PodStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pod statuses a kubelet writes at each stage, built from the previous status so that
 * condition transition times stay right. Conditions the kubelet does not own (those of
 * readiness gates, set by other controllers) are kept as they are.
 *
 * <p>The {@code Ready} condition follows upstream's {@code GeneratePodReadyCondition}
 * ({@code pkg/kubelet/status/generate.go}): while {@code ContainersReady} is not True, Ready
 * repeats its status, reason and message; once it is True, Ready is True only if every
 * readiness gate's condition (the first of its type) exists and is True, and otherwise False
 * with reason {@code ReadinessGatesNotReady} and one message per unready gate.
 */
final class PodStatuses {

  /** Upstream's reason for a Ready condition held back by readiness gates. */
  static final String READINESS_GATES_NOT_READY = "ReadinessGatesNotReady";

  private PodStatuses() {}

  /** The sandbox exists and has an IP; containers are being created. */
  static PodStatus sandboxReady(Pod pod, String hostIP, String podIP, Instant now) {
    PodStatus old = pod.status();
    ImmutableList<Condition> c = old.conditions();
    c = Conditions.set(c, "PodReadyToStartContainers", ConditionStatus.TRUE, now, "", "");
    c = Conditions.set(c, "Initialized", ConditionStatus.TRUE, now, "", "");
    c = notReady(c, now, "ContainersNotReady", pod);
    return new PodStatus(PodPhase.PENDING, c, hostIP, podIP, ImmutableList.of(podIP),
        Optional.of(old.startTime().orElse(now)),
        containers(pod, false, 0, ContainerState.waiting("ContainerCreating"), Optional.empty()),
        "");
  }

  /** Containers run; {@code ready} says whether they pass readiness. */
  static PodStatus running(Pod pod, PodRuntime runtime, boolean ready, Instant now) {
    PodStatus old = pod.status();
    ImmutableList<Condition> c = ready
        ? readyFromGates(pod.spec(), Conditions.set(old.conditions(), "ContainersReady",
            ConditionStatus.TRUE, now, "", ""), now)
        : notReady(old.conditions(), now, "ContainersNotReady", pod);
    return new PodStatus(PodPhase.RUNNING, c, old.hostIP(), old.podIP(), old.podIPs(),
        old.startTime(), containers(pod, ready, runtime.restartCount,
            ContainerState.running(runtime.startedAt.orElse(now)), runtime.lastState), "");
  }

  /**
   * {@return the status with Ready evaluated again against the readiness gates, after another
   * controller changed a gate's condition} Unchanged while ContainersReady is not True, as Ready
   * then only repeats it.
   */
  static PodStatus gatesEvaluated(Pod pod, Instant now) {
    PodStatus old = pod.status();
    if (!old.condition("ContainersReady").map(Condition::isTrue).orElse(false)) {
      return old;
    }
    return old.withConditions(readyFromGates(pod.spec(), old.conditions(), now));
  }

  /** Sets Ready for containers that are ready: True unless a readiness gate holds it back. */
  private static ImmutableList<Condition> readyFromGates(PodSpec spec, List<Condition> c,
      Instant now) {
    List<String> unready = new ArrayList<>();
    for (PodReadinessGate gate : spec.readinessGates()) {
      String type = gate.conditionType();
      Optional<Condition> condition = c.stream().filter(x -> x.type().equals(type)).findFirst();
      if (condition.isEmpty()) {
        unready.add("corresponding condition of pod readiness gate \"" + type
            + "\" does not exist.");
      } else if (!condition.get().isTrue()) {
        unready.add("the status of pod readiness gate \"" + type + "\" is not \"True\", but "
            + condition.get().status());
      }
    }
    return unready.isEmpty()
        ? Conditions.set(c, "Ready", ConditionStatus.TRUE, now, "", "")
        : Conditions.set(c, "Ready", ConditionStatus.FALSE, now, READINESS_GATES_NOT_READY,
            String.join(", ", unready));
  }

  /** The containers crashed and wait out a back-off before restarting. */
  static PodStatus backingOff(Pod pod, PodRuntime runtime, Instant now) {
    PodStatus old = pod.status();
    return new PodStatus(PodPhase.RUNNING,
        notReady(old.conditions(), now, "ContainersNotReady", pod), old.hostIP(), old.podIP(),
        old.podIPs(), old.startTime(), containers(pod, false, runtime.restartCount,
            ContainerState.waiting("CrashLoopBackOff"), runtime.lastState), "");
  }

  private static ImmutableList<Condition> notReady(ImmutableList<Condition> c, Instant now, String reason,
      Pod pod) {
    String names = pod.spec().containers().stream().map(Container::name)
        .reduce((a, b) -> a + " " + b).orElse("");
    String message = "containers with unready status: [" + names + "]";
    c = Conditions.set(c, "ContainersReady", ConditionStatus.FALSE, now, reason, message);
    return Conditions.set(c, "Ready", ConditionStatus.FALSE, now, reason, message);
  }

  private static ImmutableList<ContainerStatus> containers(Pod pod, boolean ready, int restarts,
      ContainerState state, Optional<ContainerState> lastState) {
    return pod.spec().containers().stream()
        .map(c -> new ContainerStatus(c.name(), c.image(), ready,
            state.kind() == ContainerState.Kind.RUNNING, restarts, state, lastState))
        .collect(ImmutableList.toImmutableList());
  }
}

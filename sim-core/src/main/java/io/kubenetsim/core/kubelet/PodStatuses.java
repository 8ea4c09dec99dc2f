package io.kubenetsim.core.kubelet;

import io.kubenetsim.core.store.Conditions;
import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Condition;
import io.kubenetsim.model.ConditionStatus;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerState;
import io.kubenetsim.model.ContainerStatus;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import io.kubenetsim.model.PodStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pod statuses a kubelet writes at each stage, built from the previous status so that
 * condition transition times stay right.
 */
final class PodStatuses {

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
        ? Conditions.set(Conditions.set(old.conditions(), "ContainersReady", ConditionStatus.TRUE,
            now, "", ""), "Ready", ConditionStatus.TRUE, now, "", "")
        : notReady(old.conditions(), now, "ContainersNotReady", pod);
    return new PodStatus(PodPhase.RUNNING, c, old.hostIP(), old.podIP(), old.podIPs(),
        old.startTime(), containers(pod, ready, runtime.restartCount,
            ContainerState.running(runtime.startedAt.orElse(now)), runtime.lastState), "");
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

package io.kubenetsim.core.kubectl;

import io.kubenetsim.model.Condition;
import io.kubenetsim.model.ContainerState;
import io.kubenetsim.model.ContainerStatus;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodReadinessGate;
import io.kubenetsim.model.PodStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prints pods as {@code kubectl get pods}: {@code NAME READY STATUS RESTARTS AGE}, and with
 * {@code -o wide} also {@code IP NODE NOMINATED NODE READINESS GATES}.
 *
 * <p>Follows upstream {@code printPod}: READY counts containers that are ready and running out
 * of the spec's containers; STATUS is the phase, overridden by {@code status.reason}, then by a
 * container's waiting or terminated reason (the first container's wins), then by {@code
 * Terminating} while a deletion is pending; RESTARTS appends {@code (5m ago)} measured from the
 * latest {@code lastState.terminated.finishedAt}. READINESS GATES is {@code <none>} for a pod
 * without gates, else {@code N/M}: of the M gates, N have a condition of their type (the first
 * one) whose status is True. READY and STATUS follow the containers only, so a running pod
 * held back by a gate prints {@code 1/1 Running} with {@code 0/1} gates, as upstream does.
 * Simplification: the model has no init containers or nominated node, so those parts print
 * their empty forms.
 *
 * <pre>{@code
 * List<String> row = new PodPrinter().row(pod, cluster.now(), false);
 * // [web-0, 1/1, Running, 0, 5m]
 * }</pre>
 */
public final class PodPrinter implements ResourcePrinter<Pod> {

  /** The pod reason the node lifecycle controller sets when a node stops answering. */
  static final String NODE_LOST = "NodeLost";

  private static final List<String> COLUMNS = List.of("Name", "Ready", "Status", "Restarts", "Age");
  private static final List<String> WIDE_COLUMNS =
      List.of("IP", "Node", "Nominated Node", "Readiness Gates");

  @Override
  public List<String> columns() {
    return COLUMNS;
  }

  @Override
  public List<String> wideColumns() {
    return WIDE_COLUMNS;
  }

  @Override
  public List<String> row(Pod pod, Instant now, boolean wide) {
    PodStatus status = pod.status();
    List<String> cells = new ArrayList<>();
    cells.add(pod.metadata().name());
    cells.add(readyContainers(status) + "/" + pod.spec().containers().size());
    cells.add(statusText(pod));
    cells.add(restarts(status, now));
    cells.add(HumanDuration.since(pod.metadata().creationTimestamp(), now));
    if (wide) {
      cells.add(orNone(primaryIp(status)));
      cells.add(orNone(pod.spec().nodeName()));
      cells.add("<none>");
      cells.add(readinessGates(pod));
    }
    return cells;
  }

  /** {@return the STATUS cell, as upstream's {@code printPod} computes {@code reason}} */
  static String statusText(Pod pod) {
    PodStatus status = pod.status();
    String reason = status.reason().isEmpty() ? status.phase().toString() : status.reason();
    for (Condition condition : status.conditions()) {
      if (condition.type().equals("PodScheduled")
          && condition.reason().equals("SchedulingGated")) {
        reason = "SchedulingGated";
      }
    }
    boolean hasRunning = false;
    // Upstream walks the containers last to first, so the first container's reason wins.
    List<ContainerStatus> containers = status.containerStatuses();
    for (int i = containers.size() - 1; i >= 0; i--) {
      ContainerState state = containers.get(i).state();
      if (state.kind() == ContainerState.Kind.WAITING && !state.reason().isEmpty()) {
        reason = state.reason();
      } else if (state.kind() == ContainerState.Kind.TERMINATED) {
        reason = state.reason().isEmpty() ? "ExitCode:" + state.exitCode() : state.reason();
      } else if (containers.get(i).ready() && state.kind() == ContainerState.Kind.RUNNING) {
        hasRunning = true;
      }
    }
    // One container completed while another still runs: the pod is not done, so upstream
    // shows Running or NotReady instead of Completed.
    if (reason.equals("Completed") && hasRunning) {
      reason = status.isReady() ? "Running" : "NotReady";
    }
    if (pod.metadata().isTerminating() && status.reason().equals(NODE_LOST)) {
      reason = "Unknown";
    } else if (pod.metadata().isTerminating() && !status.phase().isTerminal()) {
      reason = "Terminating";
    }
    return reason;
  }

  /** {@return the READINESS GATES cell: {@code <none>}, or True gates over all gates} */
  static String readinessGates(Pod pod) {
    List<PodReadinessGate> gates = pod.spec().readinessGates();
    if (gates.isEmpty()) {
      return "<none>";
    }
    long passing = gates.stream().filter(g -> pod.status().condition(g.conditionType())
        .map(Condition::isTrue).orElse(false)).count();
    return passing + "/" + gates.size();
  }

  /** Only a container that is ready and running counts, as upstream counts it. */
  private static int readyContainers(PodStatus status) {
    int ready = 0;
    for (ContainerStatus container : status.containerStatuses()) {
      if (container.ready() && container.state().kind() == ContainerState.Kind.RUNNING) {
        ready++;
      }
    }
    return ready;
  }

  /** {@return the RESTARTS cell: the sum of restart counts, with the last restart's age} */
  static String restarts(PodStatus status, Instant now) {
    int restarts = 0;
    Optional<Instant> last = Optional.empty();
    for (ContainerStatus container : status.containerStatuses()) {
      restarts += container.restartCount();
      Optional<Instant> finished = container.lastState()
          .filter(s -> s.kind() == ContainerState.Kind.TERMINATED)
          .flatMap(ContainerState::finishedAt);
      if (finished.isPresent() && (last.isEmpty() || last.get().isBefore(finished.get()))) {
        last = finished;
      }
    }
    if (restarts == 0 || last.isEmpty()) {
      return Integer.toString(restarts);
    }
    return restarts + " (" + HumanDuration.format(Duration.between(last.get(), now)) + " ago)";
  }

  /** Upstream prints {@code podIPs[0]}; {@code podIP} is the same address when both are set. */
  private static String primaryIp(PodStatus status) {
    return status.podIPs().isEmpty() ? status.podIP() : status.podIPs().get(0);
  }

  static String orNone(String value) {
    return value.isEmpty() ? "<none>" : value;
  }
}

package io.kubenetsim.core.kubectl;

import static io.kubenetsim.core.kubectl.Fixtures.NOW;
import static io.kubenetsim.core.kubectl.Fixtures.ago;
import static io.kubenetsim.core.kubectl.Fixtures.condition;
import static io.kubenetsim.core.kubectl.Fixtures.container;
import static io.kubenetsim.core.kubectl.Fixtures.pendingPod;
import static io.kubenetsim.core.kubectl.Fixtures.podWith;
import static io.kubenetsim.core.kubectl.Fixtures.runningPod;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Condition;
import io.kubenetsim.model.ConditionStatus;
import io.kubenetsim.model.ContainerState;
import io.kubenetsim.model.ContainerStatus;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import io.kubenetsim.model.PodReadinessGate;
import io.kubenetsim.model.PodStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rows of {@code kubectl get pods} for each pod state the simulator produces; each expected row
 * is what upstream printPod prints for the same object.
 */
class PodPrinterTest {

  private final PodPrinter printer = new PodPrinter();

  @Test
  void columnsMatchKubectlWithAndWithoutWide() {
    assertEquals(List.of("Name", "Ready", "Status", "Restarts", "Age"), printer.columns(false));
    assertEquals(List.of("Name", "Ready", "Status", "Restarts", "Age", "IP", "Node",
        "Nominated Node", "Readiness Gates"), printer.columns(true));
  }

  @Test
  void pendingPodShowsPendingAndNoneForUnsetWideCells() {
    Pod pod = pendingPod("shop", "web-0", Duration.ofSeconds(30));
    assertEquals(List.of("web-0", "0/1", "Pending", "0", "30s", "<none>", "<none>", "<none>",
        "<none>"), printer.row(pod, NOW, true));
  }

  @Test
  void containerCreatingReasonReplacesThePhase() {
    Pod pod = podWith("shop", "web-0", Duration.ofSeconds(5), PodPhase.PENDING, false,
        container(false, 0, ContainerState.waiting("ContainerCreating"), Optional.empty()));
    assertEquals(List.of("web-0", "0/1", "ContainerCreating", "0", "5s"),
        printer.row(pod, NOW, false));
  }

  @Test
  void runningButNotReadyPodShowsZeroOfOneRunning() {
    Pod pod = podWith("shop", "web-0", Duration.ofMinutes(3), PodPhase.RUNNING, false,
        container(false, 0, ContainerState.running(ago(Duration.ofMinutes(3))), Optional.empty()));
    assertEquals(List.of("web-0", "0/1", "Running", "0", "3m"), printer.row(pod, NOW, false));
  }

  @Test
  void runningReadyPodShowsIpAndNodeWhenWide() {
    Pod pod = runningPod("shop", "web-0", Duration.ofHours(2));
    assertEquals(List.of("web-0", "1/1", "Running", "0", "120m", "10.244.1.5", "node-1",
        "<none>", "<none>"), printer.row(pod, NOW, true));
  }

  @Test
  void podWithDeletionTimestampIsTerminating() {
    Pod running = runningPod("shop", "web-0", Duration.ofMinutes(20));
    Pod pod = running.withMetadata(running.metadata().withDeletion(ago(Duration.ofSeconds(4)), 30));
    assertEquals("Terminating", printer.row(pod, NOW, false).get(2));
  }

  @Test
  void crashLoopBackOffShowsRestartsWithTimeSinceLastTermination() {
    // Two restarts ended 2m and 7m ago; the latest finishedAt decides the "(2m ago)".
    ContainerState lastExit = ContainerState.terminated("Error", 1,
        Optional.of(ago(Duration.ofMinutes(3))), ago(Duration.ofMinutes(2)));
    Pod pod = podWith("shop", "web-0", Duration.ofMinutes(10), PodPhase.RUNNING, false,
        container(false, 3, ContainerState.waiting("CrashLoopBackOff"), Optional.of(lastExit)));
    assertEquals(List.of("web-0", "0/1", "CrashLoopBackOff", "3 (2m ago)", "10m"),
        printer.row(pod, NOW, false));
  }

  @Test
  void restartsWithoutATerminationTimeShowTheBareCount() {
    Pod pod = podWith("shop", "web-0", Duration.ofMinutes(10), PodPhase.RUNNING, true,
        container(true, 2, ContainerState.running(ago(Duration.ofMinutes(1))), Optional.empty()));
    assertEquals("2", printer.row(pod, NOW, false).get(3));
  }

  @Test
  void latestTerminationAcrossContainersIsUsedAndRestartsAreSummed() {
    ContainerStatus a = new ContainerStatus("a", "img", true, true, 1,
        ContainerState.running(ago(Duration.ofMinutes(6))),
        Optional.of(ContainerState.terminated("Error", 1, Optional.empty(),
            ago(Duration.ofMinutes(6)))));
    ContainerStatus b = new ContainerStatus("b", "img", true, true, 4,
        ContainerState.running(ago(Duration.ofSeconds(50))),
        Optional.of(ContainerState.terminated("OOMKilled", 137, Optional.empty(),
            ago(Duration.ofSeconds(50)))));
    Pod base = runningPod("shop", "two", Duration.ofHours(1));
    Pod pod = base.withStatus(withContainers(base.status(), a, b));
    assertEquals("5 (50s ago)", printer.row(pod, NOW, false).get(3));
  }

  @Test
  void firstContainerReasonWinsAndOnlyReadyRunningContainersCount() {
    // Upstream walks containers from last to first, so container "a" (first) sets STATUS.
    ContainerStatus a = new ContainerStatus("a", "img", false, false, 0,
        ContainerState.waiting("ImagePullBackOff"), Optional.empty());
    ContainerStatus b = new ContainerStatus("b", "img", true, true, 0,
        ContainerState.running(ago(Duration.ofMinutes(1))), Optional.empty());
    Pod base = runningPod("shop", "two", Duration.ofMinutes(2));
    Pod pod = base.withSpec(base.spec().withContainers(List.of(
            base.spec().containers().get(0), base.spec().containers().get(0))))
        .withStatus(withContainers(base.status(), a, b));
    assertEquals(List.of("two", "1/2", "ImagePullBackOff", "0", "2m"),
        printer.row(pod, NOW, false));
  }

  @Test
  void statusReasonSuchAsNodeLostReplacesThePhaseAndDeletionMakesItUnknown() {
    Pod running = runningPod("shop", "web-0", Duration.ofMinutes(30));
    Pod lost = running.withStatus(new PodStatus(PodPhase.RUNNING, running.status().conditions(),
        "", "10.244.1.5", ImmutableList.of("10.244.1.5"), Optional.empty(), ImmutableList.of(),
        PodPrinter.NODE_LOST));
    assertEquals("NodeLost", printer.row(lost, NOW, false).get(2));
    Pod deleted = lost.withMetadata(lost.metadata().withDeletion(NOW, 30));
    assertEquals("Unknown", printer.row(deleted, NOW, false).get(2));
  }

  @Test
  void finishedPodBeingDeletedKeepsItsTerminatedReason() {
    // Terminating is only shown for pods not yet in a terminal phase.
    Pod done = podWith("shop", "job-0", Duration.ofMinutes(9), PodPhase.SUCCEEDED, false,
        container(false, 0, ContainerState.terminated("Completed", 0, Optional.empty(),
            ago(Duration.ofMinutes(8))), Optional.empty()));
    Pod pod = done.withMetadata(done.metadata().withDeletion(NOW, 30));
    assertEquals(List.of("job-0", "0/1", "Completed", "0", "9m"), printer.row(pod, NOW, false));
  }

  @Test
  void terminatedContainerWithoutReasonShowsItsExitCode() {
    Pod pod = podWith("shop", "job-0", Duration.ofMinutes(1), PodPhase.FAILED, false,
        container(false, 0, ContainerState.terminated("", 2, Optional.empty(), NOW),
            Optional.empty()));
    assertEquals("ExitCode:2", printer.row(pod, NOW, false).get(2));
  }

  @Test
  void hostNetworkPodShowsItsNodeIpAsPodIp() {
    // A hostNetwork pod's status.podIPs is the node's address; the IP column prints it as-is.
    Pod base = runningPod("kube-system", "kube-proxy-abcde", Duration.ofDays(3));
    PodStatus s = base.status();
    Pod pod = base.withSpec(base.spec().withHostNetwork(true)).withStatus(new PodStatus(
        s.phase(), s.conditions(), "192.168.0.11", "192.168.0.11",
        ImmutableList.of("192.168.0.11"), s.startTime(), s.containerStatuses(), ""));
    assertEquals(List.of("kube-proxy-abcde", "1/1", "Running", "0", "3d", "192.168.0.11",
        "node-1", "<none>", "<none>"), printer.row(pod, NOW, true));
  }

  static Stream<Arguments> readinessGateCells() {
    String a = "example.com/a";
    String b = "example.com/b";
    return Stream.of(
        // case, gates, conditions besides Ready, expected READINESS GATES cell
        Arguments.of("no gates", List.of(), List.of(condition(a, true)), "<none>"),
        Arguments.of("gate without condition", List.of(a), List.of(), "0/1"),
        Arguments.of("gate False", List.of(a), List.of(condition(a, false)), "0/1"),
        Arguments.of("gate True", List.of(a), List.of(condition(a, true)), "1/1"),
        Arguments.of("one of two True", List.of(a, b),
            List.of(condition(b, true), condition(a, false)), "1/2"),
        Arguments.of("first condition of a type counts", List.of(a),
            List.of(condition(a, false), condition(a, true)), "0/1"),
        Arguments.of("unknown counts as not True", List.of(a),
            List.of(new Condition(a, ConditionStatus.UNKNOWN, NOW, "", "")), "0/1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readinessGateCells")
  void readinessGatesCellCountsGatesWhoseConditionIsTrue(String name, List<String> gates,
      List<Condition> conditions, String expected) {
    // upstream printPod: <none> without gates, else N/M where N counts gates whose first
    // condition of that type is True; READY stays about the containers (1/1 here).
    Pod running = runningPod("shop", "web-0", Duration.ofMinutes(5));
    List<Condition> all = new ArrayList<>(running.status().conditions());
    all.addAll(conditions);
    Pod pod = running.withSpec(running.spec().withReadinessGates(
            gates.stream().map(PodReadinessGate::of).toList()))
        .withStatus(running.status().withConditions(all));
    List<String> row = printer.row(pod, NOW, true);
    assertEquals(expected, row.get(8), "READINESS GATES for " + name);
    assertEquals("1/1", row.get(1), "READY counts containers only");
  }

  private static PodStatus withContainers(PodStatus s, ContainerStatus... containers) {
    return new PodStatus(s.phase(), s.conditions(), s.hostIP(), s.podIP(), s.podIPs(),
        s.startTime(), ImmutableList.copyOf(containers), s.reason());
  }
}

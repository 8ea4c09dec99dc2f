package io.kubenetsim.core.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import io.kubenetsim.model.PodStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's pods-per-node count, kept per event: it must equal what counting the
 * informer's bound, non-terminated pods gives, plus the assumed bindings.
 */
class NodeLoadTest {

  private static Pod pod(String name, String node, PodPhase phase) {
    Pod pod = Pod.of("shop", name, Labels.of("app", "web"), Container.of("c", "agnhost",
        List.of()));
    PodStatus s = pod.status();
    return pod.withSpec(pod.spec().withNodeName(node)).withStatus(new PodStatus(phase,
        s.conditions(), s.hostIP(), s.podIP(), s.podIPs(), s.startTime(),
        ImmutableList.copyOf(s.containerStatuses()), s.reason()));
  }

  private static WatchEvent event(WatchEvent.Type type, Pod pod) {
    return new WatchEvent(type, pod, Optional.empty());
  }

  @Test
  void countsBoundLivePodsAndFollowsRebindsTerminationAndDeletion() {
    NodeLoad load = new NodeLoad();
    load.onPod(event(WatchEvent.Type.ADDED, pod("a", "", PodPhase.PENDING)));
    assertEquals(0, load.pods(""), "an unbound pod counts nowhere");
    load.onPod(event(WatchEvent.Type.MODIFIED, pod("a", "node-1", PodPhase.PENDING)));
    load.onPod(event(WatchEvent.Type.ADDED, pod("b", "node-1", PodPhase.RUNNING)));
    load.onPod(event(WatchEvent.Type.ADDED, pod("c", "node-2", PodPhase.RUNNING)));
    assertEquals(2, load.pods("node-1"));
    assertEquals(1, load.pods("node-2"));
    load.onPod(event(WatchEvent.Type.MODIFIED, pod("b", "node-1", PodPhase.SUCCEEDED)));
    assertEquals(1, load.pods("node-1"), "a terminated pod frees its slot");
    load.onPod(event(WatchEvent.Type.MODIFIED, pod("b", "node-1", PodPhase.SUCCEEDED)));
    assertEquals(1, load.pods("node-1"), "the same event twice counts once");
    load.onPod(event(WatchEvent.Type.DELETED, pod("c", "node-2", PodPhase.RUNNING)));
    assertEquals(0, load.pods("node-2"));
  }

  @Test
  void assumedBindingsCountUntilForgotten() {
    NodeLoad load = new NodeLoad();
    load.assume("node-1", 1);
    load.assume("node-1", 1);
    assertEquals(2, load.pods("node-1"));
    load.onPod(event(WatchEvent.Type.MODIFIED, pod("a", "node-1", PodPhase.PENDING)));
    load.assume("node-1", -1);
    assertEquals(2, load.pods("node-1"), "one seen bound, one still assumed");
  }
}

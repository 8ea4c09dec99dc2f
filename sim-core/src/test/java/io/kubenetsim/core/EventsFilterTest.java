package io.kubenetsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.event.Events;
import io.kubenetsim.event.SimEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventsFilterTest {
  private Cluster c;
  private Duration deletedAt;
  private PodHandle victim;

  @BeforeEach
  void aDeploymentAndOneDeletedPod() {
    c = KubeSim.cluster().nodes(2).seed(16).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(2).label("app", "web").create();
    c.settle();
    c.runFor(Duration.ofSeconds(1)); // a quiet second: nothing else happens at deletedAt
    deletedAt = c.elapsed();
    victim = c.pods("shop", "app=web").get(0);
    victim.delete();
    c.settle();
  }

  @Test
  void atOrAfterKeepsExactlyTheEventsAtOrAfterThePointOnTheClock() {
    // Proves atOrAfter() is "at or after" and drops nothing after: the split at deletedAt
    // partitions the log.
    Events all = c.events();
    Events after = all.atOrAfter(deletedAt);
    assertTrue(after.asList().stream().allMatch(e -> e.at().compareTo(deletedAt) >= 0));
    long before = all.asList().stream().filter(e -> e.at().compareTo(deletedAt) < 0).count();
    assertEquals(all.size(), before + after.size());
    assertEquals("Deleting", after.asList().get(0).kind(), after.toString());
    assertEquals(deletedAt, after.asList().get(0).at());
  }

  @Test
  void sinceIsAWindowEndingWhenTheViewWasTakenAsKubectlEventsSinceReadsIt() {
    // since(d) = "the last d", as `kubectl events --since`: the events at or after now - d.
    // Running 10 more minutes with nothing happening must empty the 1-minute window, while
    // atOrAfter(deletedAt) (a point on the clock) keeps returning the same events.
    Duration window = c.elapsed().minus(deletedAt);
    Events recent = c.events().since(window);
    assertEquals(c.elapsed(), c.events().now(), "a view knows when it was taken");
    assertEquals(c.events().atOrAfter(deletedAt).asList(), recent.asList(),
        "the window ending now reaching back to the delete holds exactly the delete's events");
    c.runFor(Duration.ofMinutes(10));
    assertEquals(0, c.events().since(Duration.ofMinutes(1)).size(),
        "nothing happened in the last minute: " + c.events().since(Duration.ofMinutes(1)));
    assertEquals(recent.asList(), c.events().atOrAfter(deletedAt).asList());
    assertEquals(c.events().size(), c.events().since(Duration.ofDays(1)).size(),
        "a window longer than the run keeps every event");
    assertEquals(recent.asList(), recent.since(window).asList(),
        "a filtered view keeps the time it was taken at");
  }

  @Test
  void ofKindForObjectAndAboutCombine() {
    // Proves the filters: Scheduled events are about pods and there is one per pod of shop
    // ever scheduled (2 originals + 1 replacement; CoreDNS's pods are in kube-system);
    // about() selects one object's history.
    Events scheduled = c.events().ofKind("Scheduled").inNamespace("shop");
    assertEquals(2, c.events().ofKind("Scheduled").inNamespace("kube-system").size());
    assertEquals(3, scheduled.size(), scheduled.toString());
    assertEquals(scheduled.size(), scheduled.forObject("Pod").size());
    assertEquals(0, c.events().ofKind("Scheduled").forObject("Node").size());
    assertEquals(2, c.events().ofKind("Scheduled", "Killing").atOrAfter(deletedAt).size());

    List<String> history = c.events().about(victim.ref()).asList().stream()
        .map(SimEvent::kind).distinct().toList();
    assertEquals(List.of("SuccessfulCreate", "Scheduled", "SandboxReady", "Started", "Deleting",
        "Killing", "Deleted"), history);
    assertEquals("Deleted", c.events().about(victim.ref()).last().orElseThrow().kind());
  }

  @Test
  void aSnapshotDoesNotChangeWhenTheClusterMovesOn() {
    // Proves events() is a snapshot: later events are not seen through it, and its text and
    // digest stay what they were.
    Events snapshot = c.events();
    String text = snapshot.toString();
    String digest = snapshot.digest();
    c.getDeployment("shop/web").scale(4);
    c.settle();
    assertTrue(c.events().size() > snapshot.size());
    assertEquals(text, snapshot.toString());
    assertEquals(digest, snapshot.digest());
    assertEquals(text.lines().count(), snapshot.size());
  }
}

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
    deletedAt = c.elapsed();
    victim = c.pods("shop", "app=web").get(0);
    victim.delete();
    c.settle();
  }

  @Test
  void sinceKeepsExactlyTheEventsAtOrAfterTheTime() {
    // Proves since() is "at or after" and drops nothing after: the split at deletedAt
    // partitions the log.
    Events all = c.events();
    Events after = all.since(deletedAt);
    assertTrue(after.asList().stream().allMatch(e -> e.at().compareTo(deletedAt) >= 0));
    long before = all.asList().stream().filter(e -> e.at().compareTo(deletedAt) < 0).count();
    assertEquals(all.size(), before + after.size());
    assertEquals("Deleting", after.asList().get(0).kind(), after.toString());
    assertEquals(deletedAt, after.asList().get(0).at());
  }

  @Test
  void ofKindForObjectAndAboutCombine() {
    // Proves the filters: Scheduled events are about pods and there is one per pod ever
    // scheduled (2 originals + 1 replacement); about() selects one object's history.
    Events scheduled = c.events().ofKind("Scheduled");
    assertEquals(3, scheduled.size(), scheduled.toString());
    assertEquals(scheduled.size(), scheduled.forObject("Pod").size());
    assertEquals(0, c.events().ofKind("Scheduled").forObject("Node").size());
    assertEquals(2, c.events().ofKind("Scheduled", "Killing").since(deletedAt).size());

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

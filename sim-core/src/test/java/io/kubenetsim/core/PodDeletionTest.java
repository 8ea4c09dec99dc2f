package io.kubenetsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PodDeletionTest {
  private Cluster c;

  @BeforeEach
  void threeReadyWebPods() {
    c = KubeSim.cluster().nodes(3).seed(7).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(3).label("app", "web").containerPort("http", 8080)
        .create();
    c.settle();
  }

  private List<PodHandle> liveWebPods() {
    return c.pods("shop", "app=web").stream()
        .filter(p -> !p.get().metadata().isTerminating()).toList();
  }

  @Test
  void deletingADeploymentPodYieldsAReplacementWithANewNameAndADifferentIp() {
    // Proves a replacement is a new pod, not the old one restarted: new generated name, new
    // sandbox and so a new IP (host-local does not hand a freed IP out again at once).
    PodHandle victim = c.pods("shop", "app=web").get(0);
    String oldIp = victim.ip().orElseThrow();
    Set<String> before = c.pods("shop", "app=web").stream().map(PodHandle::name)
        .collect(Collectors.toSet());

    victim.delete();
    c.settle();

    List<PodHandle> after = c.pods("shop", "app=web");
    assertEquals(3, after.size(), Diagnostics.context(c));
    assertFalse(victim.exists(), "the deleted pod should be gone after settle()");
    List<PodHandle> replacements = after.stream().filter(p -> !before.contains(p.name())).toList();
    assertEquals(1, replacements.size(), "expected one new pod" + Diagnostics.context(c));
    PodHandle replacement = replacements.get(0);
    assertTrue(replacement.name().startsWith("web-"), replacement.name());
    assertTrue(replacement.isReady(), replacement + " should be Ready");
    assertNotEquals(oldIp, replacement.ip().orElseThrow(), "the replacement reused the old IP");
  }

  @Test
  void theDeletedPodShowsTerminatingForItsGracePeriodOnVirtualTime() {
    // Proves graceful deletion: deletionTimestamp = request time + 30 s, the pod object stays
    // (Terminating) while its replacement already runs, and disappears when the grace period
    // (the default stop delay lets a process ignore SIGTERM) has run out.
    PodHandle victim = c.pods("shop", "app=web").get(1);
    Instant deletedAt = c.now();

    victim.delete();

    Pod terminating = victim.get();
    assertEquals(deletedAt.plusSeconds(30), terminating.metadata().deletionTimestamp().orElseThrow());
    assertEquals(30L, terminating.metadata().deletionGracePeriodSeconds().orElseThrow());
    assertTrue(terminating.toString().contains("Terminating"), terminating.toString());

    c.runFor(Duration.ofSeconds(10));
    assertTrue(victim.exists(), "still Terminating 10 s into a 30 s grace period");
    assertEquals(3, liveWebPods().size(), "the replacement does not wait for the old pod"
        + Diagnostics.context(c));
    assertTrue(liveWebPods().stream().allMatch(PodHandle::isReady), Diagnostics.context(c));
    assertEquals(1, c.events().about(victim.ref()).ofKind("Killing").size(),
        "the kubelet should have started stopping the containers");

    c.runFor(Duration.ofSeconds(19));
    assertTrue(victim.exists(), "still there at +29 s");

    c.runFor(Duration.ofSeconds(2));
    assertFalse(victim.exists(), "gone once the grace period ran out" + Diagnostics.context(c));
    Duration removedAt = c.events().about(victim.ref()).ofKind("Deleted").last().orElseThrow()
        .at();
    Duration requestedAt = Duration.between(c.config().startTime(), deletedAt);
    Duration took = removedAt.minus(requestedAt);
    assertTrue(took.compareTo(Duration.ofSeconds(30)) >= 0
        && took.compareTo(Duration.ofSeconds(31)) < 0, "removed " + took + " after the request");
  }

  @Test
  void aZeroGracePeriodRemovesThePodAtOnce() {
    // Proves --force --grace-period=0: the API object goes in the same instant, no Terminating.
    PodHandle victim = c.pods("shop", "app=web").get(2);
    victim.delete(Duration.ZERO);
    assertFalse(victim.exists());
    c.settle();
    assertEquals(3, c.pods("shop", "app=web").size(), Diagnostics.context(c));
  }
}

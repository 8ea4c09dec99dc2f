package io.kubenetsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.PodHandle;
import io.kubenetsim.StatefulSetHandle;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodManagementPolicy;
import io.kubenetsim.model.StatefulSetStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * StatefulSet pod management on virtual time, as upstream's {@code TestStatefulSetControl}
 * ({@code CreatesPods}, {@code ScalesUp}, {@code ScalesDown}, {@code ReplacesPods}, Monotonic
 * and Burst) and its {@code assertMonotonicInvariants} check them: ordered creation, ordered
 * scale-down, parallel management, and a deleted pod coming back under its name.
 */
class StatefulSetOrderingTest {
  private final StatefulSetFixture f = new StatefulSetFixture(31);

  @Test
  void orderedReadyCreatesEachPodOnlyOnceThePreviousOneIsRunningAndReady() {
    // assertMonotonicInvariants, checked every 100 ms of virtual time: no web-i exists unless
    // web-(i-1) is Running and Ready.
    f.web(3, b -> b);
    for (int tick = 0; tick < 600; tick++) {
      f.c.runFor(Duration.ofMillis(100));
      for (int i = 1; i < 3; i++) {
        if (f.c.get(Pod.class, "shop", "web-" + i).isPresent()) {
          Pod previous = f.pod("web-" + (i - 1));
          assertTrue(previous.isReady(), "web-" + i + " exists before web-" + (i - 1)
              + " is Ready" + Diagnostics.context(f.c));
        }
      }
    }
    f.c.settle();
    StatefulSetHandle web = f.c.getStatefulSet("shop/web");
    assertEquals(List.of("web-0", "web-1", "web-2"),
        web.pods().stream().map(PodHandle::name).toList());
    for (int i = 1; i < 3; i++) {
      Duration created = f.times("SuccessfulCreate", "web-" + i).get(0);
      assertTrue(created.compareTo(f.readyAt(web.pods().get(i - 1))) > 0,
          "web-" + i + " created at " + created + Diagnostics.context(f.c));
    }
  }

  @ParameterizedTest(name = "{0}: {1} pods one second after creation")
  @CsvSource({"ORDERED_READY, 1", "PARALLEL, 3"})
  void parallelCreatesEveryPodAtOnce(PodManagementPolicy policy, int podsAfterOneSecond) {
    StatefulSetHandle web = f.web(3, b -> b.podManagementPolicy(policy));
    f.c.runFor(Duration.ofSeconds(1));
    assertEquals(podsAfterOneSecond, web.pods().size(), Diagnostics.context(f.c));
    assertTrue(web.pods().stream().noneMatch(PodHandle::isReady), "the probe takes 5 s");
    f.c.settle();
    assertEquals(3, web.get().status().readyReplicas());
  }

  @Test
  void orderedScaleDownRemovesTheHighestOrdinalFirstWaitingForEachToGo() {
    StatefulSetHandle web = f.web(4, b -> b);
    f.c.settle();
    web.scale(1);
    f.c.settle();
    assertEquals(List.of("web-3", "web-2", "web-1"), f.podsOf("SuccessfulDelete"));
    for (int i = 2; i >= 1; i--) {
      Duration deleted = f.times("SuccessfulDelete", "web-" + i).get(0);
      Duration previousGone = f.times("Deleted", "web-" + (i + 1)).get(0);
      assertTrue(deleted.compareTo(previousGone) > 0, "web-" + i + " deleted at " + deleted
          + ", before web-" + (i + 1) + " was gone at " + previousGone);
    }
    assertEquals(List.of("web-0"), web.pods().stream().map(PodHandle::name).toList());
    assertEquals(1, web.get().status().replicas());
  }

  @Test
  void parallelScaleDownDeletesEveryCondemnedPodInOneSync() {
    StatefulSetHandle web = f.web(4, b -> b.podManagementPolicy(PodManagementPolicy.PARALLEL));
    f.c.settle();
    web.scale(1);
    f.c.settle();
    assertEquals(List.of("web-3", "web-2", "web-1"), f.podsOf("SuccessfulDelete"));
    assertEquals(1, f.c.events().ofKind("SuccessfulDelete").asList().stream()
        .map(e -> e.at()).distinct().count(), "all three deletions at one instant");
  }

  @Test
  void aDeletedPodComesBackWithTheSameNameAndIdentityButANewIp() {
    // ReplacesPods: the replacement keeps name, hostname and subdomain, not uid or address.
    StatefulSetHandle web = f.web(3, b -> b);
    f.c.settle();
    Pod before = f.pod("web-1");
    f.c.getPod("shop/web-1").delete();
    f.c.settle();
    Pod after = f.pod("web-1");
    assertNotEquals(before.metadata().uid(), after.metadata().uid());
    assertNotEquals(before.status().podIP(), after.status().podIP());
    assertEquals("web-1", after.spec().hostname());
    assertEquals("web", after.spec().subdomain());
    assertTrue(after.isReady(), Diagnostics.context(f.c));
    assertTrue(f.times("SuccessfulCreate", "web-1").get(1)
        .compareTo(f.times("Deleted", "web-1").get(0)) > 0, "recreated only once the old one"
        + " was gone: the name is taken until then");
    assertEquals(List.of("web-0", "web-1", "web-2"),
        web.pods().stream().map(PodHandle::name).toList());
  }

  @Test
  void anUnreadyPodHoldsBackTheOrdinalsAfterIt() {
    // Monotonic: web-0 crash-looping never becomes Ready, so web-1 is never made.
    StatefulSetHandle web = f.web(3, b -> b);
    f.c.runFor(Duration.ofMillis(500));
    f.c.getPod("shop/web-0").crashLoop(true);
    f.c.runFor(Duration.ofMinutes(5));
    assertEquals(List.of("web-0"), web.pods().stream().map(PodHandle::name).toList());
    f.c.getPod("shop/web-0").crashLoop(false);
    f.c.settle();
    assertEquals(3, web.pods().size(), Diagnostics.context(f.c));
  }

  @Test
  void statusCountsTheReadyPodsAndNamesTheRevision() {
    StatefulSetHandle web = f.web(3, b -> b);
    f.c.settle();
    StatefulSetStatus status = web.get().status();
    String revision = "web-" + io.kubenetsim.core.controllers.PodTemplateHash.of(
        web.get().spec().template());
    assertEquals(new StatefulSetStatus(1, 3, 3, 3, 3, 3, revision, revision), status);
    assertTrue(web.pods().stream().allMatch(p -> p.get().metadata().labels()
        .get("controller-revision-hash").orElse("").equals(revision)));
  }

  @Test
  void minReadySecondsHoldsTheNextPodUntilThePreviousIsAvailable() {
    StatefulSetHandle web = f.web(2, b -> b.minReadySeconds(10));
    f.c.settle();
    Duration web1Created = f.times("SuccessfulCreate", "web-1").get(0);
    Duration web0Available = f.readyAt(web.pods().get(0)).plusSeconds(10);
    assertTrue(web1Created.compareTo(web0Available) >= 0,
        "web-1 created at " + web1Created + ", web-0 available at " + web0Available);
    assertEquals(2, web.get().status().availableReplicas());
  }

  @Test
  void ordinalsStartNamesThePodsFromIt() {
    StatefulSetHandle web = f.web(2, b -> b.ordinalsStart(5));
    f.c.settle();
    assertEquals(List.of("web-5", "web-6"), web.pods().stream().map(PodHandle::name).toList());
    assertEquals(java.util.Optional.of("5"), f.pod("web-5").metadata().labels()
        .get("apps.kubernetes.io/pod-index"));
  }
}

package io.kubenetsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.DeploymentHandle;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.ReplicaSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InformerLagTest {
  private static final Duration LAG = Duration.ofSeconds(2);

  @Test
  void controllersActOnAStaleViewUntilTheLagHasPassedThenConverge() {
    // Proves every watcher sees a write LAG later: right after create() nothing has reacted;
    // the ReplicaSet appears exactly one lag later, its pods one lag after that, and the
    // Deployment's status stays stale until the controllers have seen the pods run.
    Cluster c = KubeSim.cluster().nodes(2).seed(13).informerLag(LAG).build();
    c.createNamespace("shop");
    c.settle();
    DeploymentHandle web = c.deployment("shop/web").replicas(3).label("app", "web").create();

    assertTrue(c.list(ReplicaSet.class, "shop").isEmpty(), "no controller can have acted yet");
    assertTrue(c.list(Pod.class, "shop").isEmpty());

    c.runFor(LAG.minusMillis(1));
    assertTrue(c.list(ReplicaSet.class, "shop").isEmpty(), "1 ms before the lag ends, still nothing"
        + Diagnostics.context(c));

    c.runFor(Duration.ofMillis(1));
    assertEquals(1, c.list(ReplicaSet.class, "shop").size(), "the Deployment controller saw it"
        + Diagnostics.context(c));
    assertTrue(c.list(Pod.class, "shop").isEmpty(),
        "the ReplicaSet controller has not seen the RS");

    c.runFor(LAG);
    assertEquals(3, c.list(Pod.class, "shop").size(), Diagnostics.context(c));
    assertTrue(c.list(Pod.class, "shop").stream().allMatch(p -> p.spec().nodeName().isEmpty()),
        "the scheduler has not seen the pods yet");
    assertEquals(0, web.get().status().readyReplicas());

    c.settle();
    assertEquals(3, web.get().status().readyReplicas(), Diagnostics.context(c));
    assertTrue(c.pods("shop", "app=web").stream().allMatch(PodHandle::isReady));
  }

  @Test
  void aLaggingReplicaSetControllerNeverCreatesPodsTwice() {
    // Proves the expectations: a pod deleted while the controller's view still lists it gets
    // exactly one replacement, however many events arrive in the stale window.
    Cluster c = KubeSim.cluster().nodes(2).seed(14).informerLag(LAG).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(3).label("app", "web").create();
    c.settle();
    c.pods("shop", "app=web").get(0).delete(Duration.ZERO);
    c.pods("shop", "app=web").get(0).delete(Duration.ZERO);
    c.settle();
    assertEquals(3, c.pods("shop", "app=web").size(), Diagnostics.context(c));
    assertEquals(5, c.events().ofKind("SuccessfulCreate").inNamespace("shop").size());
  }
}

package io.kubenetsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.StatefulSetHandle;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodManagementPolicy;
import io.kubenetsim.model.StatefulSetUpdateStrategy;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link DeterminismTest}'s check for StatefulSets: the same seed and calls give a
 * byte-identical event log through ordered and parallel creation, a rolling update with a
 * partition, a pod recreated under its name, scaling both ways and a node lost and removed.
 */
class StatefulSetDeterminismTest {

  static Cluster statefulScenario(long seed) {
    Cluster c = KubeSim.cluster().nodes(3).seed(seed).build();
    c.createNamespace("db");
    c.service("db/pg").selector("app", "pg").port("pg", 5432, "pg").headless().create();
    c.configMap("db/settings").data("mode", "ha").create();
    StatefulSetHandle pg = c.statefulSet("db/pg").serviceName("pg").replicas(3)
        .label("app", "pg").containerPort("pg", 5432)
        .updateStrategy(StatefulSetUpdateStrategy.rollingUpdate(1)).create();
    StatefulSetHandle cache = c.statefulSet("db/cache").serviceName("pg").replicas(2)
        .label("app", "cache").podManagementPolicy(PodManagementPolicy.PARALLEL).create();
    c.runFor(Duration.ofSeconds(2));
    pg.setImage("postgres:17");
    c.settle();
    c.getPod("db/pg-1").delete();
    cache.scale(4);
    c.runFor(Duration.ofSeconds(1));
    pg.scale(5);
    c.settle();
    c.node("node-2").fail();
    c.runFor(Duration.ofSeconds(50 + 300 + 10));
    c.node("node-2").remove();
    c.settle();
    pg.scale(2);
    cache.scale(1);
    c.settle();
    return c;
  }

  private static String pods(Cluster c) {
    return c.list(Pod.class).stream()
        .map(p -> p.metadata().key() + " " + p.status().podIP() + " " + p.spec().nodeName())
        .collect(Collectors.joining("\n"));
  }

  @Test
  void theSameSeedGivesAByteIdenticalEventLog() {
    Cluster first = statefulScenario(42);
    Cluster second = statefulScenario(42);
    assertTrue(first.events().ofKind("SuccessfulCreate").size() > 10,
        "the scenario should be busy: " + first.events().ofKind("SuccessfulCreate").size());
    assertEquals(first.events().toString(), second.events().toString());
    assertEquals(first.events().digest(), second.events().digest());
    assertEquals(pods(first), pods(second));
  }

  @Test
  void anotherSeedGivesOtherAddressesOrPlacement() {
    assertNotEquals(pods(statefulScenario(42)), pods(statefulScenario(4242)));
  }

  @Test
  void theScenarioEndsConvergedWithStableNames() {
    Cluster c = statefulScenario(42);
    assertEquals("db/cache-0 db/pg-0 db/pg-1", c.list(Pod.class).stream()
        .filter(p -> p.metadata().namespace().equals("db"))
        .map(p -> p.metadata().key().toString()).collect(Collectors.joining(" ")),
        Diagnostics.context(c));
    assertTrue(c.list(Pod.class).stream().allMatch(Pod::isReady), Diagnostics.context(c));
  }
}

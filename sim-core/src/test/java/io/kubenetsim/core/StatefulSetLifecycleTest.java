package io.kubenetsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.StatefulSetHandle;
import io.kubenetsim.event.SimEvent;
import io.kubenetsim.manifest.ValidationException;
import io.kubenetsim.model.ConfigMap;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.StatefulSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A StatefulSet among the other components: its pods' hostnames in the governing Service's
 * EndpointSlices (upstream's {@code podToEndpoint}: hostname only when the pod's subdomain is
 * the Service's name), the garbage collector, pod creation failing on a template the set's own
 * validation lets through, namespace deletion, and rejected writes that change nothing.
 */
class StatefulSetLifecycleTest {
  private final StatefulSetFixture f = new StatefulSetFixture(53);

  private Map<String, String> hostnames(String service) {
    Map<String, String> byPod = new TreeMap<>();
    for (EndpointSlice slice : f.c.list(EndpointSlice.class)) {
      if (slice.serviceName().equals(service)) {
        for (Endpoint e : slice.endpoints()) {
          byPod.put(e.targetRef().map(r -> r.name()).orElse("?"), e.hostname());
        }
      }
    }
    return byPod;
  }

  @Test
  void theGoverningServicesSlicesCarryEachPodsHostnameAndOtherServicesDoNot() {
    f.c.service("shop/web-lb").selector("app", "web").port("http", 80, "http").create();
    f.web(3, b -> b);
    f.c.settle();
    assertEquals(Map.of("web-0", "web-0", "web-1", "web-1", "web-2", "web-2"),
        hostnames("web"));
    assertEquals(Map.of("web-0", "", "web-1", "", "web-2", ""), hostnames("web-lb"));
  }

  @Test
  void deletingTheSetCollectsItsPods() {
    StatefulSetHandle web = f.web(2, b -> b);
    f.c.settle();
    web.delete();
    f.c.settle();
    assertFalse(web.exists());
    assertEquals(List.of(), f.c.list(Pod.class).stream()
        .filter(p -> p.metadata().namespace().equals("shop")).toList());
    assertEquals(List.of("web-0", "web-1"), f.podsOf("GarbageCollected"));
  }

  @Test
  void aTemplateNoPodMayHaveIsAcceptedAndItsPodsFailToCreate() {
    // As upstream: ValidateStatefulSetSpec leaves the pod spec to pod creation.
    StatefulSet set = StatefulSet.of("shop", "bad", 2, "web",
        io.kubenetsim.model.Labels.of("app", "bad"), Container.of("Bad_Name", "nginx",
            List.of()));
    f.c.apply(set);
    f.c.settle();
    assertEquals(List.of(), f.c.getStatefulSet("shop/bad").pods());
    List<SimEvent> failed = f.c.events().ofKind("FailedCreate").asList();
    assertEquals(1, failed.size(), failed.toString());
    assertTrue(failed.get(0).detail().startsWith("create Pod bad-0 in StatefulSet bad failed "
        + "error: Pod \"bad-0\" is invalid: spec.containers[0].name: Invalid value: "
        + "\"Bad_Name\""), failed.get(0).detail());
  }

  @Test
  void aForbiddenUpdateIsRejectedAndChangesNothing() {
    StatefulSetHandle web = f.web(1, b -> b);
    f.c.settle();
    StatefulSet before = web.get();
    ValidationException e = assertThrows(ValidationException.class, () -> f.c.apply(
        before.withSpec(before.spec().withServiceName("other").withReplicas(3))));
    assertTrue(e.getMessage().contains("spec: Forbidden: updates to statefulset spec for fields"
        + " other than 'replicas', 'ordinals', 'template', 'updateStrategy', "
        + "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"),
        e.getMessage());
    assertEquals(before, web.get());
    f.c.settle();
    assertEquals(1, web.pods().size());
  }

  @Test
  void anImmutableConfigMapRefusesNewDataAndKeepsItsOwn() {
    ConfigMap stored = f.c.configMap("shop/settings").data("mode", "a").immutable().create();
    ValidationException e = assertThrows(ValidationException.class, () -> f.c.apply(
        stored.withData(Map.of("mode", "b"))));
    assertTrue(e.getMessage().contains("data: Forbidden: field is immutable when `immutable` is"
        + " set"), e.getMessage());
    assertEquals(Optional.of("a"), f.c.get(ConfigMap.class, "shop", "settings").orElseThrow()
        .get("mode"));
  }

  @Test
  void deletingTheNamespaceTakesTheSetItsPodsAndConfigMapsWithIt() {
    f.web(2, b -> b);
    f.c.configMap("shop/settings").data("mode", "a").create();
    f.c.settle();
    f.c.delete(io.kubenetsim.model.ObjectRef.clusterScoped("Namespace", "shop"));
    f.c.settle();
    assertTrue(f.c.namespaces().stream().noneMatch(n -> n.metadata().name().equals("shop")),
        Diagnostics.context(f.c));
    assertEquals(List.of(), f.c.list(StatefulSet.class));
    assertEquals(List.of(), f.c.list(ConfigMap.class).stream()
        .filter(m -> m.metadata().namespace().equals("shop")).toList());
  }

  @Test
  void aNamespaceHoldingOnlyAConfigMapIsFinalizedAtOnce() {
    f.c.createNamespace("cfg");
    f.c.configMap("cfg/settings").data("mode", "a").create();
    f.c.delete(io.kubenetsim.model.ObjectRef.clusterScoped("Namespace", "cfg"));
    f.c.settle();
    assertTrue(f.c.namespaces().stream().noneMatch(n -> n.metadata().name().equals("cfg")),
        "nothing waited on a kubelet, so nothing should keep the namespace");
  }
}

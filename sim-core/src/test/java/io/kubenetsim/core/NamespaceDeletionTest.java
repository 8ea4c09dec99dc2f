package io.kubenetsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.ApiException;
import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.ReplicaSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamespaceDeletionTest {

  private static boolean inShop(List<? extends io.kubenetsim.model.KubernetesObject> objects) {
    return objects.stream().anyMatch(o -> o.metadata().namespace().equals("shop"));
  }

  @Test
  void deletingANamespaceRemovesItsContentsThenTheNamespace() {
    // Proves the namespace controller's order: the namespace turns Terminating at once and
    // refuses new content; its Deployments, ReplicaSets and pods are deleted; the Namespace
    // itself goes only after its last pod has finished terminating. Other namespaces are
    // untouched.
    Cluster c = KubeSim.cluster().nodes(2).seed(15).build();
    c.createNamespace("shop");
    c.createNamespace("ops");
    c.deployment("shop/web").replicas(3).label("app", "web").create();
    c.deployment("ops/api").replicas(2).label("app", "api").create();
    c.pod("shop/debug").label("app", "debug").create();
    c.settle();

    c.delete(ObjectRef.clusterScoped(Namespace.KIND, "shop"));

    assertEquals("Terminating",
        c.get(Namespace.class, "", "shop").orElseThrow().phase());
    ApiException refused = assertThrows(ApiException.class,
        () -> c.pod("shop/late").label("app", "late").create());
    assertEquals(ApiException.Reason.FORBIDDEN, refused.reason());

    c.runFor(Duration.ofSeconds(5));
    assertTrue(c.get(Namespace.class, "", "shop").isPresent(), "pods are still terminating");
    assertTrue(!inShop(c.list(Deployment.class)) && !inShop(c.list(ReplicaSet.class)),
        "Deployments and ReplicaSets go at once" + Diagnostics.context(c));
    assertTrue(c.pods("shop", "").stream().allMatch(p -> p.get().metadata().isTerminating()),
        Diagnostics.context(c));

    c.settle();
    assertTrue(c.get(Namespace.class, "", "shop").isEmpty(), Diagnostics.context(c));
    assertTrue(!inShop(c.list(Pod.class)), Diagnostics.context(c));
    assertEquals(1, c.events().ofKind("NamespaceDeleted").size());
    assertEquals(2, c.pods("ops", "app=api").size(), "ops is untouched");
    assertTrue(c.pods("ops", "app=api").stream().allMatch(p -> p.isReady()));
    assertTrue(c.events().ofKind("NamespaceDeleted").last().orElseThrow().at()
        .compareTo(c.events().ofKind("Deleted").last().orElseThrow().at()) >= 0,
        "the namespace went before its last pod");
  }

  @Test
  void systemNamespacesCannotBeDeleted() {
    Cluster c = KubeSim.cluster().nodes(1).build();
    ApiException e = assertThrows(ApiException.class,
        () -> c.delete(ObjectRef.clusterScoped(Namespace.KIND, "kube-system")));
    assertEquals(ApiException.Reason.FORBIDDEN, e.reason());
    assertEquals("Active", c.get(Namespace.class, "", "kube-system").orElseThrow().phase());
  }
}

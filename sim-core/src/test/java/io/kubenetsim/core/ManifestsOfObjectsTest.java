package io.kubenetsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code KubeSim.toYaml} is how objects made in code (a property test's counterexample) become a
 * manifest anyone can apply: what it writes, applied to a fresh cluster, must give back the same
 * specs, and each object must be its own {@code ---} document, as {@code kubectl apply -f}
 * reads a multi-document file.
 */
class ManifestsOfObjectsTest {

  @Test
  void objectsWrittenAsYamlApplyToTheSameSpecsInAFreshCluster() {
    Cluster first = KubeSim.cluster().nodes(2).seed(3).build();
    first.createNamespace("shop");
    first.deployment("shop/web").replicas(2).label("app", "web").containerPort("http", 8080)
        .create();
    first.service("shop/web").selector("app", "web").port("http", 80, "http")
        .type(ServiceType.NODE_PORT).create();
    first.networkPolicy("shop/web-from-shop").podSelector("app=web")
        .ingress(r -> r.fromNamespace("kubernetes.io/metadata.name", "shop").port(8080))
        .create();
    first.settle();
    List<KubernetesObject> objects = List.of(
        first.get(Namespace.class, "", "shop").orElseThrow(),
        first.get(Deployment.class, "shop", "web").orElseThrow(),
        first.get(Service.class, "shop", "web").orElseThrow(),
        first.get(NetworkPolicy.class, "shop", "web-from-shop").orElseThrow());

    String yaml = KubeSim.toYaml(objects);

    assertEquals(4, yaml.lines().filter(l -> l.equals("---")).count(), yaml);
    assertTrue(yaml.startsWith("---\napiVersion: v1\nkind: Namespace\n"), yaml);
    Cluster second = KubeSim.cluster().nodes(2).seed(9).build();
    second.applyYaml(yaml);
    second.settle();
    for (KubernetesObject object : objects.subList(1, objects.size())) {
      KubernetesObject applied = second.get(object.getClass(), object.metadata().namespace(),
          object.metadata().name()).orElseThrow();
      assertEquals(spec(object), spec(applied), object.kind() + " " + object.metadata().key());
    }
  }

  private static Object spec(KubernetesObject object) {
    if (object instanceof Deployment d) {
      return d.spec();
    }
    if (object instanceof Service s) {
      return s.spec();
    }
    return ((NetworkPolicy) object).spec();
  }
}

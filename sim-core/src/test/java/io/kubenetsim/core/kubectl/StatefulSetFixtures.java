package io.kubenetsim.core.kubectl;

import static io.kubenetsim.core.kubectl.Fixtures.created;

import io.kubenetsim.ConfigMapBuilder;
import io.kubenetsim.StatefulSetBuilder;
import io.kubenetsim.model.ByteString;
import io.kubenetsim.model.ConfigMap;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.StatefulSet;
import io.kubenetsim.model.StatefulSetStatus;
import java.time.Duration;
import java.util.List;

/**
 * StatefulSets (ready, rolling out, scaled to zero) and ConfigMaps (text only, text and binary,
 * empty) as the API server holds them, with creation times, for the golden tables.
 */
final class StatefulSetFixtures {

  private StatefulSetFixtures() {}

  static List<KubernetesObject> goldenObjects() {
    return List.of(
        set("shop/web", 3, 2, "nginx:1.27", Duration.ofHours(5)),
        set("shop/db", 1, 1, "postgres:16", Duration.ofDays(3)),
        set("kube-system/etcd", 0, 0, "registry.k8s.io/etcd:3.5.15-0", Duration.ofDays(30)),
        stored(new ConfigMapBuilder(NamespacedName.parse("kube-system/coredns"), m -> m)
            .data("Corefile", ".:53 {\n    forward . /etc/resolv.conf\n}\n"),
            Duration.ofDays(30)),
        stored(new ConfigMapBuilder(NamespacedName.parse("shop/assets"), m -> m)
            .data("index.html", "<html/>").data("style.css", "body {}")
            .binaryData("logo.png", ByteString.of(new byte[] {(byte) 0x89, 'P', 'N', 'G'})),
            Duration.ofMinutes(7)),
        stored(new ConfigMapBuilder(NamespacedName.parse("shop/empty"), m -> m),
            Duration.ofSeconds(40)));
  }

  private static StatefulSet set(String namespacedName, int replicas, int ready, String image,
      Duration age) {
    NamespacedName key = NamespacedName.parse(namespacedName);
    StatefulSet set = new StatefulSetBuilder(key, s -> null).replicas(replicas)
        .serviceName(key.name()).label("app", key.name()).image(image).build();
    return set.withMetadata(created(set.metadata(), age)).withStatus(new StatefulSetStatus(1,
        ready, ready, ready, ready, ready, key.name() + "-1", key.name() + "-1"));
  }

  private static ConfigMap stored(ConfigMapBuilder builder, Duration age) {
    ConfigMap configMap = builder.build();
    return configMap.withMetadata(created(configMap.metadata(), age));
  }
}

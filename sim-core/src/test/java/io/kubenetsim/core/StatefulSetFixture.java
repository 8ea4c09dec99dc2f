package io.kubenetsim.core;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.StatefulSetBuilder;
import io.kubenetsim.StatefulSetHandle;
import io.kubenetsim.event.SimEvent;
import io.kubenetsim.model.Condition;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.Probe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A three-node cluster with namespace {@code shop} and a headless Service {@code web} for
 * StatefulSet tests, plus readings of the event log in virtual time: when a pod was created,
 * deleted or removed, and when it became Ready.
 */
final class StatefulSetFixture {
  final Cluster c;
  private final Instant start;

  StatefulSetFixture(long seed) {
    c = KubeSim.cluster().nodes(3).seed(seed).build();
    start = c.now();
    c.createNamespace("shop");
    c.service("shop/web").selector("app", "web").port("http", 80, "http").headless().create();
  }

  /** Creates {@code shop/web}: governed by {@code web}, a 5 s readiness probe, then more. */
  StatefulSetHandle web(int replicas, UnaryOperator<StatefulSetBuilder> more) {
    return more.apply(c.statefulSet("shop/web").serviceName("web").replicas(replicas)
        .label("app", "web").containerPort("http", 8080)
        .readinessProbe(Probe.defaults().withInitialDelaySeconds(5))).create();
  }

  /** {@return the times (since the start) of the events of this kind about a pod, in order} */
  List<Duration> times(String kind, String pod) {
    return c.events().ofKind(kind).about(ObjectRef.namespaced("Pod",
        io.kubenetsim.model.NamespacedName.of("shop", pod))).asList().stream()
        .map(SimEvent::at).toList();
  }

  /** {@return the names of the pods the events of this kind were about, in order} */
  List<String> podsOf(String kind) {
    return c.events().ofKind(kind).forObject("Pod").asList().stream()
        .map(e -> e.object().name()).toList();
  }

  /** {@return when the pod's Ready condition last turned True, since the start} */
  Duration readyAt(PodHandle pod) {
    Condition ready = pod.get().status().condition("Ready").filter(Condition::isTrue)
        .orElseThrow(() -> new AssertionError(pod.name() + " is not Ready"));
    return Duration.between(start, ready.lastTransitionTime());
  }

  /** {@return the live pod with this name} */
  Pod pod(String name) {
    return c.getPod("shop/" + name).get();
  }

  /** {@return the image of a pod's only container} */
  String image(String name) {
    return pod(name).spec().containers().get(0).image();
  }
}

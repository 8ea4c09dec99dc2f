package io.kubenetsim.core;

import io.kubenetsim.PodHandle;
import io.kubenetsim.StatefulSetHandle;
import io.kubenetsim.core.controllers.OwnerIndex;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodTemplateSpec;
import io.kubenetsim.model.StatefulSet;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** A {@link StatefulSetHandle} that reads the store on every call and writes as a user does. */
final class LiveStatefulSet extends LiveObject<StatefulSet> implements StatefulSetHandle {

  LiveStatefulSet(ControlPlane plane, ObjectRef ref) {
    super(plane, ref, StatefulSet.class);
  }

  @Override
  public List<PodHandle> pods() {
    String uid = get().metadata().uid();
    return plane.store.list(Pod.class, ref.namespace()).stream()
        .filter(p -> OwnerIndex.keys(p).contains(uid))
        .sorted(Comparator.comparingLong(LiveStatefulSet::ordinal)
            .thenComparing(p -> p.metadata().name()))
        .map(p -> (PodHandle) new LivePod(plane, p.ref())).toList();
  }

  /** {@return the number a pod's name ends with, for sorting web-2 before web-10} */
  private static long ordinal(Pod pod) {
    String name = pod.metadata().name();
    int dash = name.lastIndexOf('-');
    try {
      return Long.parseLong(name.substring(dash + 1));
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  @Override
  public void scale(int replicas) {
    change(s -> s.withSpec(s.spec().withReplicas(replicas)), "Scaled",
        "replicas set to " + replicas);
  }

  @Override
  public void restart() {
    String at = DateTimeFormatter.ISO_INSTANT.format(plane.sim.clock().now());
    change(s -> s.withSpec(s.spec().withTemplate(annotate(s.spec().template(), at))),
        "RolloutRestart", "restartedAt " + at);
  }

  private static PodTemplateSpec annotate(PodTemplateSpec template, String at) {
    TreeMap<String, String> annotations = new TreeMap<>(template.metadata().annotations());
    annotations.put("kubectl.kubernetes.io/restartedAt", at);
    return template.withMetadata(template.metadata().withAnnotations(annotations));
  }

  @Override
  public void setImage(String image) {
    change(s -> s.withSpec(s.spec().withTemplate(s.spec().template().withSpec(
        s.spec().template().spec().withContainers(s.spec().template().spec().containers()
            .stream().map(c -> new Container(c.name(), image, c.ports(), c.readinessProbe()))
            .toList())))), "ImageSet", "image set to " + image);
  }

  @Override
  public void delete() {
    plane.store.delete(ref, Optional.empty(), "Deleting", "deleted by the user");
  }

  private void change(UnaryOperator<StatefulSet> edit, String reason, String detail) {
    plane.store.update(edit.apply(get()), reason, detail);
  }
}

package io.kubenetsim.core;

import io.kubenetsim.DeploymentHandle;
import io.kubenetsim.PodHandle;
import io.kubenetsim.core.controllers.OwnerIndex;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodTemplateSpec;
import io.kubenetsim.model.ReplicaSet;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** A {@link DeploymentHandle} that reads the store on every call and writes as a user does. */
final class LiveDeployment extends LiveObject<Deployment> implements DeploymentHandle {

  LiveDeployment(ControlPlane plane, ObjectRef ref) {
    super(plane, ref, Deployment.class);
  }

  @Override
  public List<ReplicaSet> replicaSets() {
    String uid = get().metadata().uid();
    return plane.store.list(ReplicaSet.class, ref.namespace()).stream()
        .filter(rs -> OwnerIndex.keys(rs).contains(uid)).toList();
  }

  @Override
  public List<PodHandle> pods() {
    Set<String> owners = replicaSets().stream().map(rs -> rs.metadata().uid())
        .collect(Collectors.toSet());
    return plane.store.list(Pod.class, ref.namespace()).stream()
        .filter(p -> OwnerIndex.keys(p).stream().anyMatch(owners::contains))
        .map(p -> (PodHandle) new LivePod(plane, p.ref())).toList();
  }

  @Override
  public void scale(int replicas) {
    change(d -> d.withSpec(d.spec().withReplicas(replicas)), "Scaled",
        "replicas set to " + replicas);
  }

  @Override
  public void restart() {
    String at = DateTimeFormatter.ISO_INSTANT.format(plane.sim.clock().now());
    change(d -> d.withSpec(d.spec().withTemplate(annotate(d.spec().template(), at))),
        "RolloutRestart", "restartedAt " + at);
  }

  private static PodTemplateSpec annotate(PodTemplateSpec template, String at) {
    var annotations = new java.util.TreeMap<>(template.metadata().annotations());
    annotations.put("kubectl.kubernetes.io/restartedAt", at);
    return template.withMetadata(template.metadata().withAnnotations(annotations));
  }

  @Override
  public void setImage(String image) {
    change(d -> d.withSpec(d.spec().withTemplate(d.spec().template().withSpec(
        d.spec().template().spec().withContainers(d.spec().template().spec().containers()
            .stream().map(c -> new Container(c.name(), image, c.ports(), c.readinessProbe()))
            .toList())))), "ImageSet", "image set to " + image);
  }

  @Override
  public void delete() {
    plane.store.delete(ref, Optional.empty(), "Deleting", "deleted by the user");
  }

  private void change(UnaryOperator<Deployment> edit, String reason, String detail) {
    plane.store.update(edit.apply(get()), reason, detail);
  }
}

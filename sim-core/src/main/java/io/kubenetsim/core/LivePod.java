package io.kubenetsim.core;

import io.kubenetsim.PodHandle;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Pod;
import java.time.Duration;
import java.util.Optional;

/** A {@link PodHandle} that reads the store on every call. */
final class LivePod implements PodHandle {
  private final ControlPlane plane;
  private final ObjectRef ref;

  LivePod(ControlPlane plane, ObjectRef ref) {
    this.plane = plane;
    this.ref = ref;
  }

  @Override
  public ObjectRef ref() {
    return ref;
  }

  @Override
  public boolean exists() {
    return plane.store.get(ref).isPresent();
  }

  @Override
  public Pod get() {
    return (Pod) plane.store.get(ref).orElseThrow(() -> ApiStore.notFound(ref));
  }

  @Override
  public void delete() {
    plane.store.delete(ref, Optional.empty(), "Deleting", "deleted by the user");
  }

  @Override
  public void delete(Duration gracePeriod) {
    plane.store.delete(ref, Optional.of(gracePeriod.toSeconds()), "Deleting",
        "deleted by the user, grace period " + gracePeriod.toSeconds() + "s");
  }

  @Override
  public void crash() {
    onKubelet(true, false);
  }

  @Override
  public void crashLoop(boolean crashing) {
    onKubelet(false, crashing);
  }

  private void onKubelet(boolean once, boolean crashing) {
    Pod pod = get();
    String node = pod.spec().nodeName();
    if (node.isEmpty()) {
      throw new IllegalStateException("pod " + ref.key() + " is not running on a node yet "
          + "(phase " + pod.status().phase() + "); settle() or runFor(...) first");
    }
    plane.kubelets.kubelet(node).ifPresent(k -> {
      if (once) {
        k.crash(ref.key());
      } else {
        k.crashLoop(ref.key(), crashing);
      }
    });
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LivePod p && p.ref.equals(ref);
  }

  @Override
  public int hashCode() {
    return ref.hashCode();
  }

  @Override
  public String toString() {
    return plane.store.get(ref).map(Object::toString).orElse("Pod " + ref.key() + " (deleted)");
  }
}

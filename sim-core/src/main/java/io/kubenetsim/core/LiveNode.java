package io.kubenetsim.core;

import io.kubenetsim.NodeHandle;
import io.kubenetsim.PodHandle;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Pod;
import java.util.List;
import java.util.Optional;

/** A {@link NodeHandle} that reads the store on every call. */
final class LiveNode implements NodeHandle {
  private final ControlPlane plane;
  private final String name;

  LiveNode(ControlPlane plane, String name) {
    this.plane = plane;
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean exists() {
    return plane.store.get(Node.class, key()).isPresent();
  }

  @Override
  public Node get() {
    return plane.store.get(Node.class, key())
        .orElseThrow(() -> ApiStore.notFound(ObjectRef.clusterScoped(Node.KIND, name)));
  }

  @Override
  public List<PodHandle> pods() {
    return plane.store.list(Pod.class).stream()
        .filter(p -> p.spec().nodeName().equals(name))
        .map(p -> (PodHandle) new LivePod(plane, p.ref())).toList();
  }

  @Override
  public void fail() {
    get();
    plane.kubelets.kubelet(name).ifPresent(k -> {
      if (k.isUp()) {
        k.fail();
        plane.sim.log().record("NodeFailed", ObjectRef.clusterScoped(Node.KIND, name),
            "kubelet stopped; pods on the node stop answering");
        plane.nodeLifecycle.heartbeatsStopped(name);
      }
    });
  }

  @Override
  public void recover() {
    get();
    plane.kubelets.kubelet(name).ifPresent(k -> {
      if (!k.isUp()) {
        plane.sim.log().record("NodeRecovered", ObjectRef.clusterScoped(Node.KIND, name),
            "kubelet running again");
        List<Pod> bound = plane.store.list(Pod.class).stream()
            .filter(p -> p.spec().nodeName().equals(name)).toList();
        k.recover(bound);
        plane.nodeLifecycle.heartbeatsResumed(name);
      }
    });
  }

  @Override
  public void remove() {
    plane.store.delete(ObjectRef.clusterScoped(Node.KIND, name), Optional.empty(), "Deleting",
        "node removed by the user");
  }

  private NamespacedName key() {
    return NamespacedName.of("", name);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LiveNode n && n.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return plane.store.get(Node.class, key()).map(Object::toString)
        .orElse("Node " + name + " (removed)");
  }
}

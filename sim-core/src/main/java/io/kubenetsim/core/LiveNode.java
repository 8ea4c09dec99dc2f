package io.kubenetsim.core;

import io.kubenetsim.Connection;
import io.kubenetsim.KubeProxyView;
import io.kubenetsim.NodeHandle;
import io.kubenetsim.core.net.Source;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.PodHandle;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Pod;
import java.util.List;
import java.util.Optional;

/** A {@link NodeHandle} that reads the store on every call. */
final class LiveNode extends LiveObject<Node> implements NodeHandle {
  private final String name;

  LiveNode(ControlPlane plane, String name) {
    super(plane, ObjectRef.clusterScoped(Node.KIND, name), Node.class);
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public KubeProxyView proxy() {
    get();
    return new LiveKubeProxy(plane, name);
  }

  @Override
  public Connection connect(String ip, int port, Protocol protocol) {
    IpAddress source = get().internalIP().flatMap(IpAddress::tryParse).orElseThrow(() ->
        new IllegalStateException("node " + name + " has no InternalIP address"));
    return plane.lastConnection.record(plane.dataplane.connect(new Source(Source.Kind.NODE,
        source, Optional.of(name), true, "node " + name), IpAddress.parse(ip), port, protocol));
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
    if (plane.kubelets.fail(name)) {
      plane.sim.log().record("NodeFailed", ObjectRef.clusterScoped(Node.KIND, name),
          "kubelet stopped; pods on the node stop answering");
      plane.nodeLifecycle.heartbeatsStopped(name);
    }
  }

  @Override
  public void recover() {
    get();
    if (plane.kubelets.kubelet(name).filter(k -> !k.isUp()).isPresent()) {
      plane.sim.log().record("NodeRecovered", ObjectRef.clusterScoped(Node.KIND, name),
          "kubelet running again");
      plane.kubelets.recover(name, () -> plane.store.list(Pod.class).stream()
          .filter(p -> p.spec().nodeName().equals(name)).toList());
      plane.nodeLifecycle.heartbeatsResumed(name);
    }
  }

  @Override
  public void remove() {
    plane.store.delete(ObjectRef.clusterScoped(Node.KIND, name), Optional.empty(), "Deleting",
        "node removed by the user");
  }
}

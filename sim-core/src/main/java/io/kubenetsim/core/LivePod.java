package io.kubenetsim.core;

import io.kubenetsim.Connection;
import io.kubenetsim.PodHandle;
import io.kubenetsim.core.net.Source;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Pod;
import java.time.Duration;
import java.util.Optional;

/** A {@link PodHandle} that reads the store on every call. */
final class LivePod extends LiveObject<Pod> implements PodHandle {

  LivePod(ControlPlane plane, ObjectRef ref) {
    super(plane, ref, Pod.class);
  }

  @Override
  public Connection connect(String ip, int port, Protocol protocol) {
    Pod pod = get();
    String node = pod.spec().nodeName();
    IpAddress source = IpAddress.tryParse(pod.status().podIP()).orElseThrow(() ->
        new IllegalStateException("pod " + ref.key() + " has no IP yet (phase "
            + pod.status().phase() + "); settle() or runFor(...) first"));
    return plane.dataplane.connect(new Source(Source.Kind.POD, source, Optional.of(node),
        pod.spec().hostNetwork(), "pod " + ref.key()), IpAddress.parse(ip), port, protocol);
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
}

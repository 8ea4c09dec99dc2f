package io.kubenetsim.core.store;

import io.kubenetsim.model.ConfigMap;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.NodeStatus;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.ReplicaSet;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceStatus;
import io.kubenetsim.model.StatefulSet;
import java.util.Objects;

/**
 * What the API server keeps from the stored object when a user updates it: the status
 * (written through the status subresource, not by {@code kubectl apply}) and, for a Node, what
 * its kubelet reports. Also decides whether the spec changed, which bumps {@code generation}.
 */
final class ServerFields {

  private ServerFields() {}

  /** {@return the user's update with the server-owned parts of the stored object kept} */
  static KubernetesObject keepStatus(KubernetesObject stored, KubernetesObject updated) {
    if (updated instanceof Pod pod) {
      return pod.withStatus(((Pod) stored).status());
    }
    if (updated instanceof Deployment deployment) {
      return deployment.withStatus(((Deployment) stored).status());
    }
    if (updated instanceof ReplicaSet replicaSet) {
      return replicaSet.withStatus(((ReplicaSet) stored).status());
    }
    if (updated instanceof StatefulSet statefulSet) {
      return statefulSet.withStatus(((StatefulSet) stored).status());
    }
    if (updated instanceof Node node) {
      NodeStatus old = ((Node) stored).status();
      NodeStatus mine = node.status();
      // Addresses come from whoever registers the node; conditions only from its kubelet.
      return node.withStatus(new NodeStatus(
          mine.addresses().isEmpty() ? old.addresses() : mine.addresses(),
          mine.podCapacity(), old.conditions(), old.nodeInfo()));
    }
    if (updated instanceof Service service) {
      // A manifest may carry the load balancer's status, as a cloud controller writes it; the
      // type-change defaulting has already cleared it for a Service that left LoadBalancer.
      boolean loadBalancer = "LoadBalancer".equals(service.spec().type());
      return service.withStatus(!loadBalancer ? ServiceStatus.empty()
          : service.status().loadBalancerIngress().isEmpty() ? ((Service) stored).status()
              : service.status());
    }
    if (updated instanceof Namespace namespace) {
      return new Namespace(namespace.metadata(), ((Namespace) stored).phase());
    }
    return updated;
  }

  /** {@return whether the desired state (spec) differs, which bumps metadata.generation} */
  static boolean specChanged(KubernetesObject old, KubernetesObject updated) {
    if (old instanceof Pod a && updated instanceof Pod b) {
      // Binding goes through the binding subresource, which does not bump the generation.
      return !a.spec().withNodeName("").equals(b.spec().withNodeName(""));
    }
    if (old instanceof Deployment a && updated instanceof Deployment b) {
      return !a.spec().equals(b.spec());
    }
    if (old instanceof ReplicaSet a && updated instanceof ReplicaSet b) {
      return !a.spec().equals(b.spec());
    }
    if (old instanceof StatefulSet a && updated instanceof StatefulSet b) {
      return !a.spec().equals(b.spec());
    }
    if (old instanceof ConfigMap a && updated instanceof ConfigMap b) {
      // Labels and annotations are metadata; only the contents count as the desired state.
      return !a.withMetadata(b.metadata()).equals(b);
    }
    if (old instanceof Service a && updated instanceof Service b) {
      return !a.spec().equals(b.spec());
    }
    if (old instanceof Node a && updated instanceof Node b) {
      return !a.spec().equals(b.spec());
    }
    if (old instanceof NetworkPolicy a && updated instanceof NetworkPolicy b) {
      return !a.spec().equals(b.spec());
    }
    return !Objects.equals(old, updated);
  }
}

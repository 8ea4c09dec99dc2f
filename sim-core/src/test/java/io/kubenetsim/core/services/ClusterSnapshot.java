package io.kubenetsim.core.services;

import io.kubenetsim.Cluster;
import io.kubenetsim.core.ServiceInternals;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.Endpoints;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.ReplicaSet;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceCIDR;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a Service write could change: every object (with its resourceVersion), the event
 * log and pending events, and the allocators' counts. Two equal snapshots mean a rejected write
 * left no trace, allocations included.
 */
record ClusterSnapshot(List<KubernetesObject> objects, int events, int pending, int clusterIps,
    int nodePorts) {

  static ClusterSnapshot of(Cluster c) {
    List<KubernetesObject> out = new ArrayList<>();
    for (Class<? extends KubernetesObject> type : List.of(Namespace.class, Node.class,
        Pod.class, Deployment.class, ReplicaSet.class, Service.class, EndpointSlice.class,
        Endpoints.class, ServiceCIDR.class)) {
      out.addAll(c.list(type));
    }
    return new ClusterSnapshot(out, c.events().size(), c.pendingEvents(),
        ServiceInternals.clusterIpCount(c), ServiceInternals.nodePortCount(c));
  }
}

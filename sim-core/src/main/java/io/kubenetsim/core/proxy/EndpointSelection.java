package io.kubenetsim.core.proxy;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * Which endpoints of a service port a node's kube-proxy uses, as upstream's {@code
 * CategorizeEndpoints}: cluster endpoints are the ready ones, or when none is ready anywhere the
 * serving-and-terminating ones; local endpoints likewise among those on this node.
 *
 * @param cluster endpoints for Cluster traffic policy
 * @param local endpoints for Local traffic policy (this node only)
 */
public record EndpointSelection(List<ProxyEndpoint> cluster, List<ProxyEndpoint> local) {

  /** {@return the selection for one node} */
  public static EndpointSelection of(ServicePortInfo port, String nodeName) {
    return new EndpointSelection(port.clusterEndpoints(), localEndpoints(port, nodeName));
  }

  /**
   * {@return the endpoints for Local traffic policy on one node} (what {@link #of} selects as
   * {@code local}, without working out the cluster endpoints)
   */
  public static ImmutableList<ProxyEndpoint> localEndpoints(ServicePortInfo port,
      String nodeName) {
    List<ProxyEndpoint> onNode = new ArrayList<>();
    for (ProxyEndpoint e : port.endpoints()) {
      if (e.nodeName().equals(nodeName)) {
        onNode.add(e);
      }
    }
    return usable(onNode);
  }

  /**
   * {@return the ready endpoints, or when none is ready the serving-and-terminating ones}
   * (upstream's fallback for a service whose every endpoint is going away)
   */
  static ImmutableList<ProxyEndpoint> usable(List<ProxyEndpoint> endpoints) {
    // Loops, not streams: Local policies categorize a port's endpoints for every packet.
    List<ProxyEndpoint> ready = new ArrayList<>(endpoints.size());
    List<ProxyEndpoint> fallback = new ArrayList<>();
    for (ProxyEndpoint e : endpoints) {
      if (e.ready()) {
        ready.add(e);
      } else if (ready.isEmpty() && e.serving() && e.terminating()) {
        fallback.add(e);
      }
    }
    return ImmutableList.copyOf(ready.isEmpty() ? fallback : ready);
  }
}

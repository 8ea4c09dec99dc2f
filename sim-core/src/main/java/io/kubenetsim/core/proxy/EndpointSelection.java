package io.kubenetsim.core.proxy;

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
    List<ProxyEndpoint> all = port.endpoints();
    List<ProxyEndpoint> cluster = usable(all);
    List<ProxyEndpoint> local = usable(all.stream()
        .filter(e -> e.nodeName().equals(nodeName)).toList());
    return new EndpointSelection(cluster, local);
  }

  private static List<ProxyEndpoint> usable(List<ProxyEndpoint> endpoints) {
    List<ProxyEndpoint> ready = endpoints.stream().filter(ProxyEndpoint::ready).toList();
    if (!ready.isEmpty()) {
      return ready;
    }
    return endpoints.stream().filter(e -> e.serving() && e.terminating()).toList();
  }
}

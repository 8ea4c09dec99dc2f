package io.kubenetsim.core.proxy;

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
    List<ProxyEndpoint> all = port.endpoints();
    List<ProxyEndpoint> onNode = new ArrayList<>();
    for (ProxyEndpoint e : all) {
      if (e.nodeName().equals(nodeName)) {
        onNode.add(e);
      }
    }
    return new EndpointSelection(usable(all), usable(onNode));
  }

  // Loops, not streams: this runs for the first packet of every connection.
  private static List<ProxyEndpoint> usable(List<ProxyEndpoint> endpoints) {
    List<ProxyEndpoint> ready = new ArrayList<>(endpoints.size());
    List<ProxyEndpoint> fallback = new ArrayList<>();
    for (ProxyEndpoint e : endpoints) {
      if (e.ready()) {
        ready.add(e);
      } else if (ready.isEmpty() && e.serving() && e.terminating()) {
        fallback.add(e);
      }
    }
    return List.copyOf(ready.isEmpty() ? fallback : ready);
  }
}

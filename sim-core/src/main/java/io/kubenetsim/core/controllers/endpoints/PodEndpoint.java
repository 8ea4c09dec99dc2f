package io.kubenetsim.core.controllers.endpoints;

import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointPort;
import java.util.List;

/**
 * One pod as an endpoint of one Service: the endpoint (address, conditions, node, target) and
 * the Service ports resolved against the pod's container ports.
 */
record PodEndpoint(Endpoint endpoint, List<EndpointPort> ports) {

  String address() {
    return endpoint.addresses().get(0);
  }
}

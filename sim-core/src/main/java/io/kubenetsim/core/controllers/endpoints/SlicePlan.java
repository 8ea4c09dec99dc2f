package io.kubenetsim.core.controllers.endpoints;

import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import java.util.List;

/**
 * What to write to bring a Service's slices to the desired endpoints: new slices (endpoints
 * and ports only; the caller adds metadata), changed slices (their new content) and slices to
 * delete.
 */
record SlicePlan(List<NewSlice> creates, List<EndpointSlice> updates, List<EndpointSlice> deletes) {

  /** The content of a slice to create. */
  record NewSlice(List<Endpoint> endpoints, List<EndpointPort> ports) {}

  boolean isEmpty() {
    return creates.isEmpty() && updates.isEmpty() && deletes.isEmpty();
  }
}

package io.kubenetsim.junit;

import io.kubenetsim.Cluster;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointSlice;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Assertions about a Service's endpoints, as its EndpointSlices hold them. */
public final class ServiceAssert {
  private final Cluster cluster;
  private final ServiceHandle service;

  ServiceAssert(Cluster cluster, ServiceHandle service) {
    this.cluster = cluster;
    this.service = service;
  }

  /** Asserts how many ready endpoints (address and port) the Service has. {@return this} */
  public ServiceAssert hasReadyEndpoints(int count) {
    if (service.endpoints().size() != count) {
      throw Failures.about(cluster, "expected Service " + name() + " to have " + count
          + " ready endpoints, but it has " + service.endpoints().size() + ": "
          + service.endpoints() + "\n\nits EndpointSlices:\n" + slices());
    }
    return this;
  }

  /**
   * Asserts the pods behind the Service's ready endpoints are exactly {@code pods} ({@code
   * namespace/name}, in any order). {@return this}
   */
  public ServiceAssert isBackedBy(String... pods) {
    Set<String> ready = new TreeSet<>();
    for (EndpointSlice slice : service.slices()) {
      for (Endpoint endpoint : slice.endpoints()) {
        if (endpoint.conditions().isReady()) {
          endpoint.targetRef().ifPresent(t -> ready.add(t.namespace() + "/" + t.name()));
        }
      }
    }
    Set<String> expected = new TreeSet<>(List.of(pods));
    if (!ready.equals(expected)) {
      throw Failures.about(cluster, "expected Service " + name() + " to be backed by "
          + expected + ", but its ready endpoints are the pods " + ready
          + "\n\nits EndpointSlices:\n" + slices());
    }
    return this;
  }

  private String name() {
    return service.ref().namespace() + "/" + service.ref().name();
  }

  private String slices() {
    StringBuilder out = new StringBuilder();
    service.slices().forEach(s -> out.append("  ").append(s).append('\n'));
    return out.length() == 0 ? "  (none)\n" : out.toString();
  }
}

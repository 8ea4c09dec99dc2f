package io.kubenetsim.core.controllers.endpoints;

import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Service;
import java.util.List;
import java.util.TreeMap;

/**
 * The labels a controller puts on the slices or Endpoints it manages, as upstream's {@code
 * setEndpointSliceLabels}: a copy of the Service's own labels minus reserved keys, then the
 * service name, the manager, and the headless marker for headless Services.
 */
final class SliceLabels {
  static final String HEADLESS = "service.kubernetes.io/headless";
  private static final List<String> RESERVED = List.of(EndpointSlice.SERVICE_NAME_LABEL,
      EndpointSlice.MANAGED_BY_LABEL, HEADLESS);

  private SliceLabels() {}

  static Labels forSlice(Service service, String managedBy) {
    TreeMap<String, String> labels = serviceLabels(service);
    labels.put(EndpointSlice.SERVICE_NAME_LABEL, service.metadata().name());
    labels.put(EndpointSlice.MANAGED_BY_LABEL, managedBy);
    return Labels.of(labels);
  }

  static Labels forEndpoints(Service service) {
    return Labels.of(serviceLabels(service));
  }

  private static TreeMap<String, String> serviceLabels(Service service) {
    TreeMap<String, String> labels = new TreeMap<>(service.metadata().labels().asMap());
    RESERVED.forEach(labels::remove);
    if (service.spec().isHeadless()) {
      labels.put(HEADLESS, "");
    }
    return labels;
  }
}

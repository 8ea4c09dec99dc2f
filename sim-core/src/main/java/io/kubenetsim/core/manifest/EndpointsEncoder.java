package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.model.EndpointAddress;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSubset;
import io.kubenetsim.model.Endpoints;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a legacy Endpoints object's {@code subsets} as {@code kubectl get endpoints -o yaml}
 * prints them: {@code subsets}, {@code addresses}, {@code notReadyAddresses} and {@code ports}
 * are {@code omitempty}, so an Endpoints with no subsets prints only its metadata. Each address
 * always has {@code ip}; each port always has {@code port} and {@code protocol}.
 */
final class EndpointsEncoder implements KindEncoder<Endpoints> {

  @Override
  public Class<Endpoints> type() {
    return Endpoints.class;
  }

  @Override
  public boolean namespaced() {
    return true;
  }

  @Override
  public void encode(Endpoints endpoints, ObjectNode out) {
    List<ObjectNode> subsets = new ArrayList<>();
    endpoints.subsets().forEach(s -> subsets.add(subset(s)));
    TreeOut.putObjects(out, "subsets", subsets);
  }

  private static ObjectNode subset(EndpointSubset subset) {
    ObjectNode out = TreeOut.object();
    TreeOut.putObjects(out, "addresses", addresses(subset.addresses()));
    TreeOut.putObjects(out, "notReadyAddresses", addresses(subset.notReadyAddresses()));
    List<ObjectNode> ports = new ArrayList<>();
    subset.ports().forEach(p -> ports.add(port(p)));
    TreeOut.putObjects(out, "ports", ports);
    return out;
  }

  private static List<ObjectNode> addresses(List<EndpointAddress> addresses) {
    List<ObjectNode> out = new ArrayList<>();
    for (EndpointAddress address : addresses) {
      ObjectNode node = TreeOut.object();
      node.put("ip", address.ip());
      TreeOut.putString(node, "hostname", address.hostname());
      TreeOut.putString(node, "nodeName", address.nodeName());
      address.targetRef().ifPresent(ref -> node.set("targetRef", TreeOut.targetRef(ref)));
      out.add(node);
    }
    return out;
  }

  private static ObjectNode port(EndpointPort port) {
    ObjectNode out = TreeOut.object();
    TreeOut.putString(out, "appProtocol", port.appProtocol());
    TreeOut.putString(out, "name", port.name());
    out.put("port", port.port().orElse(0));
    out.put("protocol", port.protocol().name());
    return out;
  }
}

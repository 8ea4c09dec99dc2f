package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointConditions;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an EndpointSlice's {@code addressType}, {@code endpoints} and {@code ports} as {@code
 * kubectl get endpointslice -o yaml} prints them. None of the three is {@code omitempty}
 * upstream, so an empty list prints as {@code null}, exactly as the controller's placeholder
 * slice does ({@code endpoints: null}, {@code ports: null}); likewise an endpoint's {@code
 * addresses}. {@code conditions} is a struct and always written, holding only the booleans that
 * are set; hostname, nodeName, zone and targetRef are left out when unset.
 *
 * <p>A port's {@code name} is always written, {@code name: ""} for an unnamed port: the
 * EndpointSlice controller always sets that pointer, and the record cannot tell an absent name
 * from an empty one. {@code protocol} is always written (defaulted upstream); {@code port} when
 * set.
 */
final class EndpointSliceEncoder implements KindEncoder<EndpointSlice> {

  @Override
  public Class<EndpointSlice> type() {
    return EndpointSlice.class;
  }

  @Override
  public boolean namespaced() {
    return true;
  }

  @Override
  public void encode(EndpointSlice slice, ObjectNode out) {
    out.put("addressType", slice.addressType());
    List<ObjectNode> endpoints = new ArrayList<>();
    slice.endpoints().forEach(e -> endpoints.add(endpoint(e)));
    putObjectsOrNull(out, "endpoints", endpoints);
    List<ObjectNode> ports = new ArrayList<>();
    slice.ports().forEach(p -> ports.add(port(p)));
    putObjectsOrNull(out, "ports", ports);
  }

  private static ObjectNode endpoint(Endpoint endpoint) {
    ObjectNode out = TreeOut.object();
    if (endpoint.addresses().isEmpty()) {
      out.putNull("addresses");
    } else {
      TreeOut.putStrings(out, "addresses", endpoint.addresses());
    }
    out.set("conditions", conditions(endpoint.conditions()));
    TreeOut.putString(out, "hostname", endpoint.hostname());
    TreeOut.putString(out, "nodeName", endpoint.nodeName());
    endpoint.targetRef().ifPresent(ref -> out.set("targetRef", TreeOut.targetRef(ref)));
    TreeOut.putString(out, "zone", endpoint.zone());
    return out;
  }

  private static ObjectNode conditions(EndpointConditions conditions) {
    ObjectNode out = TreeOut.object();
    conditions.ready().ifPresent(ready -> out.put("ready", ready));
    conditions.serving().ifPresent(serving -> out.put("serving", serving));
    conditions.terminating().ifPresent(terminating -> out.put("terminating", terminating));
    return out;
  }

  private static ObjectNode port(EndpointPort port) {
    ObjectNode out = TreeOut.object();
    TreeOut.putString(out, "appProtocol", port.appProtocol());
    out.put("name", port.name());
    port.port().ifPresent(number -> out.put("port", number));
    out.put("protocol", port.protocol().name());
    return out;
  }

  /** Go marshals a nil slice without {@code omitempty} as {@code null}. */
  private static void putObjectsOrNull(ObjectNode out, String key, List<ObjectNode> values) {
    if (values.isEmpty()) {
      out.putNull(key);
    } else {
      TreeOut.putObjects(out, key, values);
    }
  }
}

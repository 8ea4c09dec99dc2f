package io.kubenetsim.core.manifest;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.EndpointAddress;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSubset;
import io.kubenetsim.model.Endpoints;
import java.util.Optional;

/**
 * Decodes a legacy {@code v1} Endpoints object: {@code subsets}, each with {@code addresses} and
 * {@code notReadyAddresses} ({@code ip}, {@code hostname}, {@code nodeName}, {@code targetRef})
 * and {@code ports} ({@code name}, {@code port}, {@code protocol} defaulting to {@code TCP},
 * {@code appProtocol}). A port's number is a plain {@code int32} upstream, so an absent one is
 * decoded as {@code 0} (always present in the record) and left for validation to reject.
 *
 * <pre>{@code
 * Endpoints endpoints = (Endpoints) reader.read(yaml, "ep.yaml").get(0).object();
 * endpoints.subsets().get(0).addresses().get(0).ip();
 * }</pre>
 */
final class EndpointsDecoder implements KindDecoder<Endpoints> {
  /** Rule id of the decode-stage error for a port protocol other than TCP, UDP and SCTP. */
  static final String PROTOCOL_RULE = "endpointPort.protocol.supported";

  @Override
  public String apiVersion() {
    return "v1";
  }

  @Override
  public String kind() {
    return Endpoints.KIND;
  }

  @Override
  public boolean namespaced() {
    return true;
  }

  @Override
  public Endpoints decode(ObjectCursor root) {
    ImmutableList.Builder<EndpointSubset> subsets = ImmutableList.builder();
    for (ObjectCursor subset : root.objects("subsets", "v1.EndpointSubset")) {
      subsets.add(subset(subset));
    }
    return new Endpoints(
        ObjectMetaDecoder.decode(root.object("metadata", "v1.ObjectMeta"), true),
        subsets.build());
  }

  private static EndpointSubset subset(ObjectCursor subset) {
    ImmutableList.Builder<EndpointPort> ports = ImmutableList.builder();
    for (ObjectCursor port : subset.objects("ports", "v1.EndpointPort")) {
      ports.add(new EndpointPort(port.string("name"), Optional.of(port.int32("port", 0)),
          ProtocolDecoder.decode(port, PROTOCOL_RULE), port.string("appProtocol")));
    }
    return new EndpointSubset(addresses(subset, "addresses"),
        addresses(subset, "notReadyAddresses"), ports.build());
  }

  private static ImmutableList<EndpointAddress> addresses(ObjectCursor subset, String field) {
    ImmutableList.Builder<EndpointAddress> out = ImmutableList.builder();
    for (ObjectCursor address : subset.objects(field, "v1.EndpointAddress")) {
      out.add(new EndpointAddress(address.string("ip"), address.string("hostname"),
          address.string("nodeName"),
          address.optionalObject("targetRef", "v1.ObjectReference")
              .map(TargetRefDecoder::decode)));
    }
    return out.build();
  }
}

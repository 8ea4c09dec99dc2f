package io.kubenetsim.core.manifest;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointConditions;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;

/**
 * Decodes a {@code discovery.k8s.io/v1} EndpointSlice, as a user writes one for a Service
 * without a selector or as {@code kubectl get -o yaml} prints one: {@code addressType}, {@code
 * endpoints} (addresses, the three optional condition booleans, hostname, nodeName, zone,
 * targetRef) and {@code ports}. A port's {@code name} is {@code ""} when absent, its {@code
 * port} empty when absent ("all ports"), its {@code protocol} {@code TCP} when absent, as
 * upstream defaults it. {@code hints} and {@code deprecatedTopology} are accepted and dropped:
 * the simulation does no topology-aware routing.
 *
 * <pre>{@code
 * EndpointSlice slice = (EndpointSlice) reader.read(yaml, "slice.yaml").get(0).object();
 * slice.endpoints().get(0).conditions().ready();   // Optional[true], or empty when unset
 * }</pre>
 */
final class EndpointSliceDecoder implements KindDecoder<EndpointSlice> {
  /** Rule id of the decode-stage error for a port protocol other than TCP, UDP and SCTP. */
  static final String PROTOCOL_RULE = "endpointSlicePort.protocol.supported";

  @Override
  public String apiVersion() {
    return "discovery.k8s.io/v1";
  }

  @Override
  public String kind() {
    return EndpointSlice.KIND;
  }

  @Override
  public boolean namespaced() {
    return true;
  }

  @Override
  public EndpointSlice decode(ObjectCursor root) {
    ImmutableList.Builder<Endpoint> endpoints = ImmutableList.builder();
    for (ObjectCursor endpoint : root.objects("endpoints", "v1.Endpoint")) {
      endpoints.add(endpoint(endpoint));
    }
    ImmutableList.Builder<EndpointPort> ports = ImmutableList.builder();
    for (ObjectCursor port : root.objects("ports", "v1.EndpointPort")) {
      ports.add(new EndpointPort(port.string("name"), port.optionalInt32("port"),
          ProtocolDecoder.decode(port, PROTOCOL_RULE), port.string("appProtocol")));
    }
    return new EndpointSlice(
        ObjectMetaDecoder.decode(root.object("metadata", "v1.ObjectMeta"), true),
        root.string("addressType"),
        endpoints.build(),
        ports.build());
  }

  private static Endpoint endpoint(ObjectCursor endpoint) {
    endpoint.ignore("hints", "deprecatedTopology");
    ObjectCursor conditions = endpoint.object("conditions", "v1.EndpointConditions");
    return new Endpoint(
        endpoint.strings("addresses"),
        new EndpointConditions(conditions.optionalBool("ready"),
            conditions.optionalBool("serving"), conditions.optionalBool("terminating")),
        endpoint.string("hostname"),
        endpoint.string("nodeName"),
        endpoint.string("zone"),
        endpoint.optionalObject("targetRef", "v1.ObjectReference").map(TargetRefDecoder::decode));
  }
}

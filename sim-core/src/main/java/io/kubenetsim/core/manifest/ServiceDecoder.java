package io.kubenetsim.core.manifest;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.LoadBalancerIngress;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.model.ServiceStatus;
import java.util.Optional;

/**
 * Decodes a {@code v1} Service: metadata, every {@code spec} field the model has, and {@code
 * status.loadBalancer.ingress}, which is kept because a manifest may carry the ingress a cloud
 * controller would write ({@code kubectl get -o yaml} output of a LoadBalancer Service).
 *
 * <p>Unlike the workload decoders, this one applies <em>no</em> defaults: unset strings stay
 * {@code ""}, unset optionals stay empty, and the API server's Service defaulting fills {@code
 * type}, {@code sessionAffinity}, the traffic policies and the rest, because several defaults
 * depend on other fields (the type, the allocated IPs). Two exceptions keep the model's types
 * honest: a port's {@code protocol} defaults to {@code TCP} (an unsupported one is reported as
 * kube-apiserver does), and an absent {@code targetPort} is {@code IntOrString.of(0)} — the
 * value upstream's defaulting treats as unset ({@code targetPort: 0} and {@code ""} are also
 * set to {@code port} there), so {@code ServiceDefaults} can fill it in the one place defaults
 * live.
 *
 * <p>Accepted and dropped: {@code status.conditions}, {@code status.loadBalancer.ingress[].ports}.
 *
 * <pre>{@code
 * Service web = (Service) new ManifestReader().read(yaml, "web.yaml").get(0).object();
 * web.spec().ports().get(0).targetPort();   // "http", or 0 when the manifest had none
 * }</pre>
 */
final class ServiceDecoder implements KindDecoder<Service> {
  /** Rule id of the decode-stage error for a port protocol other than TCP, UDP and SCTP. */
  static final String PROTOCOL_RULE = "servicePort.protocol.supported";

  /** How an absent {@code targetPort} is decoded: zero, which defaulting replaces by the port. */
  static final IntOrString UNSET_TARGET_PORT = IntOrString.of(0);

  @Override
  public String apiVersion() {
    return "v1";
  }

  @Override
  public String kind() {
    return Service.KIND;
  }

  @Override
  public boolean namespaced() {
    return true;
  }

  @Override
  public Service decode(ObjectCursor root) {
    return new Service(
        ObjectMetaDecoder.decode(root.object("metadata", "v1.ObjectMeta"), true),
        spec(root.object("spec", "v1.ServiceSpec")),
        status(root.object("status", "v1.ServiceStatus")));
  }

  private static ServiceSpec spec(ObjectCursor spec) {
    ImmutableList.Builder<ServicePort> ports = ImmutableList.builder();
    for (ObjectCursor port : spec.objects("ports", "v1.ServicePort")) {
      ports.add(port(port));
    }
    Optional<Integer> timeout = spec.optionalObject("sessionAffinityConfig",
            "v1.SessionAffinityConfig")
        .flatMap(config -> config.optionalObject("clientIP", "v1.ClientIPConfig"))
        .flatMap(clientIP -> clientIP.optionalInt32("timeoutSeconds"));
    return ServiceSpec.of(spec.stringMap("selector"), ports.build()).with(b -> {
      b.type = spec.string("type");
      b.clusterIP = spec.string("clusterIP");
      b.clusterIPs = spec.strings("clusterIPs");
      b.ipFamilies = spec.strings("ipFamilies");
      b.ipFamilyPolicy = spec.string("ipFamilyPolicy");
      b.sessionAffinity = spec.string("sessionAffinity");
      b.sessionAffinityTimeoutSeconds = timeout;
      b.externalTrafficPolicy = spec.string("externalTrafficPolicy");
      b.internalTrafficPolicy = spec.string("internalTrafficPolicy");
      b.publishNotReadyAddresses = spec.bool("publishNotReadyAddresses", false);
      b.loadBalancerSourceRanges = spec.strings("loadBalancerSourceRanges");
      b.externalName = spec.string("externalName");
      b.externalIPs = spec.strings("externalIPs");
      b.allocateLoadBalancerNodePorts = spec.optionalBool("allocateLoadBalancerNodePorts");
      b.healthCheckNodePort = spec.int32("healthCheckNodePort", 0);
      b.loadBalancerClass = spec.string("loadBalancerClass");
      b.loadBalancerIP = spec.string("loadBalancerIP");
      b.trafficDistribution = spec.string("trafficDistribution");
      return b;
    });
  }

  private static ServicePort port(ObjectCursor port) {
    return new ServicePort(
        port.string("name"),
        ProtocolDecoder.decode(port, PROTOCOL_RULE),
        port.string("appProtocol"),
        port.int32("port", 0),
        port.intOrString("targetPort").orElse(UNSET_TARGET_PORT),
        port.int32("nodePort", 0));
  }

  private static ServiceStatus status(ObjectCursor status) {
    status.ignore("conditions");
    ObjectCursor loadBalancer = status.object("loadBalancer", "v1.LoadBalancerStatus");
    ImmutableList.Builder<LoadBalancerIngress> ingress = ImmutableList.builder();
    for (ObjectCursor point : loadBalancer.objects("ingress", "v1.LoadBalancerIngress")) {
      point.ignore("ports");
      ingress.add(new LoadBalancerIngress(point.string("ip"), point.string("hostname"),
          point.string("ipMode")));
    }
    return ServiceStatus.of(ingress.build());
  }
}

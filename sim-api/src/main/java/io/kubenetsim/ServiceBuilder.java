package io.kubenetsim;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.model.ServiceStatus;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.model.TrafficPolicy;
import io.kubenetsim.net.Protocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Describes a Service and creates it. Unset fields are defaulted by the API server as
 * upstream's are (type ClusterIP, protocol TCP, targetPort = port, …).
 *
 * <pre>{@code
 * c.service("shop/web").selector("app", "web").port("http", 80, "http").type(NODE_PORT).create();
 * c.service("shop/db").selector("app", "db").port(5432).headless().create();
 * c.service("shop/search").externalName("search.example.com").create();
 * }</pre>
 */
public final class ServiceBuilder {
  private final NamespacedName key;
  private final Function<Service, ServiceHandle> creator;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Map<String, String> selector = new LinkedHashMap<>();
  private final List<ServicePort> ports = new ArrayList<>();
  private final List<String> externalIPs = new ArrayList<>();
  private final List<String> sourceRanges = new ArrayList<>();
  private String type = "";
  private String clusterIP = "";
  private String externalName = "";
  private String sessionAffinity = "";
  private Optional<Integer> affinityTimeout = Optional.empty();
  private String externalTrafficPolicy = "";
  private String internalTrafficPolicy = "";
  private boolean publishNotReadyAddresses;

  /** For {@link Cluster} implementations: {@code creator} submits the built Service. */
  public ServiceBuilder(NamespacedName key, Function<Service, ServiceHandle> creator) {
    this.key = key;
    this.creator = creator;
  }

  public ServiceBuilder label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  /** Adds an equality requirement to the selector. */
  public ServiceBuilder selector(String key, String value) {
    selector.put(key, value);
    return this;
  }

  /** Adds an unnamed TCP port whose targetPort is the same number. */
  public ServiceBuilder port(int port) {
    return port(new ServicePort("", Protocol.TCP, "", port, IntOrString.of(port), 0));
  }

  /** Adds a named TCP port to a target port number. */
  public ServiceBuilder port(String name, int port, int targetPort) {
    return port(new ServicePort(name, Protocol.TCP, "", port, IntOrString.of(targetPort), 0));
  }

  /** Adds a named TCP port to a named container port. */
  public ServiceBuilder port(String name, int port, String targetPort) {
    return port(new ServicePort(name, Protocol.TCP, "", port, IntOrString.of(targetPort), 0));
  }

  /** Adds a port exactly as given. */
  public ServiceBuilder port(ServicePort port) {
    ports.add(port);
    return this;
  }

  /** Asks for this node port on the port added last. */
  public ServiceBuilder nodePort(int nodePort) {
    checkState(!ports.isEmpty(), "add a port before its nodePort: .port(80).nodePort(30080)");
    ports.set(ports.size() - 1, ports.get(ports.size() - 1).withNodePort(nodePort));
    return this;
  }

  public ServiceBuilder type(ServiceType serviceType) {
    type = serviceType.toString();
    return this;
  }

  /** Asks for a specific cluster IP (it must be in the service CIDR and free). */
  public ServiceBuilder clusterIP(String ip) {
    clusterIP = ip;
    return this;
  }

  /** Makes the Service headless ({@code clusterIP: None}): DNS names, no virtual IP. */
  public ServiceBuilder headless() {
    return clusterIP("None");
  }

  /** Makes the Service an ExternalName: a DNS alias, with no IP and no endpoints. */
  public ServiceBuilder externalName(String name) {
    type = ServiceType.EXTERNAL_NAME.toString();
    externalName = name;
    return this;
  }

  /** Sticks each client IP to one backend for {@code timeoutSeconds} (ClientIP affinity). */
  public ServiceBuilder clientIPAffinity(int timeoutSeconds) {
    sessionAffinity = "ClientIP";
    affinityTimeout = Optional.of(timeoutSeconds);
    return this;
  }

  /** {@code Cluster} (default) or {@code Local}; any other text is rejected on create. */
  public ServiceBuilder externalTrafficPolicy(String policy) {
    externalTrafficPolicy = policy;
    return this;
  }

  /** Sets externalTrafficPolicy: which endpoints NodePort and load-balancer traffic may use. */
  public ServiceBuilder externalTrafficPolicy(TrafficPolicy policy) {
    return externalTrafficPolicy(policy.toString());
  }

  /** {@code Cluster} (default) or {@code Local}; any other text is rejected on create. */
  public ServiceBuilder internalTrafficPolicy(String policy) {
    internalTrafficPolicy = policy;
    return this;
  }

  /** Sets internalTrafficPolicy: which endpoints ClusterIP traffic may use. */
  public ServiceBuilder internalTrafficPolicy(TrafficPolicy policy) {
    return internalTrafficPolicy(policy.toString());
  }

  public ServiceBuilder publishNotReadyAddresses(boolean value) {
    publishNotReadyAddresses = value;
    return this;
  }

  public ServiceBuilder externalIP(String ip) {
    externalIPs.add(ip);
    return this;
  }

  public ServiceBuilder loadBalancerSourceRange(String cidr) {
    sourceRanges.add(cidr);
    return this;
  }

  /** {@return the Service described so far, not yet created} */
  public Service build() {
    checkArgument(!key.name().isEmpty(), "a Service needs a name");
    ServiceSpec spec = ServiceSpec.of(selector, ports).with(b -> {
      b.type = type;
      b.clusterIP = clusterIP;
      b.externalName = externalName;
      b.sessionAffinity = sessionAffinity;
      b.sessionAffinityTimeoutSeconds = affinityTimeout;
      b.externalTrafficPolicy = externalTrafficPolicy;
      b.internalTrafficPolicy = internalTrafficPolicy;
      b.publishNotReadyAddresses = publishNotReadyAddresses;
      b.externalIPs = externalIPs;
      b.loadBalancerSourceRanges = sourceRanges;
      return b;
    });
    return new Service(ObjectMeta.named(key.namespace(), key.name()).withLabels(Labels.of(labels)),
        spec, ServiceStatus.empty());
  }

  /**
   * Creates the Service: the API server defaults it and allocates its cluster IP and node ports.
   *
   * @throws io.kubenetsim.manifest.ValidationException if it is invalid or an allocation fails
   *     (nothing changes)
   */
  public ServiceHandle create() {
    return creator.apply(build());
  }
}

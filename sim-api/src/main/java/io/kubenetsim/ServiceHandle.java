package io.kubenetsim;

import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Service;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.util.List;
import java.util.Optional;

/**
 * A live reference to one Service. Not for implementation outside io.kubenetsim.
 *
 * <pre>{@code
 * ServiceHandle web = c.expose("shop/web").port(80).targetPort("http").create();
 * c.settle();
 * web.clusterIP();   // 10.103.61.200
 * web.endpoints();   // [10.244.0.2:8080, 10.244.1.2:8080, 10.244.2.2:8080]
 * }</pre>
 */
public interface ServiceHandle {

  /** {@return the Service's namespace and name} */
  ObjectRef ref();

  /** {@return whether the Service still exists} */
  boolean exists();

  /**
   * {@return the Service as the API holds it now (defaults and allocations filled in)}
   *
   * @throws ApiException (NotFound) once it is deleted
   */
  Service get();

  /** {@return {@code spec.clusterIP}: an address, {@code None} (headless) or {@code ""}} */
  default String clusterIP() {
    return get().spec().clusterIP();
  }

  /**
   * {@return {@code spec.clusterIPs}: one address per entry of {@code spec.ipFamilies}, the
   * primary ({@link #clusterIP()}) first; {@code [None]} when headless, empty for ExternalName}
   */
  default List<String> clusterIPs() {
    return get().spec().clusterIPs();
  }

  /**
   * {@return the Service's ClusterIP of this family (primary or secondary), if it has one} A
   * dual-stack Service has one of each; {@code clusterIP(IpFamily.IPV4)} is the one kube-netsim's
   * IPv4-only pods and nodes can reach.
   */
  default Optional<String> clusterIP(IpFamily family) {
    return clusterIPs().stream().filter(ip -> IpAddress.tryParse(ip)
        .filter(a -> a.family() == family).isPresent()).findFirst();
  }

  /**
   * {@return the node port allocated to the service port with this number}
   *
   * @throws IllegalArgumentException when the Service has no such port, or it has no node port
   */
  int nodePort(int port);

  /**
   * {@return the node port allocated to the service port with this name}
   *
   * @throws IllegalArgumentException when the Service has no such port, or it has no node port
   */
  int nodePort(String portName);

  /** {@return the load balancer's ingress IPs (or hostnames); empty while pending} */
  List<String> loadBalancerIngress();

  /**
   * {@return the ready backends, from the Service's EndpointSlices, in kube-proxy's order
   * (by their {@code ip:port} text)}: what kube-proxy would balance over. A port of a
   * multi-port Service is listed once per endpoint and port; an endpoint in a slice without
   * ports (a headless Service that declares none) has no port to list, so read {@link
   * #slices()} for those.
   */
  List<HostPort> endpoints();

  /** {@return the Service's EndpointSlices, by name} */
  List<EndpointSlice> slices();

  /** Deletes the Service; its EndpointSlices and Endpoints are garbage-collected. */
  void delete();
}

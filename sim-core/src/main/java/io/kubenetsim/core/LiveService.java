package io.kubenetsim.core;

import io.kubenetsim.ServiceHandle;
import io.kubenetsim.core.controllers.endpoints.EndpointSliceController;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.LoadBalancerIngress;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** A {@link ServiceHandle} that reads the store on every call. */
final class LiveService extends LiveObject<Service> implements ServiceHandle {

  /** The Service object {@link #ipv4} was read from: parsed once per version, not per call. */
  private Service parsedFrom;
  private Optional<IpAddress> ipv4 = Optional.empty();
  private Optional<String> ipv4Text = Optional.empty();

  LiveService(ControlPlane plane, ObjectRef ref) {
    super(plane, ref, Service.class);
  }

  /** {@inheritDoc} The IPv4 one is kept per version of the Service: every connection asks. */
  @Override
  public Optional<String> clusterIP(IpFamily family) {
    if (family != IpFamily.IPV4) {
      return ServiceHandle.super.clusterIP(family);
    }
    clusterIpv4();
    return ipv4Text;
  }

  /** {@return the Service's IPv4 ClusterIP, parsed once per version of the Service} */
  Optional<IpAddress> clusterIpv4() {
    Service service = get();
    if (service != parsedFrom) {
      ipv4Text = ServiceHandle.super.clusterIP(IpFamily.IPV4);
      ipv4 = ipv4Text.flatMap(IpAddress::tryParse);
      parsedFrom = service;
    }
    return ipv4;
  }

  @Override
  public int nodePort(int port) {
    return nodePort(p -> p.port() == port, "port " + port);
  }

  @Override
  public int nodePort(String portName) {
    return nodePort(p -> p.name().equals(portName), "port named \"" + portName + "\"");
  }

  private int nodePort(Predicate<ServicePort> which, String what) {
    Service service = get();
    ServicePort port = service.spec().ports().stream().filter(which).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Service " + ref.key() + " has no "
            + what + "; its ports are " + service.spec().ports()));
    if (port.nodePort() == 0) {
      throw new IllegalArgumentException("Service " + ref.key() + " (type "
          + service.spec().type() + ") has no node port on " + what
          + "; only NodePort and LoadBalancer Services have them");
    }
    return port.nodePort();
  }

  @Override
  public List<String> loadBalancerIngress() {
    return get().status().loadBalancerIngress().stream().map(LoadBalancerIngress::toString)
        .toList();
  }

  @Override
  public List<HostPort> endpoints() {
    List<HostPort> out = new ArrayList<>();
    for (EndpointSlice slice : slices()) {
      for (Endpoint endpoint : slice.endpoints()) {
        if (!endpoint.conditions().isReady()) {
          continue;
        }
        for (String address : endpoint.addresses()) {
          IpAddress.tryParse(address).ifPresent(ip -> slice.ports().forEach(port ->
              port.port().ifPresent(number -> out.add(HostPort.of(ip, number)))));
        }
      }
    }
    return out.stream().sorted(HostPort.BY_TEXT).toList();
  }

  @Override
  public List<EndpointSlice> slices() {
    return plane.store.list(EndpointSlice.class, ref.namespace()).stream()
        .filter(s -> EndpointSliceController.indexKeys(s)
            .contains(ref.namespace() + "/" + ref.name()))
        .toList();
  }

  @Override
  public void delete() {
    plane.store.delete(ref, Optional.empty(), "Deleting", "deleted by the user");
  }
}

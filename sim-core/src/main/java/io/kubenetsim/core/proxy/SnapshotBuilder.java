package io.kubenetsim.core.proxy;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.LoadBalancerIngress;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.model.TrafficPolicy;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link ProxySnapshot} from Services and EndpointSlices as kube-proxy's change
 * trackers do: only Services with a ClusterIP (not headless, not ExternalName); endpoints from
 * every slice labelled with the Service's name, matched to each service port by port name and
 * protocol, slice ports without a number ignored; unset conditions read as ready and serving;
 * duplicates by {@code ip:port} merged with the non-terminating one winning; sorted by the
 * {@code ip:port} string.
 *
 * <p>Upstream runs one proxier per IP family the node has ({@code
 * NewDualStackProxier}); each sees a Service through its address of that family and only the
 * slices of that {@code addressType}. Nodes here are IPv4-only, so this is the IPv4 proxier
 * alone: a dual-stack Service is programmed through its IPv4 ClusterIP (primary or
 * secondary), an IPv6-only Service, IPv6 slices and IPv6 external addresses are left out.
 */
public final class SnapshotBuilder {
  private SnapshotBuilder() {}

  public static ProxySnapshot build(long version, List<Service> services,
      List<EndpointSlice> slices) {
    Map<String, List<EndpointSlice>> slicesByService = new LinkedHashMap<>();
    for (EndpointSlice slice : slices) {
      if (!slice.serviceName().isEmpty() && slice.addressType().equals("IPv4")) {
        slicesByService.computeIfAbsent(slice.metadata().namespace() + "/"
            + slice.serviceName(), k -> new ArrayList<>()).add(slice);
      }
    }
    List<ServicePortInfo> ports = new ArrayList<>();
    for (Service service : services) {
      ports.addAll(ports(service, slicesByService.getOrDefault(service.metadata().namespace()
          + "/" + service.metadata().name(), List.of())));
    }
    return ProxySnapshot.of(version, ports);
  }

  /**
   * {@return the service ports an IPv4 proxier programs for one Service, from its IPv4
   * EndpointSlices}: none for an ExternalName Service or one without an IPv4 ClusterIP
   */
  static List<ServicePortInfo> ports(Service service, List<EndpointSlice> ipv4Slices) {
    Optional<IpAddress> clusterIP = clusterIpOfFamily(service, IpFamily.IPV4);
    if (clusterIP.isEmpty() || service.spec().isType(ServiceType.EXTERNAL_NAME)) {
      return List.of();
    }
    List<ServicePortInfo> ports = new ArrayList<>(service.spec().ports().size());
    for (ServicePort port : service.spec().ports()) {
      ports.add(info(service, port, clusterIP.get(), ipv4Slices));
    }
    return ports;
  }

  /**
   * Upstream's {@code GetClusterIPByFamily}: the Service's address of the proxier's family, from
   * {@code clusterIPs} (the primary or the secondary), else {@code clusterIP}; none for a
   * Service without one of that family, which that proxier then ignores altogether.
   */
  static Optional<IpAddress> clusterIpOfFamily(Service service, IpFamily family) {
    List<String> ips = service.spec().clusterIPs().isEmpty()
        ? List.of(service.spec().clusterIP()) : service.spec().clusterIPs();
    return ips.stream().map(IpAddress::tryParse).flatMap(Optional::stream)
        .filter(ip -> ip.family() == family).findFirst();
  }

  private static ServicePortInfo info(Service service, ServicePort port, IpAddress clusterIP,
      List<EndpointSlice> slices) {
    var spec = service.spec();
    ServicePortName name = new ServicePortName(service.metadata().namespace(),
        service.metadata().name(), port.name(), port.protocol());
    boolean external = spec.isType(ServiceType.NODE_PORT)
        || spec.isType(ServiceType.LOAD_BALANCER) || !spec.externalIPs().isEmpty();
    return new ServicePortInfo(name, clusterIP, port.port(), port.nodePort(),
        addresses(spec.externalIPs()),
        addresses(service.status().loadBalancerIngress().stream()
            .map(LoadBalancerIngress::ip).filter(ip -> !ip.isEmpty()).toList()),
        spec.loadBalancerSourceRanges().stream().map(r -> Cidr.tryParse(r.strip()))
            .flatMap(Optional::stream).collect(ImmutableList.toImmutableList()),
        external ? spec.externalPolicy() : TrafficPolicy.CLUSTER,
        spec.internalPolicy(),
        "ClientIP".equals(spec.sessionAffinity())
            ? Optional.of(Duration.ofSeconds(spec.sessionAffinityTimeoutSeconds().orElse(10800)))
            : Optional.empty(),
        spec.healthCheckNodePort(),
        endpoints(port, slices));
  }

  private static ImmutableList<IpAddress> addresses(List<String> texts) {
    return texts.stream().map(IpAddress::tryParse).flatMap(Optional::stream)
        .filter(ip -> ip.family() == IpFamily.IPV4)
        .collect(ImmutableList.toImmutableList());
  }

  private static ImmutableList<ProxyEndpoint> endpoints(ServicePort port,
      List<EndpointSlice> slices) {
    Map<HostPort, ProxyEndpoint> byAddress = new LinkedHashMap<>();
    for (EndpointSlice slice : slices) {
      Optional<Integer> target = slice.ports().stream()
          .filter(p -> p.name().equals(port.name()) && p.protocol() == port.protocol())
          .map(EndpointPort::port).flatMap(Optional::stream).filter(p -> p > 0).findFirst();
      if (target.isEmpty()) {
        continue;
      }
      for (Endpoint endpoint : slice.endpoints()) {
        for (String address : endpoint.addresses()) {
          IpAddress.tryParse(address).filter(ip -> ip.family() == IpFamily.IPV4).ifPresent(ip -> {
            ProxyEndpoint e = ProxyEndpoint.of(ip, target.get(), endpoint.nodeName(),
                endpoint.conditions().isReady(), endpoint.conditions().serving().orElse(true),
                endpoint.conditions().isTerminating());
            byAddress.merge(e.address(), e, (a, b) -> a.terminating() ? b : a);
          });
        }
      }
    }
    return sortedByText(byAddress.values());
  }

  /**
   * {@return the endpoints in the order of their {@code ip:port} text} ({@link HostPort#BY_TEXT})
   * with each text built once, not once per comparison: a sync sorts every Service's endpoints.
   */
  private static ImmutableList<ProxyEndpoint> sortedByText(Collection<ProxyEndpoint> endpoints) {
    List<Map.Entry<String, ProxyEndpoint>> keyed = new ArrayList<>(endpoints.size());
    for (ProxyEndpoint e : endpoints) {
      keyed.add(Map.entry(e.address().toString(), e));
    }
    keyed.sort(Map.Entry.comparingByKey());
    ImmutableList.Builder<ProxyEndpoint> out = ImmutableList.builderWithExpectedSize(keyed.size());
    keyed.forEach(entry -> out.add(entry.getValue()));
    return out.build();
  }
}

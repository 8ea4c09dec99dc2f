package io.kubenetsim.core.controllers.endpoints;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Service;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.util.List;
import java.util.Optional;

/**
 * The IP families a Service's endpoints are published in, as upstream's endpointslice {@code
 * getAddressTypesForService} decides: the Service's {@code spec.ipFamilies}; failing that (a
 * Service written before the API server defaulted families) the family of its ClusterIP; for
 * a headless Service without families, both. Each family is one EndpointSlice address type
 * ({@code IPv4}, {@code IPv6}), named by {@link IpFamily#kubernetesName()}.
 */
final class ServiceFamilies {
  private static final ImmutableList<IpFamily> BOTH = ImmutableList.of(IpFamily.IPV4,
      IpFamily.IPV6);

  private ServiceFamilies() {}

  /** {@return the Service's families, in its own order} */
  static List<IpFamily> of(Service service) {
    List<IpFamily> families = service.spec().ipFamilies().stream()
        .map(IpFamily::named).flatMap(Optional::stream).distinct().toList();
    if (!families.isEmpty()) {
      return families;
    }
    String clusterIP = service.spec().clusterIP();
    return IpAddress.tryParse(clusterIP).map(ip -> List.of(ip.family())).orElse(BOTH);
  }

  /**
   * {@return the family of the legacy Endpoints object}: the first one, as upstream's {@code
   * podToEndpointAddressForService} takes {@code ipFamilies[0]}.
   *
   * <p>Simplification: for a headless Service without families upstream goes by each pod's
   * primary IP; here it is IPv4, the first of both.
   */
  static IpFamily primary(Service service) {
    return of(service).get(0);
  }

  /** {@return the pod IP of this family among the pod's IPs, if it has one} */
  static Optional<String> address(List<String> podIPs, IpFamily family) {
    for (String ip : podIPs) {
      Optional<IpAddress> parsed = IpAddress.tryParse(ip);
      if (parsed.isPresent() && parsed.get().family() == family) {
        return Optional.of(ip);
      }
    }
    return Optional.empty();
  }
}

package io.kubenetsim.core.dns;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.net.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One EndpointSlice as the kubernetes plugin keeps it (upstream's {@code
 * EndpointSliceToEndpoints}): the Service it belongs to (its {@code kubernetes.io/service-name}
 * label), its ports, and only its ready addresses — an unset {@code ready} counts as ready, and
 * the EndpointSlice controller has already marked every address ready for a Service that
 * publishes not-ready addresses.
 *
 * <p>Simplification: slices of address type FQDN are not kept (CoreDNS would read their
 * addresses as host names); an address that does not parse is dropped.
 *
 * @param key the slice's namespace and name
 * @param service the Service's namespace and name
 * @param ports the slice's ports, or the {@link ZonePort#NONE} sentinel
 * @param addresses the ready addresses, in endpoint order
 */
record ZoneSlice(NamespacedName key, NamespacedName service, ImmutableList<ZonePort> ports,
    ImmutableList<ZoneEndpoint> addresses) {

  /** {@return the slice's entry, or empty for a slice of no Service or of FQDN addresses} */
  static Optional<ZoneSlice> of(EndpointSlice slice) {
    if (slice.serviceName().isEmpty() || slice.addressType().equals("FQDN")) {
      return Optional.empty();
    }
    ImmutableList<ZonePort> ports = slice.ports().isEmpty() ? ImmutableList.of(ZonePort.NONE)
        : slice.ports().stream().map(ZonePort::of).collect(ImmutableList.toImmutableList());
    List<ZoneEndpoint> addresses = new ArrayList<>();
    for (Endpoint endpoint : slice.endpoints()) {
      if (!endpoint.conditions().isReady()) {
        continue;
      }
      for (String text : endpoint.addresses()) {
        IpAddress.tryParse(text).ifPresent(ip -> addresses.add(ZoneEndpoint.of(ip, endpoint)));
      }
    }
    NamespacedName key = slice.metadata().key();
    return Optional.of(new ZoneSlice(key, NamespacedName.of(key.namespace(),
        slice.serviceName()), ports, ImmutableList.copyOf(addresses)));
  }

  /**
   * {@return whether replacing {@code old} by this changes records} As upstream's {@code
   * endpointsEquivalent}: the addresses (IP and hostname, in order) and the ports.
   */
  boolean changesRecordsOf(ZoneSlice old) {
    if (!ports.equals(old.ports) || addresses.size() != old.addresses.size()
        || !service.equals(old.service)) {
      return true;
    }
    for (int i = 0; i < addresses.size(); i++) {
      ZoneEndpoint a = addresses.get(i);
      ZoneEndpoint b = old.addresses.get(i);
      if (!a.address().equals(b.address()) || !a.hostname().equals(b.hostname())) {
        return true;
      }
    }
    return false;
  }
}

package io.kubenetsim.core.dns;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.RecordData;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Service as the kubernetes plugin keeps it (upstream's {@code object.ToService}): name,
 * shape, cluster IPs, ports and ExternalName — plus the A and AAAA data of its cluster IPs,
 * built once per change so an address query copies nothing.
 *
 * @param key namespace and name
 * @param shape how the Service answers
 * @param clusterIps the parsed {@code spec.clusterIPs} (or {@code spec.clusterIP} when the list
 *     is empty), in the Service's order; empty when headless or ExternalName
 * @param ports the Service's ports, or the {@link ZonePort#NONE} sentinel
 * @param cnameTarget the ExternalName as a name; empty for other shapes and for an
 *     ExternalName that is an IP address (CoreDNS answers nothing for one: its {@code
 *     findServices} keeps an ExternalName only when it is a host name)
 * @param a the IPv4 cluster IPs as A data, duplicates dropped
 * @param aaaa the IPv6 cluster IPs as AAAA data, duplicates dropped
 */
record ZoneService(NamespacedName key, Shape shape, ImmutableList<IpAddress> clusterIps,
    ImmutableList<ZonePort> ports, Optional<DnsName> cnameTarget,
    ImmutableList<RecordData> a, ImmutableList<RecordData> aaaa) {

  /** How a Service answers, in the order upstream's {@code findServices} tests for them. */
  enum Shape {
    /** {@code type: ExternalName}: a CNAME to the external name. */
    EXTERNAL_NAME,
    /** {@code clusterIP: None}: the ready endpoint addresses. */
    HEADLESS,
    /** Any other: the cluster IPs, with or without endpoints. */
    CLUSTER_IP
  }

  static ZoneService of(Service service) {
    NamespacedName key = service.metadata().key();
    List<String> ips = service.spec().clusterIPs().isEmpty()
        ? List.of(service.spec().clusterIP()) : service.spec().clusterIPs();
    ImmutableList<ZonePort> ports = service.spec().ports().isEmpty()
        ? ImmutableList.of(ZonePort.NONE)
        : service.spec().ports().stream().map(ZonePort::of)
            .collect(ImmutableList.toImmutableList());
    if (service.spec().isType(ServiceType.EXTERNAL_NAME)) {
      String external = service.spec().externalName();
      Optional<DnsName> target = IpAddress.tryParse(external).isPresent() ? Optional.empty()
          : DnsName.tryParse(external);
      return new ZoneService(key, Shape.EXTERNAL_NAME, ImmutableList.of(), ports, target,
          ImmutableList.of(), ImmutableList.of());
    }
    if (ips.get(0).equals("None")) {
      return new ZoneService(key, Shape.HEADLESS, ImmutableList.of(), ports, Optional.empty(),
          ImmutableList.of(), ImmutableList.of());
    }
    List<IpAddress> parsed = new ArrayList<>();
    for (String ip : ips) {
      IpAddress.tryParse(ip).ifPresent(parsed::add);
    }
    return new ZoneService(key, Shape.CLUSTER_IP, ImmutableList.copyOf(parsed), ports,
        Optional.empty(), data(parsed, IpFamily.IPV4), data(parsed, IpFamily.IPV6));
  }

  /** {@return A (IPv4) or AAAA (IPv6) data of each distinct address of one family, in order} */
  static ImmutableList<RecordData> data(List<IpAddress> addresses, IpFamily family) {
    return addresses.stream().filter(ip -> ip.family() == family).distinct()
        .map(ZoneService::data).collect(ImmutableList.toImmutableList());
  }

  /** {@return the A or AAAA data of one address} */
  static RecordData data(IpAddress address) {
    return address.family() == IpFamily.IPV4 ? new RecordData.A(address)
        : new RecordData.Aaaa(address);
  }

  /**
   * {@return whether a change from {@code old} to this one changes records} As upstream's
   * {@code serviceModified} for the internal zone: the ExternalName or a port's name, number
   * or protocol.
   */
  boolean changesRecordsOf(ZoneService old) {
    return !cnameTarget.equals(old.cnameTarget) || !ports.equals(old.ports)
        || shape != old.shape || !clusterIps.equals(old.clusterIps);
  }
}

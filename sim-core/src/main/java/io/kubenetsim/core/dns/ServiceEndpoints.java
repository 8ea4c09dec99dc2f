package io.kubenetsim.core.dns;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.dns.RecordData;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The ready endpoints of one Service, merged over its EndpointSlices (sorted by slice name) —
 * what upstream's {@code EpIndex(service)} lists — with the A and AAAA data a headless answer
 * needs, built once per slice change of that Service.
 *
 * @param slices the Service's slices, by name
 * @param addressCount ready addresses over all slices (duplicates counted)
 * @param a the distinct IPv4 addresses as A data, in slice then endpoint order
 * @param aaaa the distinct IPv6 addresses as AAAA data, likewise
 */
record ServiceEndpoints(ImmutableList<ZoneSlice> slices, int addressCount,
    ImmutableList<RecordData> a, ImmutableList<RecordData> aaaa) {

  /** No slices. */
  static final ServiceEndpoints NONE = new ServiceEndpoints(ImmutableList.of(), 0,
      ImmutableList.of(), ImmutableList.of());

  static ServiceEndpoints of(Collection<ZoneSlice> slices) {
    List<IpAddress> addresses = new ArrayList<>();
    for (ZoneSlice slice : slices) {
      slice.addresses().forEach(e -> addresses.add(e.address()));
    }
    return new ServiceEndpoints(ImmutableList.copyOf(slices), addresses.size(),
        ZoneService.data(addresses, IpFamily.IPV4), ZoneService.data(addresses, IpFamily.IPV6));
  }
}

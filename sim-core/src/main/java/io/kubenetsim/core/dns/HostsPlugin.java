package io.kubenetsim.core.dns;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.DnsQuestion;
import io.kubenetsim.dns.DnsResponse;
import io.kubenetsim.dns.Rcode;
import io.kubenetsim.dns.RecordData;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.dns.ResourceRecord;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hosts plugin with inline entries (coredns {@code plugin/hosts/hosts.go}): A and AAAA of
 * an entry's names, PTR of its addresses (unless {@code no_reverse}); a name with an entry of
 * the other family is NODATA (without SOA — the plugin has none); a name without entries goes
 * to the next plugin under {@code fallthrough}, else SERVFAIL, the plugin's stand-in for an
 * NXDOMAIN it cannot back with a SOA.
 */
final class HostsPlugin implements DnsPlugin {
  private final Directive.Hosts config;
  private final Map<String, List<IpAddress>> byName = new HashMap<>();
  private final Map<IpAddress, List<DnsName>> byAddress = new HashMap<>();

  HostsPlugin(Directive.Hosts config) {
    this.config = config;
    for (Directive.HostsEntry entry : config.entries()) {
      for (DnsName name : entry.names()) {
        byName.computeIfAbsent(name.key(), k -> new ArrayList<>()).add(entry.address());
        if (config.reverse()) {
          byAddress.computeIfAbsent(entry.address(), k -> new ArrayList<>()).add(name);
        }
      }
    }
  }

  @Override
  public String name() {
    return "hosts";
  }

  @Override
  public DnsResponse serve(DnsQuestion q, Next next) {
    boolean inZone = Zones.longestMatch(config.zones(), q.name()).isPresent();
    if (!inZone && q.type() != RecordType.PTR) {
      return next.serve(q);
    }
    List<ResourceRecord> answers = new ArrayList<>();
    if (q.type() == RecordType.PTR) {
      Optional<IpAddress> address = q.name().reverseAddress();
      List<DnsName> names = address.map(byAddress::get).orElse(null);
      if (names == null) {
        return next.serve(q);
      }
      names.forEach(n -> answers.add(new ResourceRecord(q.name(), config.ttl(),
          new RecordData.Ptr(n))));
    } else if (q.type() == RecordType.A || q.type() == RecordType.AAAA) {
      IpFamily family = q.type() == RecordType.A ? IpFamily.IPV4 : IpFamily.IPV6;
      for (IpAddress ip : byName.getOrDefault(q.name().key(), List.of())) {
        if (ip.family() == family) {
          answers.add(new ResourceRecord(q.name(), config.ttl(), ZoneService.data(ip)));
        }
      }
    }
    if (answers.isEmpty() && !byName.containsKey(q.name().key())) {
      if (Zones.longestMatch(config.fallthrough(), q.name()).isPresent()) {
        return next.serve(q);
      }
      return ForwardPlugin.failure(q, Rcode.SERVFAIL);
    }
    return new DnsResponse(q, Rcode.NOERROR, true, ImmutableList.copyOf(answers),
        ImmutableList.of(), ImmutableList.of());
  }
}

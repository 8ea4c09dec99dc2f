package io.kubenetsim.core.dns;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.DnsQuestion;
import io.kubenetsim.dns.DnsResponse;
import io.kubenetsim.dns.RecordData;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.dns.ResourceRecord;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Records per question type from the backend's items, as CoreDNS's shared {@code
 * plugin/backend_lookup.go} builds them: {@code A}/{@code AAAA} (aliases chased inside the zone
 * or looked up through the server, at most ten deep), {@code SRV} (priority 0, weight
 * {@code floor(100/n)} at least 1 over all n items, targets' addresses in the additional
 * section), {@code PTR}, {@code CNAME}, {@code NS} and {@code SOA}.
 *
 * <p>Answer owner names are the question's name as asked; SRV and NS targets and SOA owners
 * use the zone as the question spells it.
 */
final class KubernetesAnswers {
  /** Upstream's {@code maxCnameChainLength}. */
  private static final int MAX_CNAME_CHAIN = 10;

  /** Records of an answer, or that the name does not exist. */
  record Section(ImmutableList<ResourceRecord> answers, ImmutableList<ResourceRecord> extra,
      boolean nameError) {
    static final Section NAME_ERROR = new Section(ImmutableList.of(), ImmutableList.of(), true);
    static final Section EMPTY = new Section(ImmutableList.of(), ImmutableList.of(), false);

    static Section of(List<ResourceRecord> answers, List<ResourceRecord> extra) {
      return new Section(ImmutableList.copyOf(answers), ImmutableList.copyOf(extra), false);
    }
  }

  private final KubernetesBackend backend;
  private final Upstream lookup;
  /** The SOA last built: reused while the zone's spelling and serial are the same. */
  private ResourceRecord lastSoa;

  KubernetesAnswers(KubernetesBackend backend, Upstream lookup) {
    this.backend = backend;
    this.lookup = lookup;
  }

  /** Upstream's {@code A} and {@code AAAA}. */
  Section addresses(DnsQuestion q, DnsName zone, List<ResourceRecord> chain) {
    IpFamily family = q.type() == RecordType.A ? IpFamily.IPV4 : IpFamily.IPV6;
    Found found = backend.services(q.name(), q.type(), zone);
    if (found.nameError()) {
      return Section.NAME_ERROR;
    }
    List<ResourceRecord> records = new ArrayList<>();
    Set<IpAddress> seen = new HashSet<>();
    for (Target t : found.targets()) {
      if (t.alias().isPresent()) {
        records.addAll(chase(q, zone, t, chain));
      } else if (t.address().get().family() == family && seen.add(t.address().get())) {
        records.add(new ResourceRecord(q.name(), t.ttl(), ZoneService.data(t.address().get())));
      }
    }
    return Section.of(records, List.of());
  }

  /** An alias among the items: the CNAME plus the target's addresses, or nothing. */
  private List<ResourceRecord> chase(DnsQuestion q, DnsName zone, Target t,
      List<ResourceRecord> chain) {
    DnsName target = t.alias().get();
    if (q.name().sameAs(target) || chain.size() > MAX_CNAME_CHAIN) {
      return List.of();
    }
    ResourceRecord cname = new ResourceRecord(q.name(), t.ttl(), new RecordData.Cname(target));
    if (chain.stream().anyMatch(r -> r.data().equals(cname.data()) && r.name().sameAs(q.name()))) {
      return List.of();
    }
    List<ResourceRecord> out = new ArrayList<>();
    if (target.isIn(zone)) {
      List<ResourceRecord> longer = new ArrayList<>(chain);
      longer.add(cname);
      Section next = addresses(new DnsQuestion(target, q.type()), zone, longer);
      if (!next.nameError() && !next.answers().isEmpty()) {
        out.add(cname);
        out.addAll(next.answers());
      }
      return out;
    }
    Optional<DnsResponse> reply = lookup.forward(new DnsQuestion(target, q.type()));
    if (reply.isPresent()) {
      out.add(cname);
      out.addAll(reply.get().answers());
    }
    return out;
  }

  /** Upstream's {@code SRV}. */
  Section srv(DnsQuestion q, DnsName zone) {
    Found found = backend.services(q.name(), RecordType.SRV, zone);
    if (found.nameError()) {
      return Section.NAME_ERROR;
    }
    int n = found.targets().size();
    int weight = n == 0 ? 0 : Math.max(1, (int) Math.floor(100.0 / (100.0 * n) * 100));
    List<ResourceRecord> records = new ArrayList<>();
    List<ResourceRecord> extra = new ArrayList<>();
    Set<String> seenSrv = new HashSet<>();
    Set<String> seenAddress = new HashSet<>();
    for (Target t : found.targets()) {
      if (t.port() == -1 || t.address().isEmpty()) {
        continue;
      }
      if (seenSrv.add(t.name().key() + " " + t.port())) {
        records.add(new ResourceRecord(q.name(), t.ttl(),
            new RecordData.Srv(0, weight, t.port(), t.name())));
      }
      if (seenAddress.add(t.name().key() + " " + t.address().get())) {
        extra.add(new ResourceRecord(t.name(), t.ttl(), ZoneService.data(t.address().get())));
      }
    }
    return Section.of(records, extra);
  }

  /** Upstream's {@code PTR}: one record per distinct name. */
  Section ptr(DnsQuestion q, DnsName zone) {
    Found found = backend.reverse(q.name(), zone);
    if (found.nameError()) {
      return Section.NAME_ERROR;
    }
    List<ResourceRecord> records = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Target t : found.targets()) {
      DnsName host = t.alias().get();
      if (seen.add(host.key())) {
        records.add(new ResourceRecord(q.name(), t.ttl(), new RecordData.Ptr(host)));
      }
    }
    return Section.of(records, List.of());
  }

  /** Upstream's {@code CNAME}: the first item, if it is an alias. */
  Section cname(DnsQuestion q, DnsName zone) {
    Found found = backend.services(q.name(), RecordType.CNAME, zone);
    if (found.nameError()) {
      return Section.NAME_ERROR;
    }
    if (found.targets().isEmpty() || found.targets().get(0).alias().isEmpty()) {
      return Section.EMPTY;
    }
    Target t = found.targets().get(0);
    return Section.of(List.of(new ResourceRecord(q.name(), t.ttl(),
        new RecordData.Cname(t.alias().get()))), List.of());
  }

  /** Upstream's {@code NS} at the apex: one record per name server, their addresses as extra. */
  Section ns(DnsQuestion q, DnsName zone) {
    List<ResourceRecord> records = new ArrayList<>();
    List<ResourceRecord> extra = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Target t : backend.nsAddresses(zone)) {
      extra.add(new ResourceRecord(t.name(), t.ttl(), ZoneService.data(t.address().get())));
      if (seen.add(t.name().key())) {
        records.add(new ResourceRecord(q.name(), t.ttl(), new RecordData.Ns(t.name())));
      }
    }
    return Section.of(records, extra);
  }

  /** The schema version record of {@code dns-version.<zone>}. */
  Section schemaVersion(DnsQuestion q) {
    return Section.of(List.of(new ResourceRecord(q.name(), KubernetesBackend.SCHEMA_VERSION_TTL,
        RecordData.Txt.of(KubernetesBackend.SCHEMA_VERSION))), List.of());
  }

  /** Whether a name exists, for types it has no records of: NODATA or NXDOMAIN. */
  Section existence(DnsQuestion q, DnsName zone, RecordType asType) {
    Found found = backend.services(q.name(), asType, zone);
    return found.nameError() ? Section.NAME_ERROR : Section.EMPTY;
  }

  /**
   * {@return the zone's SOA record (upstream's {@code SOA})}: owner the zone as asked, MNAME
   * {@code ns.dns.<zone>}, RNAME {@code hostmaster.<zone>}, the zone's serial, refresh 7200,
   * retry 1800, expire 86400, minimum the TTL; the record's own TTL at most 300
   */
  ResourceRecord soa(DnsName zone) {
    long ttl = backend.options().ttl();
    long serial = backend.zone().serial() & 0xFFFF_FFFFL;
    ResourceRecord last = lastSoa;
    if (last != null && last.name().text().equals(zone.text())
        && ((RecordData.Soa) last.data()).serial() == serial) {
      return last;
    }
    lastSoa = new ResourceRecord(zone, Math.min(ttl, 300), new RecordData.Soa(
        KubernetesBackend.under(zone, "ns", "dns"), KubernetesBackend.under(zone, "hostmaster"),
        serial, 7200, 1800, 86400, ttl));
    return lastSoa;
  }
}

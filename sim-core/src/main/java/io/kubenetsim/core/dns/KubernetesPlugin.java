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
import java.util.List;

/**
 * CoreDNS's kubernetes plugin answering one question, as upstream's {@code ServeDNS} ({@code
 * plugin/kubernetes/handler.go}) does: a name outside its zones goes to the next plugin; else
 * records by type (see {@link KubernetesAnswers}); a name that does not exist is NXDOMAIN —
 * passed to the next plugin when {@code fallthrough} covers it, SERVFAIL while the zone is not
 * synced — and an existing name without records of the type is NODATA; both negative answers
 * carry the zone's SOA. Types with no records of their own (NS below the apex, anything the
 * schema does not define) are looked up as A to tell the two apart.
 *
 * <p>The common question, A or AAAA of a Service's plain name with records to give, is
 * answered from data the zone built when the Service or its slices last changed: one parse of
 * the name, two hash lookups and the reply's own objects.
 *
 * <p>Simplification: AXFR and IXFR (REFUSED upstream without the transfer plugin) and other
 * types outside {@link RecordType} cannot be asked.
 */
final class KubernetesPlugin implements DnsPlugin {
  private final KubernetesBackend backend;
  private final KubernetesAnswers answers;
  private final KubernetesOptions options;
  private final KubernetesZone zone;
  /** The zones' lower-case texts, longest first, for the allocation-free match. */
  private final String[] zoneKeys;
  private final String[] fallthroughKeys;
  /** The zones as names, by key (built once, not per question). */
  private final java.util.Map<String, DnsName> zoneNames = new java.util.HashMap<>();

  KubernetesPlugin(KubernetesOptions options, KubernetesZone zone, List<IpAddress> ownIps,
      Upstream lookup) {
    this.options = options;
    this.zone = zone;
    this.backend = new KubernetesBackend(options, zone, ownIps);
    this.answers = new KubernetesAnswers(backend, lookup);
    this.zoneKeys = options.zones().stream().map(DnsName::key)
        .sorted((a, b) -> b.length() - a.length()).toArray(String[]::new);
    options.zones().forEach(z -> zoneNames.putIfAbsent(z.key(), z));
    this.fallthroughKeys = options.fallthrough().stream().map(DnsName::key)
        .toArray(String[]::new);
  }

  @Override
  public String name() {
    return "kubernetes";
  }

  @Override
  public DnsResponse serve(DnsQuestion q, Next next) {
    String key = q.name().key();
    String zoneKey = zoneOf(key);
    if (zoneKey == null) {
      return next.serve(q);
    }
    DnsResponse quick = quickAddresses(q, key, zoneKey);
    if (quick != null) {
      return quick;
    }
    DnsName zoneAsked = Zones.asAsked(q.name(), zoneNames.get(zoneKey));
    KubernetesAnswers.Section section = section(q, key, zoneKey, zoneAsked);
    if (section.nameError()) {
      if (fallsThrough(key)) {
        return next.serve(q);
      }
      Rcode rcode = zone.synced() ? Rcode.NXDOMAIN : Rcode.SERVFAIL;
      return negative(q, rcode, zoneAsked);
    }
    if (section.answers().isEmpty()) {
      return negative(q, Rcode.NOERROR, zoneAsked);
    }
    return new DnsResponse(q, Rcode.NOERROR, true, section.answers(), ImmutableList.of(),
        section.extra());
  }

  private KubernetesAnswers.Section section(DnsQuestion q, String key, String zoneKey,
      DnsName zoneAsked) {
    boolean apex = key.length() == zoneKey.length();
    switch (q.type()) {
      case A:
      case AAAA:
        return answers.addresses(q, zoneAsked, List.of());
      case TXT:
        return key.equals("dns-version." + zoneKey) ? answers.schemaVersion(q)
            : answers.existence(q, zoneAsked, RecordType.TXT);
      case CNAME:
        return answers.cname(q, zoneAsked);
      case PTR:
        return answers.ptr(q, zoneAsked);
      case MX:
        return answers.existence(q, zoneAsked, RecordType.MX);
      case SRV:
        return answers.srv(q, zoneAsked);
      case SOA:
        return apex ? KubernetesAnswers.Section.of(List.of(answers.soa(zoneAsked)), List.of())
            : KubernetesAnswers.Section.EMPTY;
      case NS:
        return apex ? answers.ns(q, zoneAsked) : answers.existence(q, zoneAsked, RecordType.A);
      default:
        return answers.existence(q, zoneAsked, RecordType.A);
    }
  }

  /**
   * {@return the answer to A or AAAA of a plain Service name when the zone has records ready
   * for it, else null (the general path decides)}
   */
  private DnsResponse quickAddresses(DnsQuestion q, String key, String zoneKey) {
    boolean v4 = q.type() == RecordType.A;
    if (!v4 && q.type() != RecordType.AAAA) {
      return null;
    }
    RecordRequest r = RecordRequest.parse(key, zoneKey.length());
    if (r.invalid() || !r.isPlainService() || r.service().isEmpty()) {
      return null;
    }
    ZoneService svc = zone.serviceOrNull(r.namespace(), r.service());
    if (svc == null || !backend.namespaceExposed(r.namespace())) {
      return null;
    }
    ImmutableList<RecordData> data;
    if (svc.shape() == ZoneService.Shape.CLUSTER_IP && !options.ignoreEmptyService()) {
      data = v4 ? svc.a() : svc.aaaa();
    } else if (svc.shape() == ZoneService.Shape.HEADLESS && !options.noEndpoints()) {
      ServiceEndpoints endpoints = zone.endpoints(svc.key());
      data = v4 ? endpoints.a() : endpoints.aaaa();
    } else {
      return null;
    }
    if (data.isEmpty()) {
      return null;
    }
    ImmutableList.Builder<ResourceRecord> records =
        ImmutableList.builderWithExpectedSize(data.size());
    for (RecordData d : data) {
      records.add(new ResourceRecord(q.name(), options.ttl(), d));
    }
    return new DnsResponse(q, Rcode.NOERROR, true, records.build(), ImmutableList.of(),
        ImmutableList.of());
  }

  private DnsResponse negative(DnsQuestion q, Rcode rcode, DnsName zoneAsked) {
    return new DnsResponse(q, rcode, true, ImmutableList.of(),
        ImmutableList.of(answers.soa(zoneAsked)), ImmutableList.of());
  }

  /** {@return the key of the longest zone holding {@code key}, or null} */
  private String zoneOf(String key) {
    for (String zoneKey : zoneKeys) {
      if (in(key, zoneKey)) {
        return zoneKey;
      }
    }
    return null;
  }

  /** {@code fallthrough}'s zones matched on the key already at hand ({@code fallsThrough}). */
  private boolean fallsThrough(String key) {
    for (String zoneKey : fallthroughKeys) {
      if (in(key, zoneKey)) {
        return true;
      }
    }
    return false;
  }

  /** {@return whether the name {@code key} is the zone {@code zoneKey} or under it} */
  private static boolean in(String key, String zoneKey) {
    return zoneKey.equals(".") || key.endsWith(zoneKey) && (key.length() == zoneKey.length()
        || key.charAt(key.length() - zoneKey.length() - 1) == '.');
  }
}

package io.kubenetsim;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.RecordData;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.dns.ResourceRecord;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.UpstreamZone;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Builds an {@link UpstreamZone}: names outside the cluster, answered by the nodes' resolver
 * (and so by CoreDNS's {@code forward}). Without any, every name outside the cluster is
 * NXDOMAIN.
 *
 * <pre>{@code
 * c.upstreamZone("internet")
 *     .a("example.com", "93.184.216.34")
 *     .cname("www.example.com", "example.com")
 *     .record("example.com", RecordType.TXT, "v=spf1 -all")
 *     .create();
 * }</pre>
 */
public final class UpstreamZoneBuilder {
  private final String name;
  private final Function<UpstreamZone, UpstreamZone> creator;
  private final List<ResourceRecord> records = new ArrayList<>();
  private long ttl = UpstreamZone.DEFAULT_TTL;

  /** For {@link Cluster} implementations: {@code creator} submits the built zone. */
  public UpstreamZoneBuilder(String name, Function<UpstreamZone, UpstreamZone> creator) {
    this.name = name;
    this.creator = creator;
  }

  /** Sets the TTL of the records added after this call (300 s until set). */
  public UpstreamZoneBuilder ttl(long seconds) {
    checkArgument(seconds >= 0 && seconds <= Integer.MAX_VALUE,
        "ttl must be 0 to 2147483647 seconds, got %s", seconds);
    ttl = seconds;
    return this;
  }

  /**
   * Adds a record, its data written as a zone file writes it after the type.
   *
   * @throws IllegalArgumentException for a name that is not a domain name, or data that does
   *     not fit the type ({@link RecordData#parse} says what it needs)
   */
  public UpstreamZoneBuilder record(String owner, RecordType type, String data) {
    records.add(new ResourceRecord(DnsName.of(owner), ttl, RecordData.parse(type, data)));
    return this;
  }

  /** Adds an A record ({@code ip} IPv4) or, for an IPv6 address, an AAAA record. */
  public UpstreamZoneBuilder a(String owner, String ip) {
    return record(owner, ip.contains(":") ? RecordType.AAAA : RecordType.A, ip);
  }

  /** Adds a CNAME: {@code owner} is an alias of {@code target}. */
  public UpstreamZoneBuilder cname(String owner, String target) {
    return record(owner, RecordType.CNAME, target);
  }

  /** {@return the zone, not yet created} */
  public UpstreamZone build() {
    return new UpstreamZone(ObjectMeta.named(name), ImmutableList.copyOf(records));
  }

  /**
   * Creates the zone. {@return it as the API holds it}
   *
   * @throws ApiException AlreadyExists when a zone of that name exists (change it with {@link
   *     Cluster#apply})
   */
  public UpstreamZone create() {
    return creator.apply(build());
  }
}

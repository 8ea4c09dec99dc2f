package io.kubenetsim.dns;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * One record: an owner name, a time to live and typed data. {@code toString()} is the line
 * {@code dig} prints: {@code web.shop.svc.cluster.local. 30 IN A 10.96.0.15}.
 *
 * @param name the owner name
 * @param ttl seconds a resolver may cache the record (0 to 2^31 - 1)
 * @param data the record's type and content
 */
public record ResourceRecord(DnsName name, long ttl, RecordData data) {

  public ResourceRecord {
    checkArgument(name != null && data != null, "name and data must not be null");
    checkArgument(ttl >= 0 && ttl <= Integer.MAX_VALUE, "ttl must be 0 to 2147483647, got %s",
        ttl);
  }

  /** {@return the record's type} */
  public RecordType type() {
    return data.type();
  }

  @Override
  public String toString() {
    return name + " " + ttl + " IN " + data.type() + " " + data;
  }
}

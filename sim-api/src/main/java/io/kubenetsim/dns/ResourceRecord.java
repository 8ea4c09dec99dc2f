package io.kubenetsim.dns;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * One record: an owner name, a time to live and typed data. {@code toString()} is the line
 * {@code dig} prints: {@code web.shop.svc.cluster.local. 30 IN A 10.96.0.15}; {@link #parse}
 * reads that line back, and a shorter one with the TTL and class left out.
 *
 * <pre>{@code
 * ResourceRecord a = ResourceRecord.parse("example.com A 93.184.216.34");
 * a.ttl();                         // 300, DEFAULT_TTL
 * a.toString();                    // "example.com. 300 IN A 93.184.216.34"
 * ResourceRecord.parse("www.example.com. 60 IN CNAME example.com.").data();  // example.com.
 * }</pre>
 *
 * @param name the owner name
 * @param ttl seconds a resolver may cache the record (0 to 2^31 - 1)
 * @param data the record's type and content
 */
public record ResourceRecord(DnsName name, long ttl, RecordData data) {

  /** The TTL {@link #parse} gives a record whose line has none. */
  public static final long DEFAULT_TTL = 300;

  public ResourceRecord {
    checkArgument(name != null && data != null, "name and data must not be null");
    checkArgument(ttl >= 0 && ttl <= Integer.MAX_VALUE, "ttl must be 0 to 2147483647, got %s",
        ttl);
  }

  /**
   * {@return the record a zone-file style line describes}: {@code NAME [TTL] [IN] TYPE RDATA},
   * fields separated by blanks, the name made absolute; RDATA as {@link RecordData#parse}
   * reads it.
   *
   * @throws IllegalArgumentException naming the line and what is wrong with it (too few
   *     fields, a bad name, an unknown type, data the type cannot hold)
   */
  public static ResourceRecord parse(String line) {
    checkArgument(line != null, "a record line must not be null");
    String[] fields = line.strip().split("\\s+", 4);
    checkArgument(fields.length >= 3, "\"%s\" is not a record; write NAME [TTL] [IN] TYPE DATA, "
        + "e.g. \"example.com A 93.184.216.34\"", line);
    DnsName name = DnsName.tryParse(fields[0]).orElseThrow(() -> new IllegalArgumentException(
        "\"" + line + "\": \"" + fields[0] + "\" is not a valid DNS name"));
    String rest = line.strip().substring(fields[0].length()).strip();
    long ttl = DEFAULT_TTL;
    String[] parts = rest.split("\\s+", 2);
    if (parts[0].chars().allMatch(Character::isDigit)) {
      ttl = Long.parseLong(parts[0]);
      checkArgument(parts.length == 2, "\"%s\" has no type after the TTL", line);
      rest = parts[1];
      parts = rest.split("\\s+", 2);
    }
    if (parts[0].equalsIgnoreCase("IN")) {
      checkArgument(parts.length == 2, "\"%s\" has no type after IN", line);
      rest = parts[1];
      parts = rest.split("\\s+", 2);
    }
    String typeText = parts[0];
    RecordType type = RecordType.tryParse(typeText).orElseThrow(() ->
        new IllegalArgumentException("\"" + line + "\": \"" + typeText + "\" is not a record "
            + "type; use one of " + Arrays.toString(RecordType.values())));
    checkArgument(parts.length == 2, "\"%s\" has no data after the type %s", line, type);
    return new ResourceRecord(name, ttl, RecordData.parse(type, parts[1]));
  }

  /** {@return the same record with this owner name (a CNAME target's answer renamed)} */
  public ResourceRecord withName(DnsName newName) {
    return new ResourceRecord(newName, ttl, data);
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

package io.kubenetsim.dns;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one record holds, typed by its record type. {@code toString()} is the RDATA in
 * presentation form, as {@code dig} prints it after the type: {@code 10.96.0.10}, {@code 0 50
 * 80 web-0.web.shop.svc.cluster.local.}, {@code "1.1.0"}; {@link #parse} reads that form.
 */
public sealed interface RecordData {

  /** {@return the record type this data belongs to} */
  RecordType type();

  /**
   * {@return the data of a record of {@code type} written in presentation form}: an address
   * for A and AAAA; a name for CNAME, PTR and NS; {@code PREFERENCE EXCHANGE} for MX; {@code
   * PRIORITY WEIGHT PORT TARGET} for SRV; strings (quoted, or one bare word each) for TXT;
   * {@code MNAME RNAME SERIAL REFRESH RETRY EXPIRE MINIMUM} for SOA
   *
   * @throws IllegalArgumentException naming the text and the form the type expects
   */
  static RecordData parse(RecordType type, String text) {
    checkArgument(type != null && text != null, "type and text must not be null");
    return RecordDataParser.parse(type, text.strip());
  }

  /** An IPv4 address. */
  record A(IpAddress address) implements RecordData {
    public A {
      checkArgument(address != null && address.family() == IpFamily.IPV4,
          "an A record holds an IPv4 address, got %s", address);
    }

    @Override
    public RecordType type() {
      return RecordType.A;
    }

    @Override
    public String toString() {
      return address.toString();
    }
  }

  /** An IPv6 address. */
  record Aaaa(IpAddress address) implements RecordData {
    public Aaaa {
      checkArgument(address != null && address.family() == IpFamily.IPV6,
          "an AAAA record holds an IPv6 address, got %s", address);
    }

    @Override
    public RecordType type() {
      return RecordType.AAAA;
    }

    @Override
    public String toString() {
      return address.toString();
    }
  }

  /** The canonical name this name is an alias of. */
  record Cname(DnsName target) implements RecordData {
    public Cname {
      checkArgument(target != null, "target must not be null");
    }

    @Override
    public RecordType type() {
      return RecordType.CNAME;
    }

    @Override
    public String toString() {
      return target.toString();
    }
  }

  /** The name an address points back to. */
  record Ptr(DnsName target) implements RecordData {
    public Ptr {
      checkArgument(target != null, "target must not be null");
    }

    @Override
    public RecordType type() {
      return RecordType.PTR;
    }

    @Override
    public String toString() {
      return target.toString();
    }
  }

  /** A name server of the zone. */
  record Ns(DnsName host) implements RecordData {
    public Ns {
      checkArgument(host != null, "host must not be null");
    }

    @Override
    public RecordType type() {
      return RecordType.NS;
    }

    @Override
    public String toString() {
      return host.toString();
    }
  }

  /** A mail exchanger (no cluster name has one; present so a query for it can be NODATA). */
  record Mx(int preference, DnsName exchange) implements RecordData {
    public Mx {
      checkArgument(preference >= 0 && preference <= 65535 && exchange != null,
          "preference 0-65535 and an exchange, got %s %s", preference, exchange);
    }

    @Override
    public RecordType type() {
      return RecordType.MX;
    }

    @Override
    public String toString() {
      return preference + " " + exchange;
    }
  }

  /** A service location (RFC 2782): where {@code _port._proto.name} is served. */
  record Srv(int priority, int weight, int port, DnsName target) implements RecordData {
    public Srv {
      checkArgument(priority >= 0 && priority <= 65535 && weight >= 0 && weight <= 65535
          && port >= 0 && port <= 65535, "priority, weight and port are 0-65535, got %s %s %s",
          priority, weight, port);
      checkArgument(target != null, "target must not be null");
    }

    @Override
    public RecordType type() {
      return RecordType.SRV;
    }

    @Override
    public String toString() {
      return priority + " " + weight + " " + port + " " + target;
    }
  }

  /** Text strings. */
  record Txt(ImmutableList<String> strings) implements RecordData {
    public Txt {
      strings = ImmutableList.copyOf(strings);
    }

    /** {@return a TXT record of these strings} */
    public static Txt of(String... strings) {
      return new Txt(ImmutableList.copyOf(strings));
    }

    @Override
    public RecordType type() {
      return RecordType.TXT;
    }

    @Override
    public String toString() {
      return strings.stream().map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"")
          + "\"").collect(Collectors.joining(" "));
    }
  }

  /**
   * The start of a zone's authority (RFC 1035 §3.3.13); a negative answer carries one in its
   * authority section, whose {@code minimum} bounds how long the negative answer may be cached.
   */
  record Soa(DnsName mname, DnsName rname, long serial, long refresh, long retry, long expire,
      long minimum) implements RecordData {
    public Soa {
      checkArgument(mname != null && rname != null, "mname and rname must not be null");
      for (long value : List.of(serial, refresh, retry, expire, minimum)) {
        checkArgument(value >= 0 && value <= 0xFFFF_FFFFL, "SOA numbers are 32-bit unsigned, "
            + "got %s", value);
      }
    }

    @Override
    public RecordType type() {
      return RecordType.SOA;
    }

    @Override
    public String toString() {
      return mname + " " + rname + " " + serial + " " + refresh + " " + retry + " " + expire + " "
          + minimum;
    }
  }
}

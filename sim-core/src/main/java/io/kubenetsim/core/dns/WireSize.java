package io.kubenetsim.core.dns;

import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.DnsResponse;
import io.kubenetsim.dns.RecordData;
import io.kubenetsim.dns.ResourceRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How many octets a reply takes on the wire (RFC 1035 §4.1), with the name compression CoreDNS
 * applies to its replies (miekg/dns {@code Msg.Len} with {@code Compress}): a name whose tail was
 * written before is its new labels and a 2-octet pointer. The target of an SRV record is never
 * compressed (RFC 2782). What decides whether a UDP reply fits: without EDNS0 a resolver takes
 * at most {@link #UDP_LIMIT} octets, and CoreDNS truncates a longer reply (TC) so the resolver
 * asks again over TCP.
 *
 * <pre>{@code
 * WireSize.of(reply) > WireSize.UDP_LIMIT   // a headless Service of 40 pods: 672 octets
 * }</pre>
 *
 * <p>Simplification: an EDNS0 OPT record is neither sent nor counted: glibc sends none unless
 * resolv.conf has {@code options edns0}, which the simulated resolver ignores.
 */
public final class WireSize {
  /** The largest UDP reply a resolver without EDNS0 accepts (RFC 1035 §4.2.1). */
  public static final int UDP_LIMIT = 512;

  private static final int HEADER = 12;
  /** TYPE, CLASS, TTL, RDLENGTH. */
  private static final int RECORD_FIXED = 10;

  private final Set<String> written = new HashSet<>();
  private int size = HEADER;

  private WireSize() {}

  /** {@return the reply's size in octets} */
  public static int of(DnsResponse reply) {
    WireSize message = new WireSize();
    message.name(reply.question().name(), true);
    message.size += 4;
    message.records(reply.answers());
    message.records(reply.authority());
    message.records(reply.additional());
    return message.size;
  }

  private void records(List<ResourceRecord> records) {
    for (ResourceRecord record : records) {
      name(record.name(), true);
      size += RECORD_FIXED;
      data(record.data());
    }
  }

  private void data(RecordData data) {
    if (data instanceof RecordData.A) {
      size += 4;
    } else if (data instanceof RecordData.Aaaa) {
      size += 16;
    } else if (data instanceof RecordData.Cname c) {
      name(c.target(), true);
    } else if (data instanceof RecordData.Ptr p) {
      name(p.target(), true);
    } else if (data instanceof RecordData.Ns n) {
      name(n.host(), true);
    } else if (data instanceof RecordData.Mx m) {
      size += 2;
      name(m.exchange(), true);
    } else if (data instanceof RecordData.Srv s) {
      size += 6;
      name(s.target(), false);
    } else if (data instanceof RecordData.Txt t) {
      t.strings().forEach(text -> size += 1 + text.length());
    } else if (data instanceof RecordData.Soa s) {
      name(s.mname(), true);
      name(s.rname(), true);
      size += 20;
    }
  }

  /** Adds a name: its labels up to the longest tail already written, then a pointer. */
  private void name(DnsName name, boolean compress) {
    List<String> labels = name.labels();
    for (int i = 0; i < labels.size(); i++) {
      String tail = String.join(".", labels.subList(i, labels.size())).toLowerCase(Locale.ROOT);
      if (compress && written.contains(tail)) {
        size += 2;
        return;
      }
      written.add(tail);
      size += 1 + labels.get(i).length();
    }
    size += 1;
  }
}

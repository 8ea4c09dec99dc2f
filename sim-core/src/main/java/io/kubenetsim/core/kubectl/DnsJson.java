package io.kubenetsim.core.kubectl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.Connection;
import io.kubenetsim.dns.DnsAttempt;
import io.kubenetsim.dns.DnsLookup;
import io.kubenetsim.dns.ResourceRecord;
import io.kubenetsim.net.IpAddress;
import java.util.List;
import java.util.Optional;

/**
 * A {@link DnsLookup} as the {@code nslookup} contract writes it: {@code {"query", "type",
 * "rcode", "answers": [{"name", "type", "ttl", "data"}], "tried": [names in order], "server"}},
 * then extra fields: {@code timedOut}, {@code elapsedSeconds}, and {@code queries}, one object
 * per query ({@code name}, {@code type}, {@code server}, {@code protocol}: UDP, or TCP after a
 * truncated UDP reply, {@code rcode}, {@code answeredBy}:
 * the CoreDNS pod the datagram reached, {@code reason} when it got no reply). {@code rcode} is
 * {@code null} when no server answered. An SRV record's {@code data} reads {@code priority
 * weight port target}, as in a zone file. Used by {@code nslookup} and by {@code probe} for a
 * {@code dns:NAME} destination.
 */
final class DnsJson {

  private DnsJson() {}

  static ObjectNode of(DnsLookup lookup) {
    ObjectNode json = JsonOutput.object();
    json.put("query", lookup.query());
    json.put("type", lookup.type().name());
    JsonOutput.putOptional(json, "rcode", lookup.rcode());
    records(json.putArray("answers"), lookup.answers());
    ArrayNode tried = json.putArray("tried");
    lookup.tried().forEach(a -> tried.add(a.question().name().toString()));
    JsonOutput.putOptional(json, "server", server(lookup));
    json.put("timedOut", lookup.timedOut());
    json.put("elapsedSeconds", lookup.elapsed().toSeconds());
    ArrayNode queries = json.putArray("queries");
    for (DnsAttempt attempt : lookup.tried()) {
      ObjectNode q = queries.addObject();
      q.put("name", attempt.question().name().toString());
      q.put("type", attempt.question().type().name());
      q.put("server", attempt.server().toString());
      q.put("protocol", attempt.protocol().name());
      JsonOutput.putOptional(q, "rcode", attempt.rcode());
      JsonOutput.putOptional(q, "answeredBy", attempt.connection().flatMap(Connection::backendPod)
          .filter(p -> !attempt.timedOut()));
      if (attempt.timedOut()) {
        q.put("reason", attempt.connection().map(Connection::reason).orElse("no reply"));
      }
    }
    return json;
  }

  /** Adds {@code {"name", "type", "ttl", "data"}} per record, data in presentation form. */
  static void records(ArrayNode array, List<ResourceRecord> records) {
    for (ResourceRecord record : records) {
      ObjectNode a = array.addObject();
      a.put("name", record.name().toString());
      a.put("type", record.type().name());
      a.put("ttl", record.ttl());
      a.put("data", record.data().toString());
    }
  }

  /**
   * {@return the nameserver that gave the reply returned, else the first one asked, else the
   * first in resolv.conf}
   */
  static Optional<IpAddress> server(DnsLookup lookup) {
    Optional<IpAddress> replied = lookup.tried().stream()
        .filter(a -> a.response().isPresent() && a.response().equals(lookup.response()))
        .map(DnsAttempt::server).reduce((first, last) -> last);
    return replied.or(() -> lookup.tried().stream().map(DnsAttempt::server).findFirst())
        .or(() -> lookup.resolvConf().nameservers().stream().findFirst());
  }
}

package io.kubenetsim.core.dns;

import io.kubenetsim.Connection;
import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.DnsQuestion;
import io.kubenetsim.dns.DnsResponse;
import io.kubenetsim.dns.Rcode;
import io.kubenetsim.dns.RecordData;
import io.kubenetsim.dns.ResourceRecord;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.IpAddress;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fake network for {@link StubResolver} tests: per server and name, a script of what each
 * datagram meets, consumed in order with the last step repeating; any name without a script
 * is NXDOMAIN. An answer holds {@link #ADDRESS}.
 */
final class ScriptedTransport implements StubResolverTransport {

  /** What one datagram meets. */
  enum Step { ANSWER, NXDOMAIN, NODATA, SERVFAIL, REFUSED, FORMERR, TIMEOUT, ICMP_REJECT }

  static final IpAddress ADDRESS = IpAddress.parse("10.96.0.15");

  private final Map<String, Deque<Step>> scripts = new HashMap<>(); // lookup only

  /** Scripts {@code name} (absolute or not) at {@code server}. */
  ScriptedTransport on(String server, String name, Step... steps) {
    scripts.put(key(IpAddress.parse(server), DnsName.of(name)), new ArrayDeque<>(List.of(steps)));
    return this;
  }

  @Override
  public Exchange exchange(IpAddress server, DnsQuestion question) {
    Deque<Step> script = scripts.get(key(server, question.name()));
    Step step = script == null ? Step.NXDOMAIN
        : script.size() > 1 ? script.removeFirst() : script.getFirst();
    return switch (step) {
      case ANSWER -> Exchange.answered(DnsResponse.of(question, Rcode.NOERROR, List.of(
          new ResourceRecord(question.name(), 30, new RecordData.A(ADDRESS))), List.of(),
          List.of()));
      case NODATA -> reply(question, Rcode.NOERROR);
      case NXDOMAIN -> reply(question, Rcode.NXDOMAIN);
      case SERVFAIL -> reply(question, Rcode.SERVFAIL);
      case REFUSED -> reply(question, Rcode.REFUSED);
      case FORMERR -> reply(question, Rcode.FORMERR);
      case TIMEOUT -> Exchange.timedOut();
      case ICMP_REJECT -> new Exchange(Optional.empty(), Optional.of(rejected()));
    };
  }

  private static Exchange reply(DnsQuestion question, Rcode rcode) {
    return Exchange.answered(DnsResponse.of(question, rcode, List.of(), List.of(), List.of()));
  }

  /** A traced exchange that kube-proxy rejected; only its verdict is read. */
  private static Connection rejected() {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
          case "verdict" -> ConnectionVerdict.REJECTED;
          case "toString" -> "rejected";
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  private static String key(IpAddress server, DnsName name) {
    return server + " " + name.key();
  }
}

package io.kubenetsim.core.net;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.Connection;
import io.kubenetsim.dns.DnsAttempt;
import io.kubenetsim.dns.DnsLookup;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.Hop;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PolicyCheck;
import io.kubenetsim.net.Protocol;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A connection to a name, as an application makes one: first the lookup (each DNS query a hop,
 * with where it went and what came back), then the connection to the first address the answer
 * gave, as {@code getaddrinfo} and {@code connect} do. When the name does not resolve there is
 * no connection: the verdict is {@link ConnectionVerdict#UNRESOLVED} and the reason says why
 * (NXDOMAIN, no record, or no DNS server answered — and what stopped the queries).
 *
 * <pre>{@code
 * Connection c = client.connect("web", 80);
 * c.hops().get(0);   // 10.96.0.10:53 -> 10.244.2.4:53 on node-1
 *                    //   [DNS web.shop.svc.cluster.local. A -> NOERROR, 1 answer ...]
 * c.lookup();        // Optional[web A: NOERROR [10.96.0.15] ...]
 * }</pre>
 */
final class NamedConnection implements Connection {
  private final DnsLookup lookup;
  private final Connection connection;
  private final Supplier<String> packet;
  private final String node;
  // Written on first read, like the connection's own explanation.
  private ImmutableList<Hop> hops;

  private NamedConnection(DnsLookup lookup, Connection connection, Supplier<String> packet,
      String node) {
    this.lookup = lookup;
    this.connection = connection;
    this.packet = packet;
    this.node = node;
  }

  /** {@return the connection made after {@code lookup} resolved its name} */
  static Connection resolved(DnsLookup lookup, Source source, Connection connection) {
    return new NamedConnection(lookup, connection,
        () -> firstLine(connection.explain()) + " (" + lookup.query() + ")",
        source.node().orElse(""));
  }

  /** {@return the connection that was never made because {@code lookup} found nothing} */
  static Connection unresolved(DnsLookup lookup, Source source, int port, Protocol protocol) {
    String packet = protocol + " " + source + " (" + source.ip() + ") -> " + lookup.query()
        + ":" + port;
    Connection none = SimConnection.failed(Attempt.failed(ConnectionVerdict.UNRESOLVED,
        source.ip(), List.of(), "could not resolve host " + lookup.query() + ": "
            + outcome(lookup), packet));
    return new NamedConnection(lookup, none, () -> packet, source.node().orElse(""));
  }

  /** Why the lookup gave no address: the reply's code, or what became of the queries. */
  private static String outcome(DnsLookup lookup) {
    if (lookup.response().isPresent()) {
      return lookup.response().get().isNoData() ? "the name exists but has no "
          + lookup.type() + " record" : lookup.response().get().rcode() + " (" + lookup.tried()
              .size() + " quer" + (lookup.tried().size() == 1 ? "y" : "ies") + ")";
    }
    String last = lookup.tried().isEmpty() ? "no nameserver configured" : lookup.tried()
        .get(lookup.tried().size() - 1).connection().map(Connection::reason)
        .orElse("no reply");
    return "no DNS server answered after " + lookup.elapsed().toSeconds() + " s; the last query: "
        + last;
  }

  private static List<Hop> dnsHops(DnsLookup lookup, String node) {
    return lookup.tried().stream().map(a -> dnsHop(a, node)).toList();
  }

  private static Hop dnsHop(DnsAttempt attempt, String node) {
    HostPort server = HostPort.of(attempt.server(), DnsTraffic.PORT);
    HostPort reached = attempt.connection().flatMap(Connection::backend).orElse(server);
    String via = "DNS " + attempt + attempt.connection()
        .filter(c -> attempt.timedOut()).map(c -> ": " + c.reason()).orElse("");
    return new Hop(server, reached, node, via);
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }

  @Override
  public Optional<DnsLookup> lookup() {
    return Optional.of(lookup);
  }

  @Override
  public ConnectionVerdict verdict() {
    return connection.verdict();
  }

  @Override
  public Optional<HostPort> backend() {
    return connection.backend();
  }

  @Override
  public List<HostPort> candidates() {
    return connection.candidates();
  }

  @Override
  public Optional<String> backendPod() {
    return connection.backendPod();
  }

  @Override
  public boolean masqueraded() {
    return connection.masqueraded();
  }

  @Override
  public IpAddress sourceSeenByBackend() {
    return connection.sourceSeenByBackend();
  }

  @Override
  public List<PolicyCheck> policyChecks() {
    return connection.policyChecks();
  }

  @Override
  public List<Hop> hops() {
    ImmutableList<Hop> known = hops;
    if (known == null) {
      known = ImmutableList.<Hop>builder().addAll(dnsHops(lookup, node))
          .addAll(connection.hops()).build();
      hops = known;
    }
    return known;
  }

  @Override
  public String reason() {
    return connection.reason();
  }

  @Override
  public String explain() {
    return Attempt.explain(packet.get(), hops(), verdict(), backend(), backendPod(),
        sourceSeenByBackend(), masqueraded(), reason());
  }


  @Override
  public ConnectionVerdict request() {
    return connection.request();
  }

  @Override
  public void close() {
    connection.close();
  }

  @Override
  public String toString() {
    return connection.toString();
  }
}

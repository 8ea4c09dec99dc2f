package io.kubenetsim.core.dns;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.Connection;
import io.kubenetsim.dns.DnsQuestion;
import io.kubenetsim.dns.DnsResponse;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.util.Optional;

/**
 * How a {@link StubResolver} sends one query to one nameserver and waits for the reply: in the
 * cluster, a UDP datagram from the pod to port 53 of the server (the kube-dns ClusterIP),
 * through kube-proxy's rules and NetworkPolicy to a CoreDNS pod and back. Implementations send
 * exactly one datagram per call; the resolver does the retrying.
 *
 * <pre>{@code
 * StubResolverTransport fake = (server, question) -> Exchange.answered(reply(question));
 * new StubResolver(fake).lookup("web", RecordType.A, resolvConf);
 * }</pre>
 */
@FunctionalInterface
public interface StubResolverTransport {

  /** {@return what came of sending {@code question} to {@code server} once} */
  Exchange exchange(IpAddress server, DnsQuestion question);

  /**
   * One query's fate: the reply, if one came back in time, and the datagram's trip through the
   * simulated network, when it made one.
   *
   * @param response the server's reply; empty when none arrived within the timeout, or the
   *     packet was refused
   * @param connection the exchange as traced (kube-proxy rules, the CoreDNS pod reached,
   *     NetworkPolicy checks); empty for a transport that does not trace
   * @param protocol UDP, or TCP when the UDP reply was truncated and the query went again over
   *     TCP (glibc's {@code send_vc} after a TC reply); {@code connection} is then the TCP one
   */
  record Exchange(Optional<DnsResponse> response, Optional<Connection> connection,
      Protocol protocol) {

    public Exchange {
      checkArgument(response != null && connection != null && protocol != null,
          "response, connection and protocol must not be null (use Optional.empty())");
    }

    /** An exchange over UDP. */
    public Exchange(Optional<DnsResponse> response, Optional<Connection> connection) {
      this(response, connection, Protocol.UDP);
    }

    /** {@return a reply that came back, untraced} */
    public static Exchange answered(DnsResponse response) {
      return new Exchange(Optional.of(response), Optional.empty());
    }

    /** {@return a query nothing answered, untraced} */
    public static Exchange timedOut() {
      return new Exchange(Optional.empty(), Optional.empty());
    }

    /**
     * {@return whether the query was refused outright: no reply, and the trace ended in an ICMP
     * port unreachable} That is a Service port without endpoints (kube-proxy's REJECT) or a pod
     * with nothing on port 53; the resolver hears of it at once ({@code ECONNREFUSED}) instead of
     * waiting out its timeout.
     */
    public boolean refused() {
      return response.isEmpty() && connection.map(Connection::verdict)
          .filter(v -> v == ConnectionVerdict.REJECTED || v == ConnectionVerdict.REFUSED)
          .isPresent();
    }
  }
}

package io.kubenetsim.dns;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.Connection;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.util.Optional;

/**
 * One query a pod's stub resolver sent: the question, the server it went to, the reply (none
 * when the query timed out) and, when it travelled as traffic through the simulated network,
 * the UDP exchange itself — which CoreDNS pod answered, the kube-proxy rules and the
 * NetworkPolicy checks on its way.
 *
 * @param question the absolute name and type asked
 * @param server the nameserver the query was sent to (the kube-dns ClusterIP, usually)
 * @param response the reply, or empty when none came back in time
 * @param connection the query's exchange, or empty when it did not cross the network
 * @param protocol how the query that decided the outcome travelled: UDP, or TCP when the UDP
 *     reply was truncated and the resolver asked again over TCP
 */
public record DnsAttempt(DnsQuestion question, IpAddress server, Optional<DnsResponse> response,
    Optional<Connection> connection, Protocol protocol) {

  public DnsAttempt {
    checkArgument(question != null && server != null && response != null && connection != null
        && protocol != null, "question, server, response, connection and protocol must not be "
        + "null");
  }

  /** A query sent over UDP, as a resolver sends it first. */
  public DnsAttempt(DnsQuestion question, IpAddress server, Optional<DnsResponse> response,
      Optional<Connection> connection) {
    this(question, server, response, connection, Protocol.UDP);
  }

  /** {@return whether no reply came back} */
  public boolean timedOut() {
    return response.isEmpty();
  }

  /** {@return the reply's code, or empty when the query timed out} */
  public Optional<Rcode> rcode() {
    return response.map(DnsResponse::rcode);
  }

  /** {@return e.g. {@code web.default.svc.cluster.local. A -> NXDOMAIN (10.96.0.10)}} */
  @Override
  public String toString() {
    String outcome = response.map(r -> r.isNoData() ? "NOERROR, no answer"
        : r.rcode() + (r.answers().isEmpty() ? "" : ", " + r.answers().size() + " answer"
            + (r.answers().size() == 1 ? "" : "s"))).orElse("timed out");
    return question.name() + " " + question.type() + " -> " + outcome + " (" + server
        + (protocol == Protocol.UDP ? "" : ", over " + protocol + ": the UDP reply was truncated")
        + ")";
  }
}

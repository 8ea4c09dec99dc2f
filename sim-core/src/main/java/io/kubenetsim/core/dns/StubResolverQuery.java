package io.kubenetsim.core.dns;

import io.kubenetsim.dns.DnsAttempt;
import io.kubenetsim.dns.DnsQuestion;
import io.kubenetsim.dns.DnsResponse;
import io.kubenetsim.dns.Rcode;
import io.kubenetsim.dns.ResolvConf;
import io.kubenetsim.net.IpAddress;
import java.util.List;
import java.util.Optional;

/**
 * Sends one question until a server accepts it, as glibc's {@code __res_context_send} and
 * {@code send_dg} ({@code resolv/res_send.c}) do, and sorts the result as {@code
 * __res_context_query} ({@code resolv/res_query.c}) sorts it into {@code h_errno}.
 *
 * <p>Steps: up to {@code attempts} rounds; in each, every nameserver in order (no {@code
 * rotate}). A reply with SERVFAIL, NOTIMP or REFUSED is not accepted: the next server is asked.
 * Any other reply ends the query. A server that does not answer costs its wait: {@code timeout}
 * seconds for the first server, {@code (timeout << i) / servers} (at least one) for server
 * {@code i}, as {@code send_dg} computes it. A refused datagram costs nothing.
 */
final class StubResolverQuery {

  /** glibc's {@code MAXNS}: nameserver lines past the third are ignored. */
  static final int MAX_NAMESERVERS = 3;

  /** What glibc asks when resolv.conf names no nameserver: the local machine. */
  static final IpAddress LOOPBACK = IpAddress.parse("127.0.0.1");

  private StubResolverQuery() {}

  /** {@return the outcome of asking {@code question}, recording every try in {@code tried}} */
  static StubResolverOutcome send(StubResolverTransport transport, DnsQuestion question,
      ResolvConf conf, List<DnsAttempt> tried) {
    List<IpAddress> servers = servers(conf);
    long waited = 0;
    boolean gotSomewhere = false;
    Optional<DnsResponse> lastRejected = Optional.empty();
    for (int round = 0; round < conf.attempts(); round++) {
      for (int ns = 0; ns < servers.size(); ns++) {
        StubResolverTransport.Exchange exchange = transport.exchange(servers.get(ns), question);
        tried.add(new DnsAttempt(question, servers.get(ns), exchange.response(),
            exchange.connection(), exchange.protocol()));
        if (exchange.response().isPresent()) {
          gotSomewhere = true;
          DnsResponse reply = exchange.response().get();
          if (!rejected(reply.rcode())) {
            return StubResolverOutcome.accepted(reply, waited);
          }
          lastRejected = exchange.response();
        } else if (!exchange.refused()) {
          gotSomewhere = true;
          waited += timeoutSeconds(conf.timeoutSeconds(), ns, servers.size());
        }
      }
    }
    return StubResolverOutcome.failed(gotSomewhere, lastRejected, waited);
  }

  /** {@return the first three nameservers, or the local machine when there are none} */
  static List<IpAddress> servers(ResolvConf conf) {
    List<IpAddress> all = conf.nameservers();
    if (all.isEmpty()) {
      return List.of(LOOPBACK);
    }
    return all.size() <= MAX_NAMESERVERS ? all : all.subList(0, MAX_NAMESERVERS);
  }

  /** {@code send_dg}'s wait for server {@code ns} of {@code count}, in seconds. */
  static long timeoutSeconds(int timeout, int ns, int count) {
    long seconds = (long) timeout << ns;
    if (ns > 0) {
      seconds /= count;
    }
    return Math.max(1, seconds);
  }

  /** The codes {@code send_dg} treats as "try the next server". */
  private static boolean rejected(Rcode rcode) {
    return rcode == Rcode.SERVFAIL || rcode == Rcode.NOTIMP || rcode == Rcode.REFUSED;
  }
}

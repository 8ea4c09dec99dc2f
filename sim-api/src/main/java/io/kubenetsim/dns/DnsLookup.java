package io.kubenetsim.dns;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.net.IpAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A name resolved by a pod's stub resolver, the way glibc's {@code res_search} does it: the
 * name expanded with the pod's search list (before or after the name as written, by {@code
 * ndots}), each candidate asked in turn until one has an answer. {@link #tried()} lists every
 * query sent, in order — with {@code ndots:5}, {@code example.com} costs three or more NXDOMAINs
 * before the query that answers.
 *
 * <pre>{@code
 * DnsLookup web = client.lookup("web", RecordType.A);
 * web.addresses();             // [10.96.0.15]
 * web.tried().size();          // 1: web.shop.svc.cluster.local.
 * client.lookup("example.com", RecordType.A).tried().size();   // 4 or more
 * web.elapsed();               // PT0S; PT10S had the one server timed out twice
 * }</pre>
 *
 * @param query the name as the application asked it (relative or absolute)
 * @param type the record type asked
 * @param resolvConf the resolver configuration used
 * @param tried every query sent, in order
 * @param response the reply the resolver returned to the application, or empty when every
 *     server timed out
 * @param elapsed the virtual time the lookup took: the timeouts it waited out (a reply, or a
 *     refusal, is taken to arrive at once); zero when every query was answered
 */
public record DnsLookup(
    String query,
    RecordType type,
    ResolvConf resolvConf,
    ImmutableList<DnsAttempt> tried,
    Optional<DnsResponse> response,
    Duration elapsed) {

  public DnsLookup {
    checkArgument(query != null && type != null && resolvConf != null && response != null,
        "query, type, resolvConf and response must not be null");
    checkArgument(elapsed != null && !elapsed.isNegative(),
        "elapsed must be zero or more, got %s", elapsed);
    tried = ImmutableList.copyOf(tried);
  }

  /** {@return the reply's code, or empty when no server answered} */
  public Optional<Rcode> rcode() {
    return response.map(DnsResponse::rcode);
  }

  /** {@return whether no server answered at all} */
  public boolean timedOut() {
    return response.isEmpty();
  }

  /** {@return whether the name resolved: NOERROR with at least one record} */
  public boolean resolved() {
    return response.map(DnsResponse::hasAnswer).orElse(false);
  }

  /** {@return the answer records, empty unless resolved} */
  public List<ResourceRecord> answers() {
    return response.<List<ResourceRecord>>map(DnsResponse::answers).orElse(List.of());
  }

  /** {@return the addresses the answer holds (following any CNAME the server resolved)} */
  public List<IpAddress> addresses() {
    return response.map(DnsResponse::addresses).orElse(List.of());
  }

  /** {@return the absolute name that answered, or empty unless resolved} */
  public Optional<DnsName> answeredName() {
    return resolved() ? response.map(r -> r.question().name()) : Optional.empty();
  }

  /** {@return the queries, then the outcome: one line each} */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append(query).append(' ').append(type).append(": ");
    out.append(response.map(r -> r.hasAnswer() ? "NOERROR " + r.answers().stream()
        .map(rr -> rr.data().toString()).toList() : r.isNoData() ? "NOERROR, no answer"
            : r.rcode().toString()).orElse("timed out: no servers could be reached"));
    if (!elapsed.isZero()) {
      // Resolver timeouts are whole seconds (resolv.conf's timeout:n).
      out.append(" (after ").append(elapsed.toSeconds()).append(" s)");
    }
    tried.forEach(a -> out.append("\n  ").append(a));
    return out.toString();
  }
}

package io.kubenetsim.core.dns;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.dns.StubResolverOutcome.Kind;
import io.kubenetsim.dns.DnsAttempt;
import io.kubenetsim.dns.DnsLookup;
import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.DnsQuestion;
import io.kubenetsim.dns.DnsResponse;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.dns.ResolvConf;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A pod's stub resolver: resolves a name the way glibc's {@code res_search} does ({@code
 * __res_context_search} in {@code resolv/res_query.c}), over a {@link StubResolverTransport}.
 *
 * <p>Steps, for the {@link SearchList} of the name:
 *
 * <ol>
 *   <li>a name with at least {@code ndots} dots, or a trailing dot, is asked as written; an
 *       answer ends the lookup, and so does any outcome for a name with a trailing dot;
 *       otherwise its outcome is kept ({@code saved_herrno});
 *   <li>each search name is asked in turn ({@link StubResolverQuery}: attempts × nameservers):
 *       an answer ends the lookup; NXDOMAIN moves on; NODATA and SERVFAIL move on and are
 *       remembered ({@code got_nodata}, {@code got_servfail}); a query every server refused
 *       ({@code ECONNREFUSED}) ends the lookup there; anything else (timeouts, a REFUSED or
 *       NOTIMP reply, FORMERR) stops the search list;
 *   <li>the name as written, when {@link SearchList#asIsAfterSearching} says so: an answer ends
 *       the lookup;
 *   <li>nothing answered: the lookup returns the outcome of the name asked first as written if
 *       there was one, else the NODATA if any, else the SERVFAIL if any, else the last query's.
 * </ol>
 *
 * <p>{@link DnsLookup#tried()} holds every datagram sent, timed-out and refused ones included,
 * and {@link DnsLookup#elapsed()} the virtual time spent waiting: with one nameserver and
 * glibc's defaults (timeout 5 s, 2 attempts) a name whose server does not answer costs 10 s per
 * name asked.
 *
 * <p>Simplification: musl (Alpine images) resolves differently: it sends to all nameservers at
 * once and stops the search list at a SERVFAIL; only glibc is modelled. One record type is asked
 * per lookup (getaddrinfo's parallel A and AAAA queries are not modelled), {@code rotate} is
 * ignored (its starting server depends on process-wide state), and replies take no time. glibc
 * also skips a NODATA reply that is neither authoritative nor from a recursive server (a lame
 * referral); no cluster server sends one, so every NODATA is taken.
 *
 * <pre>{@code
 * StubResolver resolver = new StubResolver(transport);
 * DnsLookup web = resolver.lookup("web", RecordType.A, podResolvConf);
 * web.answeredName();   // Optional[web.shop.svc.cluster.local.]
 * }</pre>
 */
public final class StubResolver {
  private final StubResolverTransport transport;

  /** A resolver sending its queries through {@code transport}. */
  public StubResolver(StubResolverTransport transport) {
    checkArgument(transport != null, "transport must not be null");
    this.transport = transport;
  }

  /**
   * {@return the lookup of {@code name}: every query sent, and the reply returned}
   *
   * @throws IllegalArgumentException when {@code name} is not a valid DNS name, as {@link
   *     SearchList#of} says
   */
  public DnsLookup lookup(String name, RecordType type, ResolvConf conf) {
    checkArgument(type != null, "type must not be null");
    return new Search(SearchList.of(name, conf), type, conf).run();
  }

  /** One lookup in progress: glibc's locals of {@code __res_context_search}. */
  private final class Search {
    private final SearchList plan;
    private final RecordType type;
    private final ResolvConf conf;
    private final List<DnsAttempt> tried = new ArrayList<>(4);
    private long waitedSeconds;
    private Optional<StubResolverOutcome> savedAsIs = Optional.empty();
    private Optional<StubResolverOutcome> gotNoData = Optional.empty();
    private Optional<StubResolverOutcome> gotServfail = Optional.empty();

    Search(SearchList plan, RecordType type, ResolvConf conf) {
      this.plan = plan;
      this.type = type;
      this.conf = conf;
    }

    DnsLookup run() {
      if (plan.asIsFirst()) {
        StubResolverOutcome outcome = ask(plan.asIs());
        if (outcome.kind() == Kind.ANSWERED || plan.absolute()) {
          return finish(outcome);
        }
        savedAsIs = Optional.of(outcome);
      }
      Optional<StubResolverOutcome> last = Optional.empty();
      int searched = 0;
      for (int i = 0; i < plan.searchDomains(); i++) {
        Optional<DnsName> candidate = plan.search(i);
        if (candidate.isEmpty()) {
          break;
        }
        StubResolverOutcome outcome = ask(candidate.get());
        last = Optional.of(outcome);
        searched++;
        switch (outcome.kind()) {
          case ANSWERED, CONNECTION_REFUSED -> {
            return finish(outcome);
          }
          case NODATA -> gotNoData = last;
          case SERVFAIL -> gotServfail = last;
          default -> { }
        }
        if (stopsSearchList(outcome.kind())) {
          break;
        }
      }
      if (plan.asIsAfterSearching(searched)) {
        StubResolverOutcome outcome = ask(plan.asIs());
        if (outcome.kind() == Kind.ANSWERED) {
          return finish(outcome);
        }
        last = Optional.of(outcome);
      }
      // glibc's precedence: the as-is answer asked first, then NODATA, then SERVFAIL, then the
      // last query's own outcome.
      Optional<StubResolverOutcome> lastQuery = last;
      Optional<StubResolverOutcome> returned =
          savedAsIs.or(() -> gotNoData).or(() -> gotServfail).or(() -> lastQuery);
      return finish(returned.flatMap(StubResolverOutcome::response));
    }

    private StubResolverOutcome ask(DnsName name) {
      StubResolverOutcome outcome =
          StubResolverQuery.send(transport, new DnsQuestion(name, type), conf, tried);
      waitedSeconds += outcome.waitedSeconds();
      return outcome;
    }

    private DnsLookup finish(StubResolverOutcome outcome) {
      return finish(outcome.response());
    }

    private DnsLookup finish(Optional<DnsResponse> response) {
      return new DnsLookup(plan.query(), type, conf, ImmutableList.copyOf(tried), response,
          Duration.ofSeconds(waitedSeconds));
    }
  }

  /** TRY_AGAIN without SERVFAIL, NO_RECOVERY: glibc's {@code done++}. */
  private static boolean stopsSearchList(Kind kind) {
    return kind == Kind.TRY_AGAIN || kind == Kind.NO_RECOVERY;
  }
}

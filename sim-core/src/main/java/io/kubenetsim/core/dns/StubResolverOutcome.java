package io.kubenetsim.core.dns;

import io.kubenetsim.dns.DnsResponse;
import io.kubenetsim.dns.Rcode;
import java.util.Optional;

/**
 * How one query ended, in the terms glibc's search loop acts on ({@code h_errno} after {@code
 * __res_context_query}, and {@code errno}).
 *
 * @param kind what the search loop does next
 * @param response the reply it rests on: the accepted one, else the last SERVFAIL, NOTIMP or
 *     REFUSED reply (what is left in glibc's answer buffer); empty when no reply came
 * @param waitedSeconds the timeouts this query waited out
 */
record StubResolverOutcome(Kind kind, Optional<DnsResponse> response, long waitedSeconds) {

  /** The outcomes {@code __res_context_search} tells apart. */
  enum Kind {
    /** NOERROR with records: the search ends in success. */
    ANSWERED,
    /** NXDOMAIN ({@code HOST_NOT_FOUND}): try the next name. */
    NXDOMAIN,
    /** NOERROR without records ({@code NO_DATA}): try the next name, and remember it. */
    NODATA,
    /** Every server failed and the last reply was SERVFAIL: try the next name, remember it. */
    SERVFAIL,
    /**
     * {@code TRY_AGAIN} without SERVFAIL: servers timed out, or refused the query with NOTIMP
     * or REFUSED. The search list stops; the name as written may still be tried.
     */
    TRY_AGAIN,
    /** An accepted reply with another error code, FORMERR ({@code NO_RECOVERY}): as TRY_AGAIN. */
    NO_RECOVERY,
    /**
     * No server could be reached at all, every datagram refused ({@code ECONNREFUSED}): in the
     * search list, the whole lookup ends here.
     */
    CONNECTION_REFUSED
  }

  static StubResolverOutcome accepted(DnsResponse reply, long waited) {
    Kind kind;
    if (reply.hasAnswer()) {
      kind = Kind.ANSWERED;
    } else if (reply.isNoData()) {
      kind = Kind.NODATA;
    } else if (reply.rcode() == Rcode.NXDOMAIN) {
      kind = Kind.NXDOMAIN;
    } else {
      kind = Kind.NO_RECOVERY;
    }
    return new StubResolverOutcome(kind, Optional.of(reply), waited);
  }

  static StubResolverOutcome failed(boolean gotSomewhere, Optional<DnsResponse> lastRejected,
      long waited) {
    if (!gotSomewhere) {
      return new StubResolverOutcome(Kind.CONNECTION_REFUSED, Optional.empty(), waited);
    }
    boolean servfail = lastRejected.map(r -> r.rcode() == Rcode.SERVFAIL).orElse(false);
    return new StubResolverOutcome(servfail ? Kind.SERVFAIL : Kind.TRY_AGAIN, lastRejected,
        waited);
  }
}

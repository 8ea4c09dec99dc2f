package io.kubenetsim.core.dns;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.dns.DnsQuestion;
import io.kubenetsim.dns.DnsResponse;
import io.kubenetsim.dns.Rcode;
import java.util.Optional;

/**
 * The forward plugin (coredns {@code plugin/forward/forward.go}): a question in its {@code
 * from} zone, and not under an {@code except} name, goes to the {@link Upstream} and its reply
 * is passed back as it came; no reply is SERVFAIL. Other questions go to the next plugin.
 */
final class ForwardPlugin implements DnsPlugin {
  private final Directive.Forward config;
  private final Upstream upstream;

  ForwardPlugin(Directive.Forward config, Upstream upstream) {
    this.config = config;
    this.upstream = upstream;
  }

  @Override
  public String name() {
    return "forward";
  }

  @Override
  public DnsResponse serve(DnsQuestion q, Next next) {
    if (!q.name().isIn(config.from()) || !allowed(q)) {
      return next.serve(q);
    }
    Optional<DnsResponse> reply = upstream.forward(q);
    return reply.orElseGet(() -> failure(q, Rcode.SERVFAIL));
  }

  /** Upstream's {@code isAllowedDomain}: the zone itself always, else not under an except. */
  private boolean allowed(DnsQuestion q) {
    if (q.name().sameAs(config.from())) {
      return true;
    }
    return config.except().stream().noneMatch(q.name()::isIn);
  }

  /** {@return a bare error reply, as CoreDNS's server writes for a plugin's error code} */
  static DnsResponse failure(DnsQuestion q, Rcode rcode) {
    return new DnsResponse(q, rcode, false, ImmutableList.of(), ImmutableList.of(),
        ImmutableList.of());
  }
}

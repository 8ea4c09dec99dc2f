package io.kubenetsim.core.dns;

import io.kubenetsim.dns.DnsQuestion;
import io.kubenetsim.dns.DnsResponse;
import java.util.Optional;

/**
 * Where CoreDNS's {@code forward} plugin sends the questions it does not answer itself — in a
 * kubeadm cluster the nameservers of the node's {@code /etc/resolv.conf}. The integrator wires
 * it to the node's resolver; tests use a {@link StaticZone}.
 *
 * <pre>{@code
 * StaticZone world = new StaticZone().add("example.com A 93.184.216.34");
 * Upstream upstream = world;                       // a StaticZone is an Upstream
 * upstream.forward(DnsQuestion.of("example.com", RecordType.A));   // Optional[... NOERROR ...]
 * }</pre>
 */
@FunctionalInterface
public interface Upstream {

  /** An upstream that never replies: every forwarded question ends in SERVFAIL. */
  Upstream NONE = question -> Optional.empty();

  /** {@return the upstream's reply, or empty when none came (forward then answers SERVFAIL)} */
  Optional<DnsResponse> forward(DnsQuestion question);
}

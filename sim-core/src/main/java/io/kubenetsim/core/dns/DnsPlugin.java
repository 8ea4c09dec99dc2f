package io.kubenetsim.core.dns;

import io.kubenetsim.dns.DnsQuestion;
import io.kubenetsim.dns.DnsResponse;

/**
 * One plugin of a server block's chain, CoreDNS's {@code plugin.Handler}: it answers the
 * question, or hands it to the rest of the chain.
 */
interface DnsPlugin {

  /** The rest of the chain after a plugin. */
  @FunctionalInterface
  interface Next {
    DnsResponse serve(DnsQuestion question);
  }

  /** {@return the plugin's Corefile directive} */
  String name();

  /** {@return the reply, the plugin's own or the one {@code next} gives} */
  DnsResponse serve(DnsQuestion question, Next next);
}

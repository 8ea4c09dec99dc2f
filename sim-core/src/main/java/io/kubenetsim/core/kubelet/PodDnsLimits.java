package io.kubenetsim.core.kubelet;

import static io.kubenetsim.core.store.validation.PodDnsConfigRules.MAX_NAMESERVERS;
import static io.kubenetsim.core.store.validation.PodDnsConfigRules.MAX_SEARCH_LIST_CHARS;
import static io.kubenetsim.core.store.validation.PodDnsConfigRules.MAX_SEARCH_PATHS;

import io.kubenetsim.net.IpAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Cuts a composed resolv.conf down to what resolvers accept, as upstream's {@code
 * formDNSNameserversFitsLimits} and {@code formDNSSearchFitsLimits} do, and says so with a
 * {@code DNSConfigForming} warning. The limits are the API server's ({@code MaxDNSNameservers},
 * {@code MaxDNSSearchPaths}, {@code MaxDNSSearchListChars}): a pod's own {@code dnsConfig} was
 * checked against them, but the node's search domains are added here and can overflow.
 */
final class PodDnsLimits {

  /** A search domain longer than a DNS name can be is dropped (glibc 2.28 aborts on one). */
  private static final int MAX_SEARCH_LENGTH = 253;

  private PodDnsLimits() {}

  /** {@return the first three nameservers} */
  static List<IpAddress> nameservers(List<IpAddress> nameservers, List<PodDnsWarning> warnings) {
    if (nameservers.size() <= MAX_NAMESERVERS) {
      return nameservers;
    }
    List<IpAddress> applied = nameservers.subList(0, MAX_NAMESERVERS);
    warnings.add(new PodDnsWarning(PodDnsWarning.DNS_CONFIG_FORMING, "Nameserver limits were "
        + "exceeded, some nameservers have been omitted, the applied nameserver line is: "
        + applied.stream().map(IpAddress::toString).collect(Collectors.joining(" "))));
    return applied;
  }

  /**
   * {@return the search list cut to fit} Steps, as upstream: keep the first 32; drop any
   * longer than 253 characters; then drop domains from the end until the line, spaces
   * included, is at most 2048 characters. One warning covers all three.
   */
  static List<String> searches(List<String> searches, List<PodDnsWarning> warnings) {
    boolean exceeded = false;
    List<String> kept = new ArrayList<>(searches);
    if (kept.size() > MAX_SEARCH_PATHS) {
      kept = new ArrayList<>(kept.subList(0, MAX_SEARCH_PATHS));
      exceeded = true;
    }
    exceeded |= kept.removeIf(search -> length(search) > MAX_SEARCH_LENGTH);
    int line = length(String.join(" ", kept));
    if (line > MAX_SEARCH_LIST_CHARS) {
      // Upstream cuts whole domains from the end, each with the space before it.
      while (!kept.isEmpty() && line > MAX_SEARCH_LIST_CHARS) {
        line -= length(kept.remove(kept.size() - 1)) + 1;
      }
      exceeded = true;
    }
    if (exceeded) {
      warnings.add(new PodDnsWarning(PodDnsWarning.DNS_CONFIG_FORMING, "Search Line limits "
          + "were exceeded, some search paths have been omitted, the applied search line is: "
          + String.join(" ", kept)));
    }
    return kept;
  }

  private static int length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}

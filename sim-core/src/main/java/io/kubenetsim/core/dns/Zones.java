package io.kubenetsim.core.dns;

import io.kubenetsim.dns.DnsName;
import java.util.List;
import java.util.Optional;

/**
 * Zone matching as CoreDNS's {@code plugin.Zones.Matches} does it: the longest zone of a list
 * that equals the name or is a parent of it, without regard to case.
 */
final class Zones {
  private Zones() {}

  static Optional<DnsName> longestMatch(List<DnsName> zones, DnsName name) {
    DnsName best = null;
    for (DnsName zone : zones) {
      if (name.isIn(zone) && (best == null || zone.text().length() > best.text().length())) {
        best = zone;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * {@return the zone as the question spells it}: CoreDNS takes the zone's text from the end of
   * the question so answers keep the question's case ({@code zone = qname[len(qname)-len(zone):]}
   * in the kubernetes plugin's {@code ServeDNS})
   */
  static DnsName asAsked(DnsName question, DnsName zone) {
    if (zone.isRoot()) {
      return zone;
    }
    String text = question.text();
    int start = text.length() - zone.text().length();
    // Spelt as the zone (the usual lower case): the zone's own name, no new one.
    if (text.startsWith(zone.text(), start)) {
      return zone;
    }
    return new DnsName(text.substring(start));
  }
}

package io.kubenetsim.core.dns;

import io.kubenetsim.dns.DnsName;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Zone arguments read as CoreDNS's {@code plugin.Host(...).NormalizeExact} and {@code
 * SplitHostPort} read them: a scheme ({@code dns://}) and a trailing {@code :port} are dropped,
 * the name is made absolute and lower case, and a CIDR becomes the reverse zones it spans —
 * {@code 10.0.0.0/17} is the 128 zones {@code 0.0.10.in-addr.arpa.} to {@code
 * 127.0.10.in-addr.arpa.}, as upstream's {@code cidr.Split} widens a prefix to the next octet
 * (IPv6: nibble).
 */
final class ZoneArgs {
  private ZoneArgs() {}

  /** {@return the zones, or empty when the argument is not a valid zone} */
  static Optional<List<DnsName>> normalize(String argument) {
    String host = argument;
    int scheme = host.indexOf("://");
    if (scheme >= 0) {
      host = host.substring(scheme + 3);
    }
    int colon = host.lastIndexOf(':');
    if (colon >= 0 && colon < host.length() - 1
        && host.substring(colon + 1).chars().allMatch(Character::isDigit)) {
      host = host.substring(0, colon);
    }
    Optional<Cidr> cidr = host.contains("/") ? Cidr.tryParse(host) : Optional.empty();
    if (cidr.isPresent()) {
      return Optional.of(reverseZones(cidr.get()));
    }
    if (host.equals(".") || host.isEmpty()) {
      return Optional.of(List.of(DnsName.ROOT));
    }
    return DnsName.tryParse(host.toLowerCase(Locale.ROOT)).map(List::of);
  }

  /**
   * {@return the zones of a plugin's arguments, or the server block's zones when it has none}
   * As upstream's {@code OriginsFromArgsOrServerBlock}, arguments that are not zones are
   * skipped without a word.
   */
  static List<DnsName> originsFromArgsOrBlock(List<String> arguments, List<DnsName> block) {
    if (arguments.isEmpty()) {
      return List.copyOf(block);
    }
    List<DnsName> out = new ArrayList<>();
    for (String argument : arguments) {
      normalize(argument).ifPresent(out::addAll);
    }
    return out;
  }

  private static List<DnsName> reverseZones(Cidr cidr) {
    int step = cidr.family() == IpFamily.IPV4 ? 8 : 4;
    int width = Math.min(cidr.family().bits(), (cidr.prefixLength() + step - 1) / step * step);
    int labels = width / step;
    List<DnsName> out = new ArrayList<>();
    long count = cidr.subnetCount(width);
    for (long i = 0; i < count; i++) {
      IpAddress network = cidr.subnet(width, i).network();
      List<String> full = DnsName.reverse(network).labels();
      int total = cidr.family().bits() / step;
      List<String> kept = full.subList(total - labels, full.size());
      out.add(DnsName.of(String.join(".", kept)));
    }
    return out;
  }
}

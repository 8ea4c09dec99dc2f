package io.kubenetsim.core.dns;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.dns.DnsName;
import io.kubenetsim.net.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code forward} stanza as upstream's {@code parseStanza} and {@code parseBlock}
 * ({@code plugin/forward/setup.go}) do: {@code forward FROM TO...} and a block of options.
 * {@code except} is simulated; the tuning options are accepted and have no effect; {@code next},
 * {@code next_on_nodata} and {@code failover} (which hand answers on to other plugins or
 * servers) are unmodelled.
 */
final class ForwardSetup {
  private ForwardSetup() {}

  private static final Set<String> NO_EFFECT = Set.of("max_fails", "max_connect_attempts",
      "health_check", "force_tcp", "prefer_udp", "tls", "tls_servername", "expire", "max_age",
      "max_idle_conns", "read_timeout", "doh_method", "policy", "max_concurrent",
      "failfast_all_unhealthy_upstreams", "resolver", "source_address");
  private static final Set<String> FLAGS = Set.of("force_tcp", "prefer_udp", "tls",
      "failfast_all_unhealthy_upstreams");
  private static final Set<String> POLICIES = Set.of("random", "round_robin", "sequential");

  static final ImmutableList<String> MODELLED_OPTIONS = ImmutableList.of("doh_method",
      "except", "expire", "failfast_all_unhealthy_upstreams", "force_tcp", "health_check",
      "max_age", "max_concurrent", "max_connect_attempts", "max_fails", "max_idle_conns",
      "policy", "prefer_udp", "read_timeout", "resolver", "source_address", "tls",
      "tls_servername");

  /** The only file the simulated CoreDNS container holds. */
  static final String RESOLV_CONF = "/etc/resolv.conf";

  static Directive.Forward parse(CorefileCursor c) {
    c.next();
    int line = c.line();
    if (!c.nextArg()) {
      throw c.argErr();
    }
    String fromText = c.val();
    Optional<List<DnsName>> from = ZoneArgs.normalize(fromText);
    if (from.isEmpty() || from.get().isEmpty()) {
      throw c.plain("unable to normalize '" + fromText + "'");
    }
    List<String> toText = c.remainingArgs();
    if (toText.isEmpty()) {
      throw c.argErr();
    }
    List<ForwardTarget> to = new ArrayList<>();
    for (String text : toText) {
      to.add(target(c, line, text));
    }
    List<DnsName> except = new ArrayList<>();
    while (c.nextBlock()) {
      String option = c.val();
      if (option.equals("except")) {
        List<String> names = c.remainingArgs();
        if (names.isEmpty()) {
          throw c.argErr();
        }
        names.forEach(n -> ZoneArgs.normalize(n).ifPresent(except::addAll));
      } else if (option.equals("next") || option.equals("next_on_nodata")
          || option.equals("failover")) {
        throw new CorefileCursor.Failure(new CorefileError.Unmodelled(c.line(), "forward",
            option, MODELLED_OPTIONS));
      } else if (NO_EFFECT.contains(option)) {
        List<String> args = c.remainingArgs();
        if (!FLAGS.contains(option) && args.isEmpty()) {
          throw c.argErr();
        }
        if (option.equals("policy") && !POLICIES.contains(args.get(0))) {
          throw c.err("unknown policy '" + args.get(0) + "'");
        }
      } else {
        throw c.err("unknown property '" + option + "'");
      }
    }
    return new Directive.Forward(line, from.get().get(0), ImmutableList.copyOf(to),
        ImmutableList.copyOf(except));
  }

  /**
   * One TO argument, as {@code parse.HostPortOrFile}: an optional {@code dns://}, then an
   * address with an optional port, or else a file. The simulated CoreDNS container has one
   * file, {@code /etc/resolv.conf}; other transports ({@code tls://}, {@code https://}) and
   * ports other than 53 are not simulated.
   */
  private static ForwardTarget target(CorefileCursor c, int line, String text) {
    int scheme = text.indexOf("://");
    if (scheme >= 0 && !text.startsWith("dns://")) {
      throw new CorefileCursor.Failure(new CorefileError.Unmodelled(line, "forward",
          text.substring(0, scheme + 3) + " upstreams", ImmutableList.of("dns:// and plain "
              + "addresses on port 53", RESOLV_CONF)));
    }
    String host = scheme >= 0 ? text.substring("dns://".length()) : text;
    if (host.equals(RESOLV_CONF)) {
      return new ForwardTarget.File(host);
    }
    Optional<IpAddress> bare = IpAddress.tryParse(host);
    if (bare.isPresent()) {
      return new ForwardTarget.Address(bare.get());
    }
    int colon = host.lastIndexOf(':');
    String address = colon < 0 ? host : host.substring(0, colon);
    if (address.startsWith("[") && address.endsWith("]")) {
      address = address.substring(1, address.length() - 1);
    }
    Optional<IpAddress> withPort = colon < 0 ? Optional.empty() : IpAddress.tryParse(address);
    if (withPort.isEmpty()) {
      throw c.plain("not an IP address or file: \"" + host + "\"");
    }
    if (!host.substring(colon + 1).equals("53")) {
      throw new CorefileCursor.Failure(new CorefileError.Unmodelled(line, "forward",
          "upstream port " + host.substring(colon + 1), ImmutableList.of("port 53")));
    }
    return new ForwardTarget.Address(withPort.get());
  }
}

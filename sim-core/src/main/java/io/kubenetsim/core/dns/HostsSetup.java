package io.kubenetsim.core.dns;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.dns.DnsName;
import io.kubenetsim.net.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a {@code hosts} stanza as upstream's {@code hostsParse} ({@code plugin/hosts/setup.go})
 * does: {@code hosts [FILE [ZONES...]]}, then a block of options and inline entries — any line
 * that is not an option is an entry while no {@code fallthrough} has been read, as upstream
 * decides. Entry lines parse as a hosts file does: a bad address skips the line, names outside
 * the plugin's zones are dropped.
 */
final class HostsSetup {
  private HostsSetup() {}

  static Directive.Hosts parse(CorefileCursor c, List<DnsName> blockZones) {
    c.next();
    int line = c.line();
    List<String> args = c.remainingArgs();
    List<DnsName> zones = ZoneArgs.originsFromArgsOrBlock(
        args.isEmpty() ? List.of() : args.subList(1, args.size()), blockZones);
    long ttl = 3600;
    boolean reverse = true;
    List<DnsName> fallthrough = List.of();
    boolean fallthroughSet = false;
    List<List<String>> inline = new ArrayList<>();
    while (c.nextBlock()) {
      String option = c.val();
      switch (option) {
        case "fallthrough":
          fallthrough = KubernetesSetup.fallthroughZones(c.remainingArgs());
          fallthroughSet = true;
          break;
        case "no_reverse":
          c.remainingArgs();
          reverse = false;
          break;
        case "ttl":
          ttl = ttl(c);
          break;
        case "reload":
          if (c.remainingArgs().size() != 1) {
            throw c.err("reload needs a duration (zero seconds to disable)");
          }
          break;
        case "fallthrough_unsupported":
          throw new CorefileCursor.Failure(new CorefileError.Unmodelled(c.line(), "hosts",
              option, ImmutableList.of("fallthrough", "no_reverse", "reload", "ttl")));
        default:
          if (fallthroughSet) {
            throw c.err("unknown property '" + option + "'");
          }
          // Upstream joins the line's tokens and splits it again, as a hosts file line.
          String text = option + " " + String.join(" ", c.remainingArgs());
          inline.add(List.of(text.strip().split("\\s+")));
      }
    }
    return new Directive.Hosts(line, ImmutableList.copyOf(entries(inline, zones)),
        ImmutableList.copyOf(zones), ttl,
        reverse, ImmutableList.copyOf(fallthrough));
  }

  private static List<Directive.HostsEntry> entries(List<List<String>> lines,
      List<DnsName> zones) {
    List<Directive.HostsEntry> out = new ArrayList<>();
    for (List<String> fields : lines) {
      Optional<IpAddress> address = IpAddress.tryParse(fields.get(0));
      if (fields.size() < 2 || address.isEmpty()) {
        continue;
      }
      List<DnsName> names = new ArrayList<>();
      for (String field : fields.subList(1, fields.size())) {
        DnsName.tryParse(field.toLowerCase(Locale.ROOT))
            .filter(n -> Zones.longestMatch(zones, n).isPresent()).ifPresent(names::add);
      }
      if (!names.isEmpty()) {
        out.add(new Directive.HostsEntry(address.get(), ImmutableList.copyOf(names)));
      }
    }
    return out;
  }

  private static long ttl(CorefileCursor c) {
    List<String> args = c.remainingArgs();
    if (args.isEmpty()) {
      throw c.err("ttl needs a time in second");
    }
    long ttl = GoNumbers.atoi(args.get(0)).orElseThrow(() -> c.err(
        "ttl needs a number of second"));
    if (ttl <= 0 || ttl > 65535) {
      throw c.err("ttl provided is invalid");
    }
    return ttl;
  }
}

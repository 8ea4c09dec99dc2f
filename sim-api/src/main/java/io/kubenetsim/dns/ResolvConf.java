package io.kubenetsim.dns;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.net.IpAddress;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A pod's {@code /etc/resolv.conf}, as the kubelet writes it for the pod's {@code dnsPolicy}:
 * for {@code ClusterFirst}, the kube-dns address, the search list {@code <ns>.svc.<domain>
 * svc.<domain> <domain>} and {@code options ndots:5}. {@code toString()} is the file, lines in
 * the order containerd writes them (search, nameserver, options).
 *
 * @param nameservers the servers the stub resolver asks, in order
 * @param searches the search domains, in order, without trailing dots
 * @param options the options line's entries
 */
public record ResolvConf(
    ImmutableList<IpAddress> nameservers,
    ImmutableList<String> searches,
    ImmutableList<ResolvOption> options) {

  /** glibc's {@code ndots} when no option sets it. */
  public static final int DEFAULT_NDOTS = 1;

  /** glibc's per-query {@code timeout} in seconds when no option sets it (RES_TIMEOUT). */
  public static final int DEFAULT_TIMEOUT_SECONDS = 5;

  /** glibc's {@code attempts} per server when no option sets it (RES_DFLRETRY). */
  public static final int DEFAULT_ATTEMPTS = 2;

  public ResolvConf {
    nameservers = ImmutableList.copyOf(nameservers);
    searches = ImmutableList.copyOf(searches);
    options = ImmutableList.copyOf(options);
  }

  /** {@return a resolv.conf of these lines} */
  public static ResolvConf of(List<IpAddress> nameservers, List<String> searches,
      List<ResolvOption> options) {
    return new ResolvConf(ImmutableList.copyOf(nameservers), ImmutableList.copyOf(searches),
        ImmutableList.copyOf(options));
  }

  /** {@return {@code ndots}: names with fewer dots are tried with the search list first} */
  public int ndots() {
    return intOption("ndots", DEFAULT_NDOTS, 0, 15);
  }

  /** {@return seconds the resolver waits for one server's reply} */
  public int timeoutSeconds() {
    return intOption("timeout", DEFAULT_TIMEOUT_SECONDS, 1, 30);
  }

  /** {@return how many rounds over the servers a query gets} */
  public int attempts() {
    return intOption("attempts", DEFAULT_ATTEMPTS, 1, 5);
  }

  /**
   * The last value of an integer option, clamped as glibc's {@code res_setoptions} clamps it
   * (ndots to 15, timeout to 30, attempts to 5); an unparsable value leaves the default.
   */
  private int intOption(String name, int fallback, int min, int max) {
    int value = fallback;
    for (ResolvOption option : options) {
      if (option.name().equals(name) && option.value().isPresent()) {
        try {
          value = Math.max(min, Math.min(max, Integer.parseInt(option.value().get())));
        } catch (NumberFormatException notANumber) {
          // glibc ignores an option it cannot read
        }
      }
    }
    return value;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (!searches.isEmpty()) {
      out.append("search ").append(String.join(" ", searches)).append('\n');
    }
    nameservers.forEach(ns -> out.append("nameserver ").append(ns).append('\n'));
    if (!options.isEmpty()) {
      out.append("options ").append(options.stream().map(ResolvOption::toString)
          .collect(Collectors.joining(" "))).append('\n');
    }
    return out.toString();
  }
}

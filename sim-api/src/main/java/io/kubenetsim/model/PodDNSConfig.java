package io.kubenetsim.model;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.dns.ResolvOption;
import io.kubenetsim.net.IpAddress;
import java.util.List;

/**
 * {@code Pod.spec.dnsConfig}: resolver settings the kubelet adds to what the pod's {@link
 * DnsPolicy} gives (nameservers and search domains appended, options overriding by name), or,
 * with {@code dnsPolicy: None}, the whole of the pod's resolv.conf.
 *
 * <p>Nameservers and search domains are kept as the API's text, as {@link ServiceSpec} keeps
 * its addresses, so that a bad value read from a manifest reaches validation and is reported as
 * kube-apiserver reports it ({@code spec.dnsConfig.nameservers[0]: Invalid value: "dns": must
 * be a valid IP address, …}). Lists keep their order; nothing is deduplicated here (the kubelet
 * does that when it writes the file).
 *
 * <pre>{@code
 * PodDNSConfig config = PodDNSConfig.of(List.of(IpAddress.parse("1.1.1.1")),
 *     List.of("corp.example.com"), List.of(ResolvOption.of("ndots", "2")));
 * config.nameservers();   // ["1.1.1.1"]
 * }</pre>
 *
 * @param nameservers {@code nameservers}: IP addresses, at most three
 * @param searches {@code searches}: domains, at most 32 and 2048 characters in all
 * @param options {@code options}: resolver options by name, with optional values
 */
public record PodDNSConfig(
    ImmutableList<String> nameservers,
    ImmutableList<String> searches,
    ImmutableList<PodDNSConfigOption> options) {

  public PodDNSConfig {
    nameservers = ImmutableList.copyOf(nameservers);
    searches = ImmutableList.copyOf(searches);
    options = ImmutableList.copyOf(options);
  }

  /** {@return an empty config, {@code dnsConfig: {}}} */
  public static PodDNSConfig empty() {
    return new PodDNSConfig(ImmutableList.of(), ImmutableList.of(), ImmutableList.of());
  }

  /** {@return a config of typed values: addresses, domains and resolv.conf options} */
  public static PodDNSConfig of(List<IpAddress> nameservers, List<String> searches,
      List<ResolvOption> options) {
    return new PodDNSConfig(
        nameservers.stream().map(IpAddress::toString).collect(ImmutableList.toImmutableList()),
        ImmutableList.copyOf(searches),
        options.stream().map(PodDNSConfigOption::of).collect(ImmutableList.toImmutableList()));
  }

  /** {@return this config with {@code nameserver} appended} */
  public PodDNSConfig withNameserver(IpAddress nameserver) {
    return new PodDNSConfig(ImmutableList.<String>builder().addAll(nameservers)
        .add(nameserver.toString()).build(), searches, options);
  }

  /** {@return this config with search domain {@code domain} appended} */
  public PodDNSConfig withSearch(String domain) {
    return new PodDNSConfig(nameservers,
        ImmutableList.<String>builder().addAll(searches).add(domain).build(), options);
  }

  /** {@return this config with {@code option} appended} */
  public PodDNSConfig withOption(ResolvOption option) {
    return new PodDNSConfig(nameservers, searches, ImmutableList.<PodDNSConfigOption>builder()
        .addAll(options).add(PodDNSConfigOption.of(option)).build());
  }

  /** {@return e.g. {@code {nameservers: [1.1.1.1], searches: [corp], options: [ndots:2]}}} */
  @Override
  public String toString() {
    return "{nameservers: " + nameservers + ", searches: " + searches + ", options: " + options
        + "}";
  }
}

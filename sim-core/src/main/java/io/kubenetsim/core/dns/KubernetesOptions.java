package io.kubenetsim.core.dns;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import io.kubenetsim.dns.DnsName;
import java.util.List;
import java.util.Optional;

/**
 * The kubernetes plugin's configuration, as its Corefile stanza sets it (upstream {@code
 * ParseStanza} in {@code plugin/kubernetes/setup.go}):
 *
 * <pre>
 * kubernetes cluster.local in-addr.arpa ip6.arpa {
 *     pods insecure
 *     fallthrough in-addr.arpa ip6.arpa
 *     ttl 30
 * }
 * </pre>
 *
 * @param zones the zones the plugin is authoritative for (the line's arguments, else the server
 *     block's zones), lower case, in order
 * @param podMode the {@code pods} option; {@link PodMode#DISABLED} by default
 * @param endpointPodNames {@code endpoint_pod_names}: name endpoints after their pods
 * @param ttl the {@code ttl} option, 0 to 3600; 5 by default
 * @param noEndpoints {@code noendpoints}: no endpoint or headless answers
 * @param fallthrough the zones of {@code fallthrough} ({@code .} when it has no arguments);
 *     empty when the option is absent
 * @param ignoreEmptyService {@code ignore empty_service}: a ClusterIP Service without ready
 *     endpoints is NXDOMAIN
 * @param namespaces {@code namespaces}: the only namespaces exposed; empty exposes all
 */
public record KubernetesOptions(
    ImmutableList<DnsName> zones,
    PodMode podMode,
    boolean endpointPodNames,
    long ttl,
    boolean noEndpoints,
    ImmutableList<DnsName> fallthrough,
    boolean ignoreEmptyService,
    ImmutableSortedSet<String> namespaces) {

  /** The plugin's default TTL (upstream {@code defaultTTL}). */
  public static final long DEFAULT_TTL = 5;

  /** The largest {@code ttl} upstream accepts. */
  public static final long MAX_TTL = 3600;

  public KubernetesOptions {
    zones = ImmutableList.copyOf(zones);
    fallthrough = ImmutableList.copyOf(fallthrough);
    namespaces = ImmutableSortedSet.copyOf(namespaces);
    checkArgument(zones.stream().anyMatch(z -> !isReverse(z)),
        "non-reverse zone name must be used (zones %s)", zones);
    checkArgument(podMode != null, "podMode must not be null");
    checkArgument(ttl >= 0 && ttl <= MAX_TTL, "ttl must be in range [0, 3600]: %s", ttl);
  }

  /** {@return the plugin's defaults for these zones} */
  public static KubernetesOptions defaults(List<DnsName> zones) {
    return new KubernetesOptions(ImmutableList.copyOf(zones), PodMode.DISABLED, false,
        DEFAULT_TTL, false, ImmutableList.of(), false, ImmutableSortedSet.of());
  }

  /**
   * {@return the first zone that is not a reverse zone}: PTR answers name Services under it
   * (upstream {@code primaryZone})
   */
  public DnsName primaryZone() {
    return zones.stream().filter(z -> !isReverse(z)).findFirst().orElseThrow();
  }

  /** {@return the longest of the plugin's zones that holds {@code name}} */
  public Optional<DnsName> zoneOf(DnsName name) {
    return Zones.longestMatch(zones, name);
  }

  /** {@return whether a NXDOMAIN for {@code name} passes to the next plugin} */
  public boolean fallsThrough(DnsName name) {
    return Zones.longestMatch(fallthrough, name).isPresent();
  }

  /** {@return whether the {@code namespaces} option lets this namespace through} */
  public boolean configuredNamespace(String namespace) {
    return namespaces.isEmpty() || namespaces.contains(namespace);
  }

  /** {@return whether {@code zone} lies under in-addr.arpa. or ip6.arpa.} */
  static boolean isReverse(DnsName zone) {
    String key = zone.key();
    return key.endsWith(".in-addr.arpa.") || key.endsWith(".ip6.arpa.")
        || key.equals("in-addr.arpa.") || key.equals("ip6.arpa.");
  }
}

package io.kubenetsim.core.kubelet;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.dns.ResolvConf;
import io.kubenetsim.dns.ResolvOption;
import io.kubenetsim.model.DnsPolicy;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodDNSConfig;
import io.kubenetsim.model.PodDNSConfigOption;
import io.kubenetsim.net.IpAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kubelet's DNS configurer: writes each pod's {@code /etc/resolv.conf} from its {@code
 * dnsPolicy} and {@code dnsConfig}, the cluster DNS addresses ({@code --cluster-dns}, the
 * kube-dns Service's ClusterIP), the cluster domain ({@code --cluster-domain}) and the node's
 * own resolv.conf ({@code --resolv-conf}). Models upstream's {@code Configurer.GetPodDNS} in
 * {@code pkg/kubelet/network/dns/dns.go}:
 *
 * <ol>
 *   <li>the base, by {@link PodDnsType} ({@code getPodDNSType}): for CLUSTER the cluster DNS
 *       servers, the search list {@code <ns>.svc.<domain> svc.<domain> <domain>} followed by the
 *       node's search domains, duplicates removed ({@code generateSearchesForDNSClusterFirst}),
 *       and {@code options ndots:5} alone; for HOST the node's file; for NONE nothing. With no
 *       cluster DNS configured, CLUSTER falls back to HOST with a {@code MissingClusterDNS}
 *       warning;
 *   <li>the pod's {@code dnsConfig} on top ({@code appendDNSConfig}): nameservers and searches
 *       appended without duplicates, options merged by name, the pod's winning ({@code
 *       mergeDNSOptions});
 *   <li>the limits ({@link PodDnsLimits}), with a {@code DNSConfigForming} warning when cut.
 * </ol>
 *
 * <p>Simplification: upstream's {@code mergeDNSOptions} goes through a Go map, so its option
 * order varies from run to run; here an option keeps the place it first had (node or cluster
 * options first, then the pod's new ones), so the file is the same every run.
 *
 * <p>Simplification: the node always has a resolv.conf (the {@code ClusterDns} setting, or the
 * node network's resolver); the kubelet's {@code --resolv-conf=""} case (nameserver {@code
 * 127.0.0.1}, search {@code .}) is not modelled. A {@code dnsConfig} nameserver only the API
 * server's lenient IP parser accepts (an IPv4 octet with a leading zero) cannot be written as an
 * {@link IpAddress}; it is left out, with a {@code DNSConfigForming} warning saying so.
 *
 * <pre>{@code
 * PodDns dns = new PodDns(List.of(IpAddress.parse("10.96.0.10")), "cluster.local", nodeConf);
 * dns.forPod(pod).resolvConf();   // search shop.svc.cluster.local svc.cluster.local ...
 * }</pre>
 */
public final class PodDns {

  /** What every cluster-DNS pod gets in its options line ({@code defaultDNSOptions}). */
  public static final ResolvOption CLUSTER_NDOTS = ResolvOption.of("ndots", "5");

  private final ImmutableList<IpAddress> clusterDns;
  private final String clusterDomain;
  private final ResolvConf node;
  /**
   * The result for a pod of the namespace with the cluster policy and no {@code dnsConfig},
   * which depends on nothing else: every pod of a Deployment asks the same question. Looked
   * up, never iterated.
   */
  private final Map<String, PodDnsResult> plainClusterPods = new HashMap<>();

  /**
   * A configurer for one kubelet.
   *
   * @param clusterDns the cluster DNS servers; empty when the kubelet has none configured
   * @param clusterDomain the cluster domain without a trailing dot; {@code ""} for none, which
   *     leaves the cluster search domains out
   * @param node the node's own resolv.conf
   */
  public PodDns(List<IpAddress> clusterDns, String clusterDomain, ResolvConf node) {
    checkArgument(clusterDomain != null && node != null, "clusterDomain and node are required");
    this.clusterDns = ImmutableList.copyOf(clusterDns);
    this.clusterDomain = clusterDomain;
    this.node = node;
  }

  /** {@return the resolv.conf for {@code pod}, and the warnings raised forming it} */
  public PodDnsResult forPod(Pod pod) {
    boolean plainCluster = pod.spec().dnsConfig().isEmpty() && !clusterDns.isEmpty()
        && PodDnsType.of(pod.spec().dnsPolicy(), pod.spec().hostNetwork()) == PodDnsType.CLUSTER;
    return plainCluster
        ? plainClusterPods.computeIfAbsent(pod.metadata().namespace(), ns -> resolve(pod))
        : resolve(pod);
  }

  private PodDnsResult resolve(Pod pod) {
    List<PodDnsWarning> warnings = new ArrayList<>();
    PodDnsType type = PodDnsType.of(pod.spec().dnsPolicy(), pod.spec().hostNetwork());
    if (type == PodDnsType.CLUSTER && clusterDns.isEmpty()) {
      warnings.add(missingClusterDns(pod));
      type = PodDnsType.HOST;
    }
    Draft draft = switch (type) {
      case NONE -> new Draft(List.of(), List.of(), List.of());
      case CLUSTER -> new Draft(clusterDns, clusterSearches(pod.metadata().namespace()),
          List.of(CLUSTER_NDOTS));
      case HOST -> new Draft(node.nameservers(), hostSearches(), node.options());
    };
    if (pod.spec().dnsConfig().isPresent()) {
      draft = append(draft, pod.spec().dnsConfig().get(), warnings);
    }
    ResolvConf conf = ResolvConf.of(PodDnsLimits.nameservers(draft.nameservers(), warnings),
        PodDnsLimits.searches(draft.searches(), warnings), draft.options());
    return new PodDnsResult(type, conf, ImmutableList.copyOf(warnings));
  }

  /** The three cluster domains, then the node's, without duplicates. */
  private List<String> clusterSearches(String namespace) {
    if (clusterDomain.isEmpty()) {
      return hostSearches();
    }
    List<String> searches = new ArrayList<>(List.of(namespace + ".svc." + clusterDomain,
        "svc." + clusterDomain, clusterDomain));
    searches.addAll(hostSearches());
    return List.copyOf(new LinkedHashSet<>(searches));
  }

  /**
   * The node's search domains, each without one trailing dot, as upstream's {@code
   * parseResolvConf} reads them so that {@code a.} and {@code a} count once.
   */
  private List<String> hostSearches() {
    return node.searches().stream()
        .map(s -> s.endsWith(".") ? s.substring(0, s.length() - 1) : s).toList();
  }

  private static Draft append(Draft base, PodDNSConfig config, List<PodDnsWarning> warnings) {
    LinkedHashSet<IpAddress> servers = new LinkedHashSet<>(base.nameservers());
    for (String text : config.nameservers()) {
      Optional<IpAddress> address = IpAddress.tryParse(text);
      address.ifPresentOrElse(servers::add, () -> warnings.add(new PodDnsWarning(
          PodDnsWarning.DNS_CONFIG_FORMING, "Nameserver \"" + text + "\" is not an IP address "
              + "the resolver can read and has been omitted")));
    }
    LinkedHashSet<String> searches = new LinkedHashSet<>(base.searches());
    searches.addAll(config.searches());
    return new Draft(List.copyOf(servers), List.copyOf(searches),
        mergeOptions(base.options(), config.options()));
  }

  /**
   * {@return upstream's {@code mergeDNSOptions}: one option per name, the pod's value winning}
   * Keyed by name in first-seen order: a later entry replaces the value, not the place.
   */
  static List<ResolvOption> mergeOptions(List<ResolvOption> existing,
      List<PodDNSConfigOption> fromPod) {
    Map<String, ResolvOption> options = new LinkedHashMap<>();
    existing.forEach(o -> options.put(o.name(), flagIfEmpty(o)));
    fromPod.forEach(o -> options.put(o.name(), o.toResolvOption()));
    return List.copyOf(options.values());
  }

  /** {@code name:} with nothing after the colon is written as {@code name}, as upstream does. */
  private static ResolvOption flagIfEmpty(ResolvOption option) {
    return new ResolvOption(option.name(), option.value().filter(v -> !v.isEmpty()));
  }

  private static PodDnsWarning missingClusterDns(Pod pod) {
    return new PodDnsWarning(PodDnsWarning.MISSING_CLUSTER_DNS, "pod: \""
        + pod.metadata().name() + "_" + pod.metadata().namespace() + "(" + pod.metadata().uid()
        + ")\". kubelet does not have ClusterDNS IP configured and cannot create Pod using \""
        + DnsPolicy.CLUSTER_FIRST + "\" policy. Falling back to \"" + DnsPolicy.DEFAULT
        + "\" policy.");
  }

  /** A resolv.conf being composed, before the limits. */
  private record Draft(List<IpAddress> nameservers, List<String> searches,
      List<ResolvOption> options) {}
}

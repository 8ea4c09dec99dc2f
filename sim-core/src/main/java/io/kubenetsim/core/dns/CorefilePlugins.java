package io.kubenetsim.core.dns;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.List;

/**
 * CoreDNS's plugins in the order its {@code plugin.cfg} compiles them in — the order a server
 * block's chain runs, whatever order the Corefile lists them — and which of them kube-netsim
 * simulates.
 */
final class CorefilePlugins {
  private CorefilePlugins() {}

  /** Every CoreDNS directive, in chain order (coredns {@code plugin.cfg}). */
  static final ImmutableList<String> ORDER = ImmutableList.of("root", "metadata", "geoip",
      "cancel", "proxyproto", "quic", "grpc_server", "https", "https3", "timeouts",
      "multisocket", "reload", "nsid", "bufsize", "bind", "debug", "trace", "ready", "health",
      "pprof", "shed", "prometheus", "errors", "log", "dnstap", "local", "dns64", "any", "chaos",
      "loadbalance", "tsig", "rewrite", "autopath", "acl", "cache", "header", "dnssec", "tls",
      "minimal", "template", "transfer", "hosts", "route53", "azure", "clouddns",
      "k8s_external", "kubernetes", "file", "auto", "secondary", "etcd", "loop", "forward",
      "grpc", "erratic", "whoami", "on", "sign", "view", "nomad");

  /** The directives kube-netsim simulates (some as no-ops for answers), sorted. */
  static final ImmutableList<String> MODELLED = ImmutableSortedSet.of("cache", "errors",
      "forward", "health", "hosts", "kubernetes", "loadbalance", "log", "loop", "prometheus",
      "ready", "reload", "rewrite").asList();

  static boolean exists(String directive) {
    return ORDER.contains(directive);
  }

  static boolean modelled(String directive) {
    return MODELLED.contains(directive);
  }

  /** {@return the directives of a block sorted into chain order} */
  static List<String> inChainOrder(List<String> directives) {
    return ORDER.stream().filter(directives::contains).toList();
  }
}

package io.kubenetsim.core.dns;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import io.kubenetsim.dns.DnsName;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads a {@code kubernetes} stanza as upstream's {@code ParseStanza} ({@code
 * plugin/kubernetes/setup.go}) does, with its error messages. Options about reaching the API
 * server ({@code endpoint}, {@code tls}, {@code kubeconfig}, {@code apiserver_*}, {@code
 * startup_timeout}) are checked and have no effect; {@code labels}, {@code namespace_labels},
 * {@code multicluster} and {@code zonal} are unmodelled.
 */
final class KubernetesSetup {
  private KubernetesSetup() {}

  static final ImmutableList<String> MODELLED_OPTIONS = ImmutableList.of("apiserver_burst",
      "apiserver_max_inflight", "apiserver_qps", "endpoint", "endpoint_pod_names",
      "fallthrough", "ignore", "kubeconfig", "namespaces", "noendpoints", "pods",
      "startup_timeout", "tls", "ttl");

  static Directive.Kubernetes parse(CorefileCursor c, List<DnsName> blockZones) {
    c.next();
    int line = c.line();
    List<DnsName> zones = ZoneArgs.originsFromArgsOrBlock(c.remainingArgs(), blockZones);
    if (zones.stream().allMatch(KubernetesOptions::isReverse)) {
      throw c.plain("non-reverse zone name must be used");
    }
    PodMode pods = PodMode.DISABLED;
    boolean podNames = false;
    long ttl = KubernetesOptions.DEFAULT_TTL;
    boolean noEndpoints = false;
    List<DnsName> fallthrough = List.of();
    boolean ignoreEmpty = false;
    TreeSet<String> namespaces = new TreeSet<>();
    while (c.nextBlock()) {
      String option = c.val();
      List<String> args;
      switch (option) {
        case "endpoint_pod_names":
          if (!c.remainingArgs().isEmpty()) {
            throw c.argErr();
          }
          podNames = true;
          break;
        case "pods":
          args = c.remainingArgs();
          if (args.size() != 1) {
            throw c.argErr();
          }
          pods = PodMode.tryParse(args.get(0)).orElseThrow(() -> c.plain("wrong value for pods: "
              + args.get(0) + ",  must be one of: disabled, verified, insecure"));
          break;
        case "namespaces":
          args = c.remainingArgs();
          if (args.isEmpty()) {
            throw c.argErr();
          }
          namespaces.addAll(args);
          break;
        case "fallthrough":
          fallthrough = fallthroughZones(c.remainingArgs());
          break;
        case "ttl":
          ttl = ttl(c);
          break;
        case "noendpoints":
          if (!c.remainingArgs().isEmpty()) {
            throw c.argErr();
          }
          noEndpoints = true;
          break;
        case "ignore":
          args = c.remainingArgs();
          if (!args.isEmpty()) {
            if (!args.get(0).equals("empty_service")) {
              throw c.plain("unable to parse ignore value: '" + args.get(0) + "'");
            }
            ignoreEmpty = true;
          }
          break;
        case "labels":
        case "namespace_labels":
        case "multicluster":
        case "zonal":
          throw new CorefileCursor.Failure(new CorefileError.Unmodelled(c.line(), "kubernetes",
              option, MODELLED_OPTIONS));
        default:
          connectionOption(c, option);
      }
    }
    return new Directive.Kubernetes(line, new KubernetesOptions(ImmutableList.copyOf(zones),
        pods, podNames, ttl, noEndpoints, ImmutableList.copyOf(fallthrough), ignoreEmpty,
        ImmutableSortedSet.copyOf(namespaces)));
  }

  /** {@return the zones of a {@code fallthrough} option: all ({@code .}) when it names none} */
  static List<DnsName> fallthroughZones(List<String> args) {
    if (args.isEmpty()) {
      return List.of(DnsName.ROOT);
    }
    List<DnsName> out = new ArrayList<>();
    args.forEach(a -> ZoneArgs.normalize(a).ifPresent(out::addAll));
    return out;
  }

  private static long ttl(CorefileCursor c) {
    List<String> args = c.remainingArgs();
    if (args.isEmpty()) {
      throw c.argErr();
    }
    long t = GoNumbers.atoi(args.get(0)).orElseThrow(() -> c.plain(GoNumbers.atoiError(
        args.get(0))));
    if (t < 0 || t > KubernetesOptions.MAX_TTL) {
      throw c.err("ttl must be in range [0, 3600]: " + t);
    }
    return t;
  }

  /** Options about reaching the API server: argument counts checked, no effect. */
  private static void connectionOption(CorefileCursor c, String option) {
    List<String> args = c.remainingArgs();
    boolean ok;
    switch (option) {
      case "endpoint":
        ok = !args.isEmpty();
        break;
      case "tls":
        ok = args.size() == 3;
        break;
      case "kubeconfig":
        ok = args.size() == 1 || args.size() == 2;
        break;
      case "startup_timeout":
        ok = !args.isEmpty();
        break;
      case "apiserver_qps":
      case "apiserver_burst":
      case "apiserver_max_inflight":
        ok = args.size() == 1;
        break;
      default:
        throw c.err("unknown property '" + option + "'");
    }
    if (!ok) {
      throw c.argErr();
    }
  }
}

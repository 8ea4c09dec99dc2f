package io.kubenetsim.examples.cli;

import com.google.common.collect.ImmutableSortedSet;
import io.kubenetsim.CloudProvider;
import io.kubenetsim.NetworkPolicyEnforcement;
import io.kubenetsim.ProxyMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The command line's global options, read up to the first word that is not one, and {@link
 * #command()}, the words from there on. {@link #given()} names the options that were written
 * (by long name), so a command can refuse those it would not honour. Immutable.
 *
 * <pre>{@code
 * Options o = Options.parse(List.of("-f", "shop", "--seed", "7", "get", "pods"));
 * o.command();   // [get, pods]
 * o.given();     // [--filename, --seed]
 * }</pre>
 */
record Options(List<Path> files, int nodes, long seed, String clusterCidr,
    int nodeCidrMaskSize, String serviceCidrs, String nodePortRange, int maxEndpointsPerSlice,
    Optional<ProxyMode> proxyMode, Optional<Path> proxyConfig, CloudProvider cloudProvider,
    NetworkPolicyEnforcement networkPolicy, boolean help, boolean version, ImmutableSortedSet<String> given, List<String> command) {

  /** The options' part of {@code --help}, one line each, with their defaults. */
  static final String TEXT = String.join("\n",
      "options:",
      "  -f, --filename FILE|DIR          manifests to apply first, in order (repeatable)",
      "  --nodes N                        nodes node-1..node-N at start (3; 0 for none)",
      "  --seed N                         the seed all randomness derives from (1)",
      "  --proxy-mode MODE                kube-proxy's mode: ipvs (default), iptables or "
          + "nftables",
      "  --proxy-config FILE              a KubeProxyConfiguration, as kube-proxy --config "
          + "reads it",
      "  --cloud-provider simulated|none  simulated (default): LoadBalancer Services get an IP;",
      "                                   none: they stay <pending>, as on kind or minikube",
      "  --network-policy enforce|ignore  enforce (default): NetworkPolicies filter traffic;",
      "                                   ignore: stored but not enforced, as with flannel",
      "  --cluster-cidr CIDR              the pod network (10.244.0.0/16)",
      "  --node-cidr-mask-size N          each node's pod range prefix length (24)",
      "  --service-cluster-ip-range CIDR  Service IPs (10.96.0.0/12); CIDR,CIDR of two IP",
      "                                   families for dual-stack Services, the primary first",
      "  --service-node-port-range A-B    NodePorts (30000-32767)",
      "  --max-endpoints-per-slice N      endpoints per EndpointSlice (100)",
      "  -h, --help                       this text; COMMAND --help for one command",
      "  --version                        kube-netsim's version and Java's");

  Options {
    files = List.copyOf(files);
    given = ImmutableSortedSet.copyOf(given);
    command = List.copyOf(command);
  }

  /**
   * {@return the options in {@code args}, and the command after them}
   *
   * @throws IllegalArgumentException for an unknown option, a missing or malformed value
   */
  static Options parse(List<String> args) {
    List<Path> files = new ArrayList<>();
    int nodes = 3;
    long seed = 1;
    String clusterCidr = "10.244.0.0/16";
    int maskSize = 24;
    String serviceCidrs = "10.96.0.0/12";
    String nodePortRange = "30000-32767";
    int maxPerSlice = 100;
    Optional<ProxyMode> proxyMode = Optional.empty();
    Optional<Path> proxyConfig = Optional.empty();
    CloudProvider cloud = CloudProvider.SIMULATED;
    NetworkPolicyEnforcement policy = NetworkPolicyEnforcement.ENFORCE;
    boolean help = false;
    boolean version = false;
    TreeSet<String> given = new TreeSet<>();
    int i = 0;
    while (i < args.size() && args.get(i).startsWith("-")) {
      String flag = args.get(i);
      String value = i + 1 < args.size() ? args.get(i + 1) : null;
      int used = 2;
      switch (flag) {
        case "-f", "--filename" -> files.add(Path.of(required(flag, value)));
        case "--nodes" -> nodes = number(flag, required(flag, value), 0, 5000);
        case "--seed" -> seed = number(flag, required(flag, value));
        case "--cluster-cidr" -> clusterCidr = required(flag, value);
        case "--node-cidr-mask-size" -> maskSize = number(flag, required(flag, value), 0, 30);
        case "--service-cluster-ip-range" -> serviceCidrs = required(flag, value);
        case "--service-node-port-range" -> nodePortRange = required(flag, value);
        case "--max-endpoints-per-slice" ->
            maxPerSlice = number(flag, required(flag, value), 1, 1000);
        case "--proxy-mode" -> proxyMode = Optional.of(mode(required(flag, value)));
        case "--proxy-config" -> proxyConfig = Optional.of(Path.of(required(flag, value)));
        case "--cloud-provider" -> cloud = cloud(required(flag, value));
        case "--network-policy" -> policy = policy(required(flag, value));
        case "-h", "--help" -> {
          help = true;
          used = 1;
        }
        case "--version" -> {
          version = true;
          used = 1;
        }
        default -> throw new IllegalArgumentException("unknown option \"" + flag + "\"");
      }
      given.add(flag.equals("-f") ? "--filename" : flag.equals("-h") ? "--help" : flag);
      i += used;
    }
    return new Options(files, nodes, seed, clusterCidr, maskSize, serviceCidrs, nodePortRange,
        maxPerSlice, proxyMode, proxyConfig, cloud, policy, help, version,
        ImmutableSortedSet.copyOf(given),
        args.subList(i, args.size()));
  }

  private static ProxyMode mode(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "ipvs" -> ProxyMode.IPVS;
      case "iptables" -> ProxyMode.IPTABLES;
      case "nftables" -> ProxyMode.NFTABLES;
      default -> throw new IllegalArgumentException("--proxy-mode: Unsupported value: \""
          + text + "\": supported values: \"iptables\", \"ipvs\", \"nftables\"");
    };
  }

  private static CloudProvider cloud(String text) {
    return CloudProvider.tryParse(text).orElseThrow(() -> new IllegalArgumentException(
        "--cloud-provider: Unsupported value: \"" + text + "\": supported values: \"none\", "
            + "\"simulated\""));
  }

  private static NetworkPolicyEnforcement policy(String text) {
    return NetworkPolicyEnforcement.tryParse(text).orElseThrow(() -> new IllegalArgumentException(
        "--network-policy: Unsupported value: \"" + text + "\": supported values: \"enforce\", "
            + "\"ignore\""));
  }

  private static String required(String flag, String value) {
    if (value == null) {
      throw new IllegalArgumentException("option " + flag + " needs a value");
    }
    return value;
  }

  private static long number(String flag, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a whole number, got \"" + value + "\"");
    }
  }

  private static int number(String flag, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw new IllegalArgumentException(flag + " must be between " + min + " and " + max
            + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a whole number, got \"" + value + "\"");
    }
  }
}

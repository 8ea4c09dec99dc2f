package io.kubenetsim.examples.cli;

import io.kubenetsim.ApiException;
import io.kubenetsim.Cluster;
import io.kubenetsim.ClusterBuilder;
import io.kubenetsim.KubeSim;
import io.kubenetsim.KubectlResult;
import io.kubenetsim.NotSettledException;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.core.manifest.KubeProxyConfigReader;
import io.kubenetsim.examples.Tour;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code kube-netsim} command line:
 * {@code java -jar kube-netsim.jar [-f FILE|DIR]... [--nodes N] [--seed N] COMMAND ARGS}.
 *
 * <p>Builds a cluster, applies the manifests in order (all or nothing), settles it, then runs
 * COMMAND: {@code tour}, {@code shell}, or any kubectl-style verb ({@code get}, {@code apply},
 * {@code delete}, {@code scale}, {@code settle}, {@code advance}, {@code events}, {@code
 * probe}, {@code trace}, {@code rules}, {@code port-forward}). Exit codes:
 * 0 success, 1 a check the command made failed, 2 bad input (the message on stderr).
 */
public final class Main {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err, new Shell.Input(System.in,
        System.console() != null)));
  }

  /** Runs the tool; {@return the exit code}. Separate from {@link #main} for tests. */
  static int run(List<String> args, PrintStream out, PrintStream err, Shell.Input in) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println(Options.USAGE);
      return USAGE;
    }
    if (options.command().isEmpty() || options.command().get(0).equals("help")) {
      (options.command().isEmpty() ? err : out).println(Options.USAGE);
      return options.command().isEmpty() ? USAGE : OK;
    }
    if (options.command().get(0).equals("tour")) {
      new Tour(out).run();
      return OK;
    }
    Cluster cluster;
    try {
      cluster = start(options);
    } catch (ApiException e) {
      err.println(e.getMessage());
      return USAGE;
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return USAGE;
    } catch (NotSettledException e) {
      err.println("error: " + e.getMessage());
      return FAILED;
    }
    if (options.command().get(0).equals("shell")) {
      return new Shell(cluster, out, err).run(in);
    }
    KubectlResult result = cluster.kubectl(options.command());
    out.print(result.stdout());
    err.print(result.stderr());
    return result.exitCode();
  }

  private static Cluster start(Options options) {
    ClusterBuilder builder = KubeSim.cluster().seed(options.seed()).nodes(options.nodes())
        .clusterCidr(options.clusterCidr(), options.nodeCidrMaskSize())
        .serviceClusterIpRange(options.serviceCidrs().split(","))
        .serviceNodePortRange(options.nodePortRange())
        .maxEndpointsPerSlice(options.maxEndpointsPerSlice());
    if (options.proxyConfig().isPresent()) {
      Path file = options.proxyConfig().get();
      try {
        builder.kubeProxy(KubeProxyConfigReader.read(Files.readString(file), file.toString()));
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
      }
    }
    KubeProxyConfigReader.find(options.files().toArray(Path[]::new))
        .filter(c -> options.proxyConfig().isEmpty()).ifPresent(builder::kubeProxy);
    options.proxyMode().ifPresent(builder::proxyMode);
    Cluster cluster = builder.build();
    if (!options.files().isEmpty()) {
      cluster.apply(options.files().toArray(Path[]::new));
    }
    cluster.settle();
    return cluster;
  }

  /** The global options, read up to the first word that is not one. */
  record Options(List<Path> files, int nodes, long seed, String clusterCidr,
      int nodeCidrMaskSize, String serviceCidrs, String nodePortRange, int maxEndpointsPerSlice,
      Optional<ProxyMode> proxyMode, Optional<Path> proxyConfig, List<String> command) {
    static final String USAGE = String.join("\n",
        "usage: java -jar kube-netsim.jar [-f FILE|DIR]... [--nodes N] [--seed N] COMMAND [ARGS]",
        "options: --cluster-cidr CIDR (10.244.0.0/16), --node-cidr-mask-size N (24),",
        "  --service-cluster-ip-range CIDR (10.96.0.0/12), --service-node-port-range A-B "
            + "(30000-32767),",
        "  --max-endpoints-per-slice N (100), --proxy-mode ipvs|iptables|nftables (ipvs),",
        "  --proxy-config FILE (a KubeProxyConfiguration, as kube-proxy --config reads it)",
        "commands:",
        "  tour                       a printed walk through pods, IPs, restarts and failures",
        "  shell                      read commands from stdin, one per line",
        "  get pods|nodes|deployments|replicasets|namespaces|svc|endpoints|endpointslices",
        "      [NAME] [-n NS|-A] [-l SEL] [-o wide|yaml|json|name]",
        "  describe svc NAME          a Service as kubectl describes it",
        "  expose deployment/NAME --port P [--target-port T] [--type NodePort|LoadBalancer]",
        "  apply -f FILE|DIR          apply more manifests (all or nothing)",
        "  delete TYPE NAME           delete an object (pods gracefully)",
        "  scale deployment/NAME --replicas=N",
        "  settle | advance DURATION | events [--since DURATION]",
        "  probe --from SRC --to DST --port P [--protocol TCP|UDP|SCTP] [--node NAME] [-o json]",
        "      open one connection and report its verdict, backend and source (exit 1 if not",
        "      established); SRC ns/pod|node/NAME|external:IP|ip:IP (ip: needs --node),",
        "      DST ns/pod|svc/ns/name|node/NAME|lb/ns/name|IP",
        "  trace --from SRC --to DST --port P [...]   the same packet, hop by hop, for people",
        "  rules --node NAME          the node's kube-proxy rules as ipvsadm -Ln, iptables-save",
        "                             or nft list ruleset prints them",
        "  port-forward svc|pod|deploy/NAME [LOCAL:]REMOTE [-n NS]",
        "      kubectl's Forwarding lines, then one connection through the forward",
        "exit codes: 0 success, 1 a check failed, 2 bad input");

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
      int i = 0;
      while (i < args.size() && args.get(i).startsWith("-")) {
        String flag = args.get(i);
        String value = i + 1 < args.size() ? args.get(i + 1) : null;
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
          default -> throw new IllegalArgumentException("unknown option \"" + flag + "\"");
        }
        i += 2;
      }
      return new Options(files, nodes, seed, clusterCidr, maskSize, serviceCidrs, nodePortRange,
          maxPerSlice, proxyMode, proxyConfig, List.copyOf(args.subList(i, args.size())));
    }

    private static ProxyMode mode(String text) {
      return switch (text.toLowerCase(java.util.Locale.ROOT)) {
        case "ipvs" -> ProxyMode.IPVS;
        case "iptables" -> ProxyMode.IPTABLES;
        case "nftables" -> ProxyMode.NFTABLES;
        default -> throw new IllegalArgumentException("--proxy-mode: Unsupported value: \""
            + text + "\": supported values: \"iptables\", \"ipvs\", \"nftables\"");
      };
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
}

package io.kubenetsim.examples.cli;

import io.kubenetsim.ApiException;
import io.kubenetsim.Cluster;
import io.kubenetsim.ClusterBuilder;
import io.kubenetsim.KubeSim;
import io.kubenetsim.KubectlResult;
import io.kubenetsim.NotSettledException;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.core.kubectl.CommandException;
import io.kubenetsim.core.kubectl.KubectlCommand;
import io.kubenetsim.core.kubectl.Verb;
import io.kubenetsim.core.kubectl.VerbHelp;
import io.kubenetsim.core.manifest.KubeProxyConfigReader;
import io.kubenetsim.examples.Tour;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code kube-netsim} command line:
 * {@code java -jar kube-netsim.jar [-f FILE|DIR]... [--nodes N] [--seed N] COMMAND ARGS}.
 *
 * <p>Steps of {@link #run}: (1) read the global {@link Options}; {@code --help}, {@code -h} and
 * {@code --version} answer at once; (2) answer {@code help [COMMAND]} and {@code COMMAND --help}
 * from the command's own help ({@link Tour#HELP}, {@link Shell#HELP}, each verb's {@link
 * Verb#help()}) without building a cluster; (3) refuse an unknown COMMAND; (4) run the {@code
 * tour} with the flags it honours, refusing the rest; (5) otherwise build the cluster, apply
 * the manifests in order (all or nothing), settle, and run {@code shell} or the kubectl-style
 * verb. Exit codes: 0 success, 1 a check the command made failed, 2 bad input of any kind,
 * unknown names included; every error line starts as kubectl's do ({@code error: …} or {@code
 * Error from server (NotFound): …}).
 */
public final class Main {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  /** The flags the tour honours; it builds its own cluster, so it refuses the others. */
  private static final Set<String> TOUR_FLAGS = Set.of("--seed", "--nodes", "--proxy-mode");

  /** The first lines of the usage, printed after an error in the global options. */
  private static final String SYNOPSIS = String.join("\n",
      "usage: java -jar kube-netsim.jar [-f FILE|DIR]... [--nodes N] [--seed N] COMMAND [ARGS]",
      "       java -jar kube-netsim.jar --help | --version | COMMAND --help",
      "");

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
      err.print(SYNOPSIS);
      return USAGE;
    }
    if (options.help()) {
      out.print(usage());
      return OK;
    }
    if (options.version()) {
      out.println(version());
      return OK;
    }
    List<String> command = withoutKubectl(options.command());
    if (command.isEmpty()) {
      err.println("error: no command given");
      err.print(SYNOPSIS);
      return USAGE;
    }
    try {
      Optional<String> help = help(command);
      if (help.isPresent()) {
        out.print(help.get());
        return OK;
      }
      requireKnown(command.get(0));
      if (command.get(0).equals("tour")) {
        return tour(args.subList(0, args.size() - options.command().size()),
            command.subList(1, command.size()), out);
      }
      if (command.get(0).equals("shell") && command.size() > 1) {
        throw CommandException.usage("error: shell takes no arguments (it reads commands from "
            + "stdin), got " + command.subList(1, command.size()) + "\n" + Shell.HELP.usage());
      }
      Cluster cluster = start(options);
      if (command.get(0).equals("shell")) {
        return new Shell(cluster, out, err).run(in);
      }
      KubectlResult result = cluster.kubectlResult(command);
      out.print(result.stdout());
      err.print(result.stderr());
      return result.exitCode();
    } catch (CommandException e) {
      err.println(e.getMessage());
      return e.exitCode();
    } catch (ApiException e) {
      err.println(CommandException.fromApi(e).getMessage());
      return USAGE;
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return USAGE;
    } catch (NotSettledException e) {
      err.println("error: " + e.getMessage());
      return FAILED;
    }
  }

  /** {@return the full usage: synopsis, options, every command, exit codes} */
  static String usage() {
    return SYNOPSIS + String.join("\n",
        "",
        "Builds a simulated Kubernetes cluster, applies the manifests in order (all or",
        "nothing), runs it until it settles, then runs COMMAND against it.",
        "",
        Options.TEXT,
        "",
        "commands (COMMAND --help shows one command's flags and examples):",
        Tour.HELP.overviewEntry() + Shell.HELP.overviewEntry()
            + VerbHelp.overview(KubectlCommand.defaultVerbs()),
        "exit codes: 0 success; 1 a check the command made failed (a connection not",
        "  established); 2 bad input: an unknown command, flag, type or name, a bad value,",
        "  manifest or object (the message on stderr, as kubectl words it).",
        "");
  }

  /**
   * {@return {@code kube-netsim VERSION (Java VERSION)}} The version is the jar manifest's
   * {@code Implementation-Version} (the Maven project version); classes run from a build
   * folder have none.
   */
  static String version() {
    String version = Optional.ofNullable(Main.class.getPackage().getImplementationVersion())
        .orElse("(development build, not from the jar)");
    return "kube-netsim " + version + " (Java " + System.getProperty("java.version") + ")";
  }

  /**
   * {@return the help {@code command} asks for: {@code help [COMMAND]}, {@code COMMAND --help}
   * or {@code COMMAND -h}, if it asks}
   *
   * @throws CommandException (usage) when it asks for help on an unknown command
   */
  private static Optional<String> help(List<String> command) {
    if (command.equals(List.of("help"))) {
      return Optional.of(usage());
    }
    boolean asks = command.get(0).equals("help") || KubectlCommand.asksForHelp(command);
    String target = command.get(0).equals("help") ? command.get(1) : command.get(0);
    if (asks && target.equals("tour")) {
      return Optional.of(Tour.HELP.toString());
    } else if (asks && target.equals("shell")) {
      return Optional.of(Shell.HELP.toString());
    } else if (asks) {
      requireKnown(target);
    }
    return KubectlCommand.help(command, KubectlCommand.defaultVerbs());
  }

  /** {@return the command without a leading {@code kubectl}, which kubectl users type} */
  private static List<String> withoutKubectl(List<String> command) {
    return !command.isEmpty() && command.get(0).equals("kubectl")
        ? command.subList(1, command.size()) : command;
  }

  private static void requireKnown(String name) {
    List<String> known = new ArrayList<>(List.of("tour", "shell"));
    KubectlCommand.defaultVerbs().forEach(v -> known.add(v.name()));
    if (!known.contains(name)) {
      throw CommandException.usage("error: unknown command \"" + name + "\" for \"kube-netsim\""
          + "; known commands: " + String.join(", ", known) + "\nRun 'java -jar kube-netsim.jar"
          + " --help' for usage.");
    }
  }

  /**
   * Runs the tour with the flags written before ({@code optionWords}) or after ({@code
   * tourWords}) the word {@code tour}: both are read as global options, then checked.
   *
   * @throws CommandException (usage) for a flag the tour cannot honour or an extra argument
   */
  private static int tour(List<String> optionWords, List<String> tourWords, PrintStream out) {
    List<String> words = new ArrayList<>(optionWords);
    words.addAll(tourWords);
    words.add("tour");
    Options options;
    try {
      options = Options.parse(words);
    } catch (IllegalArgumentException e) {
      throw CommandException.usage("error: " + e.getMessage() + "\n" + Tour.HELP.usage());
    }
    if (!options.command().equals(List.of("tour"))) {
      throw CommandException.usage("error: tour takes no arguments, got "
          + options.command().subList(0, options.command().size() - 1) + "\n"
          + Tour.HELP.usage());
    }
    List<String> refused = options.given().stream().filter(f -> !TOUR_FLAGS.contains(f))
        .toList();
    if (!refused.isEmpty()) {
      throw CommandException.usage("error: the tour builds its own cluster and cannot honour "
          + String.join(", ", refused) + "; it accepts --seed N, --nodes N (" + Tour.MIN_NODES
          + " or more) and --proxy-mode MODE\n" + Tour.HELP.usage());
    }
    boolean given = options.given().contains("--seed");
    new Tour(out, given ? options.seed() : Tour.DEFAULT_SEED, options.nodes(),
        options.proxyMode().orElse(ProxyMode.IPVS)).run();
    return OK;
  }

  private static Cluster start(Options options) {
    ClusterBuilder builder = KubeSim.cluster().seed(options.seed()).nodes(options.nodes())
        .clusterCidr(options.clusterCidr(), options.nodeCidrMaskSize())
        .serviceClusterIpRange(options.serviceCidrs().split(","))
        .serviceNodePortRange(options.nodePortRange())
        .maxEndpointsPerSlice(options.maxEndpointsPerSlice())
        .cloudProvider(options.cloudProvider()).networkPolicy(options.networkPolicy());
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
}

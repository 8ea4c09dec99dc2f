package io.kubenetsim.core.kubectl;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.ApiException;
import io.kubenetsim.Cluster;
import io.kubenetsim.KubectlResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Runs kubectl-style command lines against a {@link Cluster} and returns what kubectl would
 * print: exit code 0 on success, 1 when a check the command makes fails (a connection not
 * established), 2 on bad input — an unknown verb, flag, type or name, a malformed value, an
 * unreadable manifest, an object the API server refuses — with the message on stderr, starting
 * as kubectl's do ({@code error: …} or {@code Error from server (NotFound): pods "x" not found}).
 * Nothing is thrown for user mistakes.
 *
 * <p>Steps of {@link #run(List)}: (1) drop a leading {@code kubectl}; (2) move global flags
 * written before the verb ({@code -n shop get pods}) after it; (3) answer {@code help [VERB]},
 * {@code --help} and {@code VERB --help}/{@code -h} from the verbs' {@link Verb#help()}; (4)
 * pick the verb from the registry, in which verbs keep the order they were given; (5) run it,
 * turning {@link CommandException}, {@link ApiException} (always bad input: the API server
 * refused the request, see {@link CommandException#fromApi}) and {@link
 * IllegalArgumentException} into results. Confined to the simulation thread, like the cluster
 * it reads. (The {@code {"error": …}} rule for JSON streams is the shell's: see {@link
 * KubectlResults#applyJsonErrorRule}.)
 *
 * <pre>{@code
 * KubectlCommand kubectl = new KubectlCommand(cluster, formatter);
 * KubectlResult r = kubectl.run("get pods -n shop -o wide");
 * System.out.print(r);
 * }</pre>
 */
public final class KubectlCommand {

  private final KubectlContext context;
  private final LinkedHashMap<String, Verb> verbs = new LinkedHashMap<>();

  /** A command that knows the {@link #defaultVerbs()}. */
  public KubectlCommand(Cluster cluster, ObjectFormatter formatter) {
    this(cluster, formatter, defaultVerbs());
  }

  /**
   * A command that knows these verbs, in this order (the order only shows in error hints).
   *
   * @throws IllegalArgumentException when two verbs share a name
   */
  public KubectlCommand(Cluster cluster, ObjectFormatter formatter, List<? extends Verb> verbs) {
    this.context = new KubectlContext(cluster, formatter);
    for (Verb verb : verbs) {
      checkArgument(this.verbs.put(verb.name(), verb) == null,
          "two verbs are named \"%s\"; give each verb its own name", verb.name());
    }
  }

  /** {@return the verbs this package implements, in the order they are offered} */
  public static List<Verb> defaultVerbs() {
    List<Verb> verbs = new ArrayList<>(List.of(new GetVerb(), new DescribeVerb(),
        new ApplyVerb(), new DeleteVerb(), new ScaleVerb(), new ExposeVerb(), ProbeVerb.probe(),
        ProbeVerb.trace(), new RulesVerb(), new PortForwardVerb(), new MatrixVerb(),
        new NslookupVerb(), new ZoneVerb()));
    verbs.addAll(SimulationVerbs.all());
    return List.copyOf(verbs);
  }

  /** {@return the names of the known verbs, in registry order} */
  public List<String> verbNames() {
    return List.copyOf(verbs.keySet());
  }

  /** {@return the result of one command line, split into words as {@link ShellWords} does} */
  public KubectlResult run(String commandLine) {
    List<String> words;
    try {
      words = ShellWords.split(commandLine);
    } catch (IllegalArgumentException e) {
      return KubectlResults.failure(CommandException.USAGE, "error: " + e.getMessage());
    }
    return run(words);
  }

  /** {@return the result of a command given as words ({@code argv})} */
  public KubectlResult run(List<String> argv) {
    return dispatch(argv);
  }

  /**
   * {@return the help {@code argv} asks for, if it asks for help} {@code help} or {@code
   * --help} alone gives the overview of {@code verbs}; {@code help VERB}, {@code VERB --help}
   * and {@code VERB -h} give that verb's {@link Verb#help()}. Anything else is not a help
   * request.
   *
   * @throws CommandException (usage) when help is asked for a verb not in {@code verbs}
   */
  public static Optional<String> help(List<String> argv, List<? extends Verb> verbs) {
    List<String> words = withoutKubectl(argv);
    boolean flag = asksForHelp(words);
    words.removeIf(KubectlCommand::isHelpFlag);
    if (!words.isEmpty() && words.get(0).equals("help")) {
      words.remove(0);
      flag = true;
    }
    if (!flag) {
      return Optional.empty();
    }
    leadingGlobalFlags(words);
    if (words.isEmpty()) {
      return Optional.of("kubectl-style commands (COMMAND --help for one):\n"
          + VerbHelp.overview(verbs));
    }
    String name = words.get(0);
    return Optional.of(verbs.stream().filter(v -> v.name().equals(name)).findFirst()
        .orElseThrow(() -> unknownCommand(name, verbs)).help().toString());
  }

  private static CommandException unknownCommand(String name, List<? extends Verb> verbs) {
    return CommandException.usage("error: unknown command \"" + name + "\" for \"kubectl\"; "
        + "known commands: " + String.join(", ", verbs.stream().map(Verb::name).toList()));
  }

  /** {@return whether a word before {@code --} is {@code --help} or {@code -h}} */
  public static boolean asksForHelp(List<String> words) {
    for (String word : words) {
      if (word.equals("--")) {
        return false;
      }
      if (isHelpFlag(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHelpFlag(String word) {
    return word.equals("--help") || word.equals("-h") || word.equals("--help=true");
  }

  private KubectlResult dispatch(List<String> argv) {
    try {
      Optional<String> help = help(argv, List.copyOf(verbs.values()));
      if (help.isPresent()) {
        return KubectlResult.ok(help.get());
      }
    } catch (CommandException e) {
      return KubectlResults.failure(e.exitCode(), e.getMessage());
    }
    List<String> words = withoutKubectl(argv);
    List<String> leading = leadingGlobalFlags(words);
    if (words.isEmpty()) {
      return KubectlResults.failure(CommandException.USAGE,
          "error: no command given; known commands: " + String.join(", ", verbs.keySet()));
    }
    String name = words.remove(0);
    Verb verb = verbs.get(name);
    if (verb == null) {
      CommandException unknown = unknownCommand(name, List.copyOf(verbs.values()));
      return KubectlResults.failure(unknown.exitCode(), unknown.getMessage());
    }
    words.addAll(leading);
    try {
      return verb.run(List.copyOf(words), context);
    } catch (CommandException e) {
      return KubectlResults.failure(e.exitCode(), e.getMessage());
    } catch (ApiException e) {
      CommandException refused = CommandException.fromApi(e);
      return KubectlResults.failure(refused.exitCode(), refused.getMessage());
    } catch (IllegalArgumentException e) {
      return KubectlResults.failure(CommandException.USAGE, "error: " + e.getMessage());
    }
  }

  /** {@return a mutable copy of {@code argv} without a leading {@code kubectl}} */
  private static List<String> withoutKubectl(List<String> argv) {
    List<String> words = new ArrayList<>(argv);
    if (!words.isEmpty() && words.get(0).equals("kubectl")) {
      words.remove(0);
    }
    return words;
  }

  /**
   * Removes the flags written before the verb and returns them, so the verb can parse them:
   * kubectl accepts global flags such as {@code -n} on either side of the verb. Only {@code
   * -n}/{@code --namespace} take a separate value here; other leading flags are passed on as
   * single words for the verb to accept or reject.
   */
  private static List<String> leadingGlobalFlags(List<String> words) {
    List<String> leading = new ArrayList<>();
    while (!words.isEmpty() && words.get(0).startsWith("-") && !words.get(0).equals("--")) {
      String flag = words.remove(0);
      leading.add(flag);
      if ((flag.equals("-n") || flag.equals("--namespace")) && !words.isEmpty()) {
        leading.add(words.remove(0));
      }
    }
    return leading;
  }
}

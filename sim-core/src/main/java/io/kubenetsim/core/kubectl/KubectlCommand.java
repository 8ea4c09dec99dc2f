package io.kubenetsim.core.kubectl;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.ApiException;
import io.kubenetsim.Cluster;
import io.kubenetsim.KubectlResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Runs kubectl-style command lines against a {@link Cluster} and returns what kubectl would
 * print: exit code 0 on success, 1 when a check the command makes fails (a NotFound), 2 on bad
 * input, with the message on stderr. Nothing is thrown for user mistakes.
 *
 * <p>Steps of {@link #run(List)}: (1) drop a leading {@code kubectl}; (2) move global flags
 * written before the verb ({@code -n shop get pods}) after it; (3) pick the verb from the
 * registry, in which verbs keep the order they were given; (4) run it, turning {@link
 * CommandException}, {@link ApiException} and {@link IllegalArgumentException} into results;
 * Confined to the simulation thread, like the cluster it reads. (The {@code {"error": …}} rule
 * for JSON streams is the shell's: see {@link KubectlResults#applyJsonErrorRule}.)
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
        ProbeVerb.trace(), new RulesVerb(), new PortForwardVerb()));
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

  private KubectlResult dispatch(List<String> argv) {
    List<String> words = new ArrayList<>(argv);
    if (!words.isEmpty() && words.get(0).equals("kubectl")) {
      words.remove(0);
    }
    List<String> leading = leadingGlobalFlags(words);
    if (words.isEmpty()) {
      return KubectlResults.failure(CommandException.USAGE,
          "error: no command given; known commands: " + String.join(", ", verbs.keySet()));
    }
    String name = words.remove(0);
    Verb verb = verbs.get(name);
    if (verb == null) {
      return KubectlResults.failure(CommandException.USAGE, "error: unknown command \"" + name
          + "\" for \"kubectl\"; known commands: " + String.join(", ", verbs.keySet()));
    }
    words.addAll(leading);
    try {
      return verb.run(List.copyOf(words), context);
    } catch (CommandException e) {
      return KubectlResults.failure(e.exitCode(), e.getMessage());
    } catch (ApiException e) {
      return KubectlResults.failure(CommandException.FAILED,
          "Error from server (" + e.reason() + "): " + e.getMessage());
    } catch (IllegalArgumentException e) {
      return KubectlResults.failure(CommandException.USAGE, "error: " + e.getMessage());
    }
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

package io.kubenetsim.core.kubectl;

import io.kubenetsim.KubectlResult;
import java.util.List;

/**
 * One kubectl verb ({@code get}, later {@code describe}, {@code delete}, {@code scale}, …). A
 * verb parses its own arguments (usually with a {@link FlagSet}) and returns what kubectl would
 * print. Implementations are stateless; a verb may throw {@link CommandException} for bad input
 * or a failed check, and {@link KubectlCommand} turns it into a result.
 *
 * <p>To add a verb: implement this interface in one class ({@code DescribeVerb}), give it its
 * {@link #help()} (the same text its usage errors print), and add an instance to the list given
 * to {@link KubectlCommand}, or to {@link KubectlCommand#defaultVerbs()}. {@link
 * KubectlCommand} answers {@code VERB --help} and {@code VERB -h} from {@link #help()} without
 * running the verb.
 *
 * <pre>{@code
 * final class ScaleVerb implements Verb {
 *   public String name() { return "scale"; }
 *   public VerbHelp help() { return HELP; }
 *   public KubectlResult run(List<String> args, KubectlContext context) { ... }
 * }
 * }</pre>
 */
public interface Verb {

  /** {@return the word that selects this verb: {@code get}} */
  String name();

  /**
   * {@return what the verb printed and its exit code}
   *
   * @param args the words after the verb, global flags such as {@code -n} already moved here
   * @throws CommandException for bad input (exit code 2) or a failed check (exit code 1)
   */
  KubectlResult run(List<String> args, KubectlContext context);

  /**
   * {@return what {@code VERB --help} prints: usage, summary, flags and examples} The default
   * says only the verb's name, for verbs added from outside this package; every built-in verb
   * overrides it.
   */
  default VerbHelp help() {
    return VerbHelp.of(name() + " [ARGS]", "The " + name() + " command (no help written).");
  }
}

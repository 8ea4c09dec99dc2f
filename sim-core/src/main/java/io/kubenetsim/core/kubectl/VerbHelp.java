package io.kubenetsim.core.kubectl;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * What {@code VERB --help} prints for one verb: the usage line, one sentence on what the verb
 * does, then its forms, flags and examples. The usage line is also what the verb's usage errors
 * end with, and the synopsis and summary are what the command-line tool's overall {@code --help}
 * lists, so each verb's text lives in one place, beside the verb. Immutable.
 *
 * <pre>{@code
 * VerbHelp help = VerbHelp.of("rules --node NAME", "Print the node's kube-proxy rules.",
 *     "examples:", "  rules --node node-1");
 * help.usage();      // usage: rules --node NAME
 * help.toString();   // the usage, a blank line, the summary, a blank line, the details
 * }</pre>
 *
 * @param synopsis the command's shape without the word {@code usage:}, e.g. {@code rules --node
 *     NAME}; several lines for several forms
 * @param summary one sentence saying what the verb does
 * @param details the lines printed after the summary: forms, flags, examples
 */
public record VerbHelp(String synopsis, String summary, ImmutableList<String> details) {

  public VerbHelp {
    checkArgument(synopsis != null && !synopsis.isBlank(), "a verb's help needs a synopsis");
    checkArgument(summary != null && !summary.isBlank(), "a verb's help needs a summary");
    details = ImmutableList.copyOf(details);
  }

  /** {@return help with these parts} */
  public static VerbHelp of(String synopsis, String summary, String... details) {
    return new VerbHelp(synopsis, summary, ImmutableList.copyOf(details));
  }

  /** {@return the line a usage error ends with: {@code usage: rules --node NAME}} */
  public String usage() {
    return "usage: " + synopsis.replace("\n", "\n       ");
  }

  /** {@return the overview's entry: the synopsis, then the summary indented below it} */
  public String overviewEntry() {
    return "  " + synopsis.replace("\n", "\n  ") + "\n      " + summary + "\n";
  }

  /** {@return the overview of several verbs, one {@link #overviewEntry()} each, in order} */
  public static String overview(List<? extends Verb> verbs) {
    StringBuilder out = new StringBuilder();
    verbs.forEach(v -> out.append(v.help().overviewEntry()));
    return out.toString();
  }

  /** {@return the full help, as {@code VERB --help} prints it, ending in a newline} */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(usage()).append("\n\n").append(summary).append('\n');
    if (!details.isEmpty()) {
      out.append('\n').append(String.join("\n", details)).append('\n');
    }
    return out.toString();
  }
}

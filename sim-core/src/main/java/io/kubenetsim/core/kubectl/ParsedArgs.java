package io.kubenetsim.core.kubectl;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ListMultimap;
import java.util.List;
import java.util.Optional;

/**
 * What {@link FlagSet#parse} found: the positional arguments in order and every value given
 * for each flag, keyed by long name, in the order given. {@link #value} is the last occurrence,
 * as with pflag's plain flags; {@link #values} all of them, as pflag's {@code StringArray}
 * flags (kubectl's repeatable {@code -f}). Immutable.
 *
 * <pre>{@code
 * ParsedArgs args = flags.parse(List.of("pods", "-n", "shop"));
 * args.positionals();          // [pods]
 * args.value("namespace");     // Optional[shop]
 * }</pre>
 */
public record ParsedArgs(ImmutableList<String> positionals,
    ImmutableListMultimap<String, String> occurrences) {

  public ParsedArgs {
    positionals = ImmutableList.copyOf(positionals);
    occurrences = ImmutableListMultimap.copyOf(occurrences);
  }

  /** {@return the arguments found} */
  static ParsedArgs of(List<String> positionals, ListMultimap<String, String> occurrences) {
    return new ParsedArgs(ImmutableList.copyOf(positionals),
        ImmutableListMultimap.copyOf(occurrences));
  }

  /** {@return the value given last for the flag with this long name, if it was given} */
  public Optional<String> value(String longName) {
    List<String> given = occurrences.get(longName);
    return given.isEmpty() ? Optional.empty() : Optional.of(given.get(given.size() - 1));
  }

  /** {@return every value given for the flag with this long name, in order} */
  public List<String> values(String longName) {
    return occurrences.get(longName);
  }

  /**
   * {@return these arguments, for a verb that takes flags only}
   *
   * @throws CommandException (usage) naming the stray arguments, then the verb's usage line
   */
  ParsedArgs withoutPositionals(String verb, String usage) {
    if (!positionals.isEmpty()) {
      throw CommandException.usage("error: " + verb + " takes no arguments, got "
          + positionals + "\n" + usage);
    }
    return this;
  }

  /** {@return whether a boolean flag with this long name is on} */
  public boolean isSet(String longName) {
    return value(longName).filter("true"::equals).isPresent();
  }
}

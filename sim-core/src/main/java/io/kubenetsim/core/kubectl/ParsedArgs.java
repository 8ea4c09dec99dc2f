package io.kubenetsim.core.kubectl;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.Optional;

/**
 * What {@link FlagSet#parse} found: the positional arguments in order and the flags given,
 * keyed by long name (the last occurrence wins, as with pflag). Immutable.
 *
 * <pre>{@code
 * ParsedArgs args = flags.parse(List.of("pods", "-n", "shop"));
 * args.positionals();          // [pods]
 * args.value("namespace");     // Optional[shop]
 * }</pre>
 */
public record ParsedArgs(
    ImmutableList<String> positionals, ImmutableSortedMap<String, String> values) {

  public ParsedArgs {
    positionals = ImmutableList.copyOf(positionals);
    values = ImmutableSortedMap.copyOf(values);
  }

  /** {@return the value given for the flag with this long name, if it was given} */
  public Optional<String> value(String longName) {
    return Optional.ofNullable(values.get(longName));
  }

  /** {@return whether a boolean flag with this long name is on} */
  public boolean isSet(String longName) {
    return "true".equals(values.get(longName));
  }
}

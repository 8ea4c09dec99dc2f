package io.kubenetsim.core.kubectl;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ListMultimap;
import com.google.common.collect.MultimapBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The flags one verb accepts, parsed with the rules of spf13/pflag, which kubectl uses.
 *
 * <p>Long flags: {@code --namespace shop}, {@code --namespace=shop}; booleans {@code
 * --all-namespaces} or {@code --all-namespaces=false}. Shorthands: {@code -n shop}, {@code
 * -nshop}, {@code -n=shop}, booleans grouped ({@code -Aowide} is {@code -A -o wide}). {@code --}
 * ends flag parsing; a lone {@code -} is a positional argument. Errors use pflag's words and
 * are usage errors (exit code 2), pointing at {@code VERB --help} (which this tool answers, so
 * never at {@code kubectl VERB --help}). Immutable.
 *
 * <pre>{@code
 * FlagSet flags = FlagSet.of("get",
 *     FlagSet.Flag.value("namespace", 'n'), FlagSet.Flag.bool("all-namespaces", 'A'));
 * ParsedArgs args = flags.parse(List.of("pods", "-A"));
 * }</pre>
 */
public final class FlagSet {

  /**
   * One flag: its long name, an optional one-letter shorthand, and whether it takes a value.
   *
   * @param shorthand the letter after a single dash, or {@code 0} for none
   */
  public record Flag(String longName, char shorthand, boolean takesValue) {

    public Flag {
      checkArgument(longName != null && !longName.isEmpty(), "a flag needs a long name");
    }

    /** {@return a flag that takes a value, such as {@code --namespace NS}} */
    public static Flag value(String longName, char shorthand) {
      return new Flag(longName, shorthand, true);
    }

    /** {@return a boolean flag, such as {@code --all-namespaces}} */
    public static Flag bool(String longName, char shorthand) {
      return new Flag(longName, shorthand, false);
    }
  }

  private final String verb;
  private final ImmutableList<Flag> flags;

  private FlagSet(String verb, List<Flag> flags) {
    this.verb = verb;
    this.flags = ImmutableList.copyOf(flags);
  }

  /** {@return the flags of {@code verb} (the verb is named in error hints)} */
  public static FlagSet of(String verb, Flag... flags) {
    return new FlagSet(verb, List.of(flags));
  }

  /**
   * {@return the positional arguments and flag values in {@code args}}
   *
   * @throws CommandException (usage) for an unknown flag or a flag missing its value
   */
  public ParsedArgs parse(List<String> args) {
    List<String> positionals = new ArrayList<>();
    ListMultimap<String, String> values = MultimapBuilder.treeKeys().arrayListValues().build();
    int i = 0;
    while (i < args.size()) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        positionals.addAll(args.subList(i + 1, args.size()));
        break;
      } else if (arg.startsWith("--")) {
        i = parseLong(args, i, values);
      } else if (arg.startsWith("-") && arg.length() > 1) {
        i = parseShorthands(args, i, values);
      } else {
        positionals.add(arg);
        i++;
      }
    }
    return ParsedArgs.of(positionals, values);
  }

  /** Reads {@code --name}, {@code --name=value} or {@code --name value}; returns the next index. */
  private int parseLong(List<String> args, int i, ListMultimap<String, String> values) {
    String body = args.get(i).substring(2);
    int eq = body.indexOf('=');
    String name = eq < 0 ? body : body.substring(0, eq);
    Flag flag = byLongName(name).orElseThrow(() -> unknown("unknown flag: --" + name));
    if (eq >= 0) {
      values.put(name, body.substring(eq + 1));
      return i + 1;
    }
    if (!flag.takesValue()) {
      values.put(name, "true");
      return i + 1;
    }
    if (i + 1 >= args.size()) {
      throw unknown("flag needs an argument: --" + name);
    }
    values.put(name, args.get(i + 1));
    return i + 2;
  }

  /** Reads a group of shorthands such as {@code -A}, {@code -owide} or {@code -n shop}. */
  private int parseShorthands(List<String> args, int i,
      ListMultimap<String, String> values) {
    String group = args.get(i).substring(1);
    for (int k = 0; k < group.length(); k++) {
      char letter = group.charAt(k);
      Flag flag = byShorthand(letter).orElseThrow(() -> unknown(
          "unknown shorthand flag: '" + letter + "' in -" + group));
      if (!flag.takesValue()) {
        values.put(flag.longName(), "true");
        continue;
      }
      String rest = group.substring(k + 1);
      if (!rest.isEmpty()) {
        values.put(flag.longName(), rest.startsWith("=") ? rest.substring(1) : rest);
        return i + 1;
      }
      if (i + 1 >= args.size()) {
        throw unknown("flag needs an argument: '" + letter + "' in -" + group);
      }
      values.put(flag.longName(), args.get(i + 1));
      return i + 2;
    }
    return i + 1;
  }

  private Optional<Flag> byLongName(String name) {
    return flags.stream().filter(f -> f.longName().equals(name)).findFirst();
  }

  private Optional<Flag> byShorthand(char letter) {
    return flags.stream().filter(f -> f.shorthand() != 0 && f.shorthand() == letter).findFirst();
  }

  private CommandException unknown(String problem) {
    return CommandException.usage(
        "error: " + problem + "\nSee '" + verb + " --help' for usage.");
  }
}

package io.kubenetsim.core.dns;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code rewrite} lines as upstream's {@code rewriteParse} and {@code newRule} ({@code
 * plugin/rewrite/setup.go}, {@code rewrite.go}, {@code name.go}) do, for the name rules kube-netsim
 * simulates: {@code rewrite [continue|stop] name [exact|suffix] FROM TO [answer auto]}.
 */
final class RewriteSetup {
  private RewriteSetup() {}

  static final ImmutableList<String> MODELLED_OPTIONS = ImmutableList.of("name exact",
      "name suffix", "answer auto");

  static Directive.Rewrite parse(CorefileCursor c, int line, int occurrences) {
    List<RewriteRule> rules = new ArrayList<>();
    for (int i = 0; i < occurrences; i++) {
      c.next();
      int at = c.line();
      List<String> args = new ArrayList<>(c.remainingArgs());
      if (args.size() < 2) {
        while (c.nextBlock()) {
          args.add(c.val());
        }
      }
      rules.add(rule(c, at, args));
    }
    return new Directive.Rewrite(line, ImmutableList.copyOf(rules));
  }

  private static RewriteRule rule(CorefileCursor c, int line, List<String> args) {
    if (args.isEmpty()) {
      throw c.plain("no rule type specified for rewrite");
    }
    String first = args.get(0).toLowerCase(Locale.ROOT);
    boolean continueAfter = first.equals("continue");
    int start = 0;
    if (continueAfter || first.equals("stop")) {
      if (args.size() < 2) {
        throw c.plain(first + " rule must begin with a rule type");
      }
      start = 1;
    }
    String type = args.get(start).toLowerCase(Locale.ROOT);
    if (!type.equals("name")) {
      if (List.of("answer", "class", "type", "edns0", "ttl", "cname", "rcode").contains(type)) {
        throw unmodelled(line, type);
      }
      throw c.plain("invalid rule type \"" + args.get(0) + "\"");
    }
    List<String> rest = args.subList(start + 1, args.size());
    if (rest.size() < 2) {
      throw c.plain("too few arguments for a name rule");
    }
    String match = rest.size() == 2 ? "exact" : rest.get(0).toLowerCase(Locale.ROOT);
    if (!List.of("exact", "prefix", "suffix", "substring", "regex").contains(match)) {
      throw c.plain("name rule supports only exact, prefix, suffix, substring, and regex name "
          + "matching, received: " + match);
    }
    if (!match.equals("exact") && !match.equals("suffix")) {
      throw unmodelled(line, "name " + match);
    }
    String from = absolute(rest.size() == 2 ? rest.get(0) : rest.get(1));
    String to = absolute(rest.size() == 2 ? rest.get(1) : rest.get(2));
    boolean auto = false;
    if (rest.size() > 3) {
      List<String> answers = rest.subList(3, rest.size());
      if (answers.size() != 2 || !answers.get(0).equals("answer")) {
        if (answers.size() >= 2 && answers.get(0).equals("answer")) {
          throw unmodelled(line, "answer " + answers.get(1));
        }
        throw c.plain("invalid arguments for " + match + " rule");
      }
      if (!answers.get(1).equals("auto")) {
        throw unmodelled(line, "answer " + answers.get(1));
      }
      auto = true;
    }
    return new RewriteRule(continueAfter, match.equals("suffix"), from, to,
        match.equals("exact") || auto);
  }

  /** {@return the name lower-cased and made absolute, as upstream's {@code Normalize}} */
  private static String absolute(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower : lower + ".";
  }

  private static CorefileCursor.Failure unmodelled(int line, String what) {
    return new CorefileCursor.Failure(new CorefileError.Unmodelled(line, "rewrite", what,
        MODELLED_OPTIONS));
  }
}

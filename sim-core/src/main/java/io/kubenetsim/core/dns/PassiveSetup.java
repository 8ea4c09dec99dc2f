package io.kubenetsim.core.dns;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the directives that do not change answers ({@link Directive.Passive}), checking what
 * CoreDNS checks of the ones whose arguments could change answers: {@code cache}'s TTL
 * ({@code plugin/cache/setup.go}) and {@code loadbalance}'s policy ({@code
 * plugin/loadbalance/setup.go}; its {@code weighted} policy and {@code prefer} option are
 * unmodelled). Other arguments are kept as written and not checked.
 */
final class PassiveSetup {
  private PassiveSetup() {}

  static Directive.Passive parse(String name, CorefileCursor c) {
    c.next();
    int line = c.line();
    List<String> arguments = new ArrayList<>();
    while (c.next()) {
      arguments.add(c.val());
    }
    CorefileCursor check = c.restart();
    check.next();
    if (name.equals("cache")) {
      List<String> args = check.remainingArgs();
      if (!args.isEmpty()) {
        GoNumbers.atoi(args.get(0)).filter(ttl -> ttl <= 0).ifPresent(ttl -> {
          throw check.plain("cache TTL can not be zero or negative: " + ttl);
        });
      }
    } else if (name.equals("loadbalance")) {
      loadbalance(check);
    }
    return new Directive.Passive(name, line, ImmutableList.copyOf(arguments));
  }

  private static void loadbalance(CorefileCursor c) {
    List<String> args = c.remainingArgs();
    if (!args.isEmpty()) {
      switch (args.get(0)) {
        case "round_robin":
          if (args.size() > 1) {
            throw c.err("unknown property for round_robin");
          }
          break;
        case "weighted":
          throw unmodelled(c, "weighted");
        default:
          throw c.plain("unknown policy: " + args.get(0));
      }
    }
    if (c.nextBlock()) {
      throw unmodelled(c, c.val());
    }
  }

  private static CorefileCursor.Failure unmodelled(CorefileCursor c, String option) {
    return new CorefileCursor.Failure(new CorefileError.Unmodelled(c.line(), "loadbalance",
        option, ImmutableList.of("round_robin")));
  }
}

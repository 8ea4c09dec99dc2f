package io.kubenetsim.core.kubectl;

import io.kubenetsim.KubectlResult;
import io.kubenetsim.NotSettledException;
import io.kubenetsim.core.engine.GoDurations;
import io.kubenetsim.event.Events;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Verbs that drive the simulation rather than the API, for scripts and the shell: {@code
 * settle} (run until nothing is pending), {@code advance DURATION} (run a span of virtual time,
 * e.g. {@code 30s}, {@code 5m}, {@code 1h30m}) and {@code events [--since DURATION]} (print
 * the event log). They print the virtual time they reached, so a transcript reads as a story.
 */
final class SimulationVerbs {

  private SimulationVerbs() {}

  static List<Verb> all() {
    return List.of(new Settle(), new Advance(), new EventsVerb());
  }

  /** Reads Go-style durations ({@code 30s}, {@code 5m}, {@code 1h30m}). */
  static Duration parseDuration(String text) {
    return GoDurations.parse(text.toLowerCase(Locale.ROOT)).orElseThrow(() ->
        CommandException.usage("error: invalid duration \"" + text
            + "\": use a number with a unit, such as 30s, 5m or 1h30m"));
  }


  private static String at(KubectlContext context) {
    return "virtual time +" + HumanDuration.format(context.cluster().elapsed());
  }

  private static final class Settle implements Verb {
    @Override
    public String name() {
      return "settle";
    }

    @Override
    public KubectlResult run(List<String> args, KubectlContext context) {
      if (!args.isEmpty()) {
        throw CommandException.usage("error: settle takes no arguments");
      }
      try {
        context.cluster().settle();
      } catch (NotSettledException e) {
        throw CommandException.failed("error: " + e.getMessage());
      }
      return KubectlResult.ok("settled at " + at(context) + "\n");
    }
  }

  private static final class Advance implements Verb {
    @Override
    public String name() {
      return "advance";
    }

    @Override
    public KubectlResult run(List<String> args, KubectlContext context) {
      if (args.size() != 1) {
        throw CommandException.usage("error: usage: advance DURATION (e.g. advance 30s)");
      }
      context.cluster().runFor(parseDuration(args.get(0)));
      return KubectlResult.ok("advanced to " + at(context) + "\n");
    }
  }

  private static final class EventsVerb implements Verb {
    @Override
    public String name() {
      return "events";
    }

    @Override
    public KubectlResult run(List<String> args, KubectlContext context) {
      Events events = context.cluster().events();
      if (args.size() == 2 && args.get(0).equals("--since")) {
        Duration since = context.cluster().elapsed().minus(parseDuration(args.get(1)));
        events = events.since(since.isNegative() ? Duration.ZERO : since);
      } else if (!args.isEmpty()) {
        throw CommandException.usage("error: usage: events [--since DURATION]");
      }
      return KubectlResult.ok(events.toString());
    }
  }
}

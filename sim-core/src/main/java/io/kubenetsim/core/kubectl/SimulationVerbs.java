package io.kubenetsim.core.kubectl;

import io.kubenetsim.KubectlResult;
import io.kubenetsim.NotSettledException;
import io.kubenetsim.core.engine.GoDurations;
import io.kubenetsim.event.Events;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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


  private static final VerbHelp SETTLE = VerbHelp.of("settle",
      "Run the simulation until nothing is pending, then print the virtual time reached.",
      "Exit 1 when the cluster never settles (a crash-looping pod, say).");
  private static final VerbHelp ADVANCE = VerbHelp.of("advance DURATION",
      "Run the simulation for a span of virtual time, then print the time reached.",
      "DURATION: a number with a unit, as Go writes durations: 500ms, 30s, 5m, 1h30m.",
      "examples:",
      "  advance 30s");
  private static final FlagSet EVENTS_FLAGS =
      FlagSet.of("events", FlagSet.Flag.value("since", (char) 0));
  private static final VerbHelp EVENTS = VerbHelp.of("events [--since DURATION]",
      "Print the event log: every state change, with its virtual time.",
      "flags:",
      "  --since DURATION    only the events of the last DURATION (30s, 5m), as kubectl events",
      "examples:",
      "  events --since 1m");

  private static String at(KubectlContext context) {
    return "virtual time +" + HumanDuration.format(context.cluster().elapsed());
  }

  private static final class Settle implements Verb {
    @Override
    public String name() {
      return "settle";
    }

    @Override
    public VerbHelp help() {
      return SETTLE;
    }

    @Override
    public KubectlResult run(List<String> args, KubectlContext context) {
      if (!args.isEmpty()) {
        throw CommandException.usage("error: settle takes no arguments\n" + SETTLE.usage());
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
    public VerbHelp help() {
      return ADVANCE;
    }

    @Override
    public KubectlResult run(List<String> args, KubectlContext context) {
      if (args.size() != 1) {
        throw CommandException.usage("error: advance takes one duration, such as 30s\n"
            + ADVANCE.usage());
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
    public VerbHelp help() {
      return EVENTS;
    }

    @Override
    public KubectlResult run(List<String> args, KubectlContext context) {
      ParsedArgs parsed = EVENTS_FLAGS.parse(args).withoutPositionals("events", EVENTS.usage());
      Optional<Duration> window = parsed.value("since").map(SimulationVerbs::parseDuration);
      Events events = context.cluster().events();
      return KubectlResult.ok(window.map(events::since).orElse(events).toString());
    }
  }
}

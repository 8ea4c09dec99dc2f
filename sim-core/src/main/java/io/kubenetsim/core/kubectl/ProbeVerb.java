package io.kubenetsim.core.kubectl;

import io.kubenetsim.KubectlResult;
import java.util.List;

/**
 * {@code probe --from SRC --to DST --port P [--protocol TCP|UDP|SCTP] [--node NAME] [-o json]}:
 * opens one connection (or, for {@code --from ip:IP}, traces one packet through {@code --node}'s
 * rules) and reports how it ended. SRC and DST forms are described in {@link Probe}.
 *
 * <p>Output: by default one line, {@code ESTABLISHED 10.244.1.5:8080 (shop/web-…) source
 * 10.244.0.3} (a failed attempt adds {@code : reason}); with {@code -o json} the contract
 * object {@code {"from", "to", "port", "protocol", "allowed", "verdict", "backend",
 * "backendPod", "candidates", "masquerade", "sourceSeenByBackend", "reason", "hops"}} in that
 * order ({@code backend} and {@code backendPod} {@code null} when none), then extra fields
 * ({@code destination}, {@code node}, and for traced packets {@code outcome}, {@code
 * matchedRules}, {@code rulesEvaluated}).
 *
 * <p>Exit codes: 0 when the connection is established; 1 when it is not — the result is still
 * printed on stdout, and the reason on stderr — or when a pod or Service does not exist; 2 on
 * bad input (unknown SRC/DST form, missing {@code --port}, unknown node or protocol).
 *
 * <pre>{@code
 * kubectl.run("probe --from shop/debug --to svc/shop/web --port 80 -o json");
 * }</pre>
 */
final class ProbeVerb implements Verb {
  private static final FlagSet FLAGS = FlagSet.of("probe", Probe.FLAGS);

  @Override
  public String name() {
    return "probe";
  }

  @Override
  public KubectlResult run(List<String> args, KubectlContext context) {
    ParsedArgs parsed = FLAGS.parse(args);
    String output = parsed.value("output").orElse("");
    if (!output.isEmpty() && !output.equals("json")) {
      throw CommandException.usage("error: unable to match a printer suitable for the output "
          + "format \"" + output + "\", allowed formats are: json");
    }
    Probe.Request request = Probe.request(name(), parsed);
    Probe.Outcome outcome = Probe.run(request, context.cluster());
    String stdout = output.equals("json") ? JsonOutput.write(outcome.toJson()) : outcome.line();
    if (outcome.allowed()) {
      return KubectlResult.ok(stdout);
    }
    return new KubectlResult(CommandException.FAILED, stdout, "error: connection "
        + outcome.verdict().name().toLowerCase(java.util.Locale.ROOT) + ": "
        + outcome.reason() + "\n");
  }
}

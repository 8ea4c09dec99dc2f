package io.kubenetsim.core.kubectl;

import io.kubenetsim.KubectlResult;
import java.util.List;

/**
 * {@code trace --from SRC --to DST --port P [--protocol TCP|UDP|SCTP] [--node NAME]}: the same
 * packet as {@link ProbeVerb}, explained for people — the packet, each hop with the rule,
 * table or device that rewrote it, the verdict, the backend and the source it sees, the
 * candidate backends and why it ended as it did. For {@code --from ip:IP} it prints the
 * node's trace: every rule that matched and how many were evaluated.
 *
 * <p>Exit codes: 0 whenever the packet could be traced, whatever its verdict (explaining a
 * refused connection is a successful trace; use {@code probe} to check reachability); 1 when
 * a pod or Service does not exist; 2 on bad input, as {@code probe}.
 *
 * <pre>{@code
 * kubectl.run("trace --from external:203.0.113.9 --to lb/shop/front --port 80");
 * }</pre>
 */
final class TraceVerb implements Verb {
  private static final FlagSet FLAGS = FlagSet.of("trace", Probe.FLAGS);

  @Override
  public String name() {
    return "trace";
  }

  @Override
  public KubectlResult run(List<String> args, KubectlContext context) {
    ParsedArgs parsed = FLAGS.parse(args);
    if (parsed.value("output").isPresent()) {
      throw CommandException.usage("error: trace prints text for people; use probe -o json "
          + "for the same result as JSON");
    }
    Probe.Request request = Probe.request(name(), parsed);
    Probe.Outcome outcome = Probe.run(request, context.cluster());
    StringBuilder out = new StringBuilder();
    out.append("probe ").append(request.from()).append(" -> ").append(request.to())
        .append(" (").append(outcome.destination()).append('/')
        .append(request.protocol()).append(")\n");
    out.append(outcome.explanation());
    if (!outcome.explanation().endsWith("\n")) {
      out.append('\n');
    }
    if (outcome.hops().isEmpty()) {
      out.append("  (no hops: the packet never left the sender)\n");
    }
    out.append("verdict: ").append(outcome.verdict()).append(outcome.allowed()
        ? " (allowed)" : " (not allowed)").append('\n');
    out.append("backend: ").append(outcome.backend().orElse("none"))
        .append(outcome.backendPod().map(p -> " (pod " + p + ")").orElse("")).append('\n');
    out.append("source seen by backend: ").append(outcome.sourceSeenByBackend())
        .append(outcome.masquerade() ? " (masqueraded)" : " (preserved)").append('\n');
    out.append("candidates: ").append(outcome.candidates().isEmpty() ? "none"
        : String.join(", ", outcome.candidates())).append('\n');
    out.append("reason: ").append(outcome.reason()).append('\n');
    return KubectlResult.ok(out.toString());
  }
}

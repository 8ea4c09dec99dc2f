package io.kubenetsim.core.kubectl;

import io.kubenetsim.KubectlResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code probe} and {@code trace}: one body — the same flags, the same parsing ({@link
 * Probe#request}), the same packet ({@link Probe#run}) — and two renderings.
 *
 * <p>{@code probe --from SRC --to DST --port P [--protocol TCP|UDP|SCTP] [--node NAME] [-o
 * json]} reports how the attempt ended: by default one line, {@code ESTABLISHED
 * 10.244.1.5:8080 (shop/web-…) source 10.244.0.3} (a failed attempt adds {@code : reason});
 * with {@code -o json} the contract object {@code {"from", "to", "port", "protocol",
 * "allowed", "verdict", "backend", "backendPod", "candidates", "masquerade",
 * "sourceSeenByBackend", "reason", "hops", "policy"}} in that order ({@code backend} and
 * {@code backendPod} {@code null} when none; {@code policy} the NetworkPolicy check that
 * decided — {@code {"direction", "pod", "policies", "allowedBy", "allowed", "reason"}} — or
 * {@code null} when no policy selects either pod), then extra fields ({@code destination},
 * {@code node}, and for traced packets {@code outcome}, {@code matchedRules}, {@code
 * rulesEvaluated}). A connection a policy drops is {@code timed_out}, as the client sees it. Exit
 * codes: 0 when the connection is established; 1 when it is not (the result is still printed
 * on stdout, the reason on stderr) or the destination has no address yet; 2 on bad input,
 * unknown names included (see {@link Probe}).
 *
 * <p>{@code trace} takes the same arguments and explains the packet for people: each hop with
 * the rule, table or device that rewrote it, the verdict, the backend and the source it sees,
 * the candidates and the reason. It exits 0 whenever the packet could be traced, whatever its
 * verdict (explaining a refused connection is a successful trace; use {@code probe} to check
 * reachability), and like {@code probe} on bad input.
 *
 * <pre>{@code
 * kubectl.run("probe --from shop/debug --to svc/shop/web --port 80 -o json");
 * kubectl.run("trace --from external:203.0.113.9 --to lb/shop/front --port 80");
 * }</pre>
 */
final class ProbeVerb implements Verb {
  private static final List<String> FORMS = List.of(
      "SRC (--from): ns/pod (a pod connects), node/NAME (the node itself), external:IP (a",
      "  client outside the cluster; with --node it enters at that node), ip:IP (one packet",
      "  traced through the rules of the node named by --node; nothing is delivered)",
      "DST (--to): ns/pod, svc/ns/name (its ClusterIP), node/NAME (its InternalIP),",
      "  lb/ns/name (its LoadBalancer IP), dns:NAME (looked up with the SRC pod's resolver",
      "  first; the DNS queries are the first hops), or an IP address; a pod or Service",
      "  written without its namespace is read in -n NS",
      "flags:",
      "  --port P             the destination port (required)",
      "  --protocol P         TCP (default), UDP or SCTP",
      "  --node NAME          the node an external: or ip: source enters at",
      "  -n, --namespace NS   the namespace of pods and Services written without one");

  private final String name;
  private final boolean explain;
  private final FlagSet flags;
  private final VerbHelp help;

  private ProbeVerb(String name, boolean explain, String summary, String... more) {
    this.name = name;
    this.explain = explain;
    this.flags = FlagSet.of(name, Probe.FLAGS);
    List<String> details = new ArrayList<>(FORMS);
    details.addAll(List.of(more));
    // The synopsis is the usage line every usage error prints: one text, not a copy.
    this.help = VerbHelp.of(Probe.synopsis(name), summary, details.toArray(String[]::new));
  }

  /** {@return the {@code probe} verb: a verdict for scripts} */
  static ProbeVerb probe() {
    return new ProbeVerb("probe",
        false, "Open one connection and report its verdict, backend and the source the "
            + "backend sees.",
        "  -o json              the result as one JSON object",
        "Exit 1 when the connection is not established (the result is still printed).",
        "examples:",
        "  probe --from shop/debug --to svc/shop/web --port 80 -o json",
        "  probe --from external:203.0.113.9 --to lb/shop/front --port 80");
  }

  /** {@return the {@code trace} verb: the same packet, explained for people} */
  static ProbeVerb trace() {
    return new ProbeVerb("trace", true,
        "Send the same packet as probe and explain it hop by hop: every rule that rewrote it.",
        "Exit 0 whenever the packet could be traced, whatever its verdict; use probe to check.",
        "examples:",
        "  trace --from external:203.0.113.9 --to lb/shop/front --port 80",
        "  trace --from ip:10.244.1.77 --to svc/shop/web --port 80 --node node-1");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public VerbHelp help() {
    return help;
  }

  @Override
  public KubectlResult run(List<String> args, KubectlContext context) {
    ParsedArgs parsed = flags.parse(args);
    String output = parsed.value("output").orElse("");
    if (explain && !output.isEmpty()) {
      throw CommandException.usage("error: trace prints text for people; use probe -o json "
          + "for the same result as JSON");
    }
    OutputFormats.check(output, List.of("json"));
    Probe.Outcome outcome = Probe.run(Probe.request(name, parsed), context.cluster());
    if (explain) {
      return KubectlResult.ok(explanation(outcome));
    }
    String stdout = output.equals("json") ? JsonOutput.write(outcome.toJson()) : outcome.line();
    if (outcome.allowed()) {
      return KubectlResult.ok(stdout);
    }
    return new KubectlResult(CommandException.FAILED, stdout, "error: connection "
        + outcome.verdict().name().toLowerCase(Locale.ROOT) + ": " + outcome.reason() + "\n");
  }

  private static String explanation(Probe.Outcome outcome) {
    Probe.Request request = outcome.request();
    StringBuilder out = new StringBuilder();
    out.append("probe ").append(request.fromText()).append(" -> ").append(request.toText())
        .append(" (").append(outcome.destination().map(Object::toString)
            .orElse("unresolved")).append('/').append(request.protocol())
        .append(")\n");
    out.append(outcome.explanation());
    if (!outcome.explanation().endsWith("\n")) {
      out.append('\n');
    }
    if (outcome.hops().isEmpty()) {
      out.append("  (no hops: the packet never left the sender)\n");
    }
    out.append("verdict: ").append(outcome.verdict()).append(outcome.allowed()
        ? " (allowed)" : " (not allowed)").append('\n');
    out.append("backend: ").append(outcome.backend().map(Object::toString).orElse("none"))
        .append(outcome.backendPod().map(p -> " (pod " + p + ")").orElse("")).append('\n');
    out.append("source seen by backend: ").append(outcome.sourceSeenByBackend())
        .append(outcome.masquerade() ? " (masqueraded)" : " (preserved)").append('\n');
    out.append("candidates: ").append(outcome.candidates().isEmpty() ? "none"
        : String.join(", ", outcome.candidates().stream().map(Object::toString).toList()))
        .append('\n');
    out.append("policy: ").append(outcome.policyChecks().isEmpty() ? "not checked"
        : String.join("; ", outcome.policyChecks().stream().map(Object::toString).toList()))
        .append('\n');
    out.append("reason: ").append(outcome.reason()).append('\n');
    return out.toString();
  }
}

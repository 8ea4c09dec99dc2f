package io.kubenetsim.core.kubectl;

import io.kubenetsim.KubectlResult;
import java.util.List;

/**
 * {@code rules --node NAME}: prints the rules that node's kube-proxy last synced, as the real
 * tool prints them ({@code ipvsadm -Ln} plus the iptables/ipset helpers in IPVS mode, the
 * default; {@code iptables-save} in iptables mode; {@code nft list ruleset} in nftables mode).
 * The rules may trail the API while the proxy lags or the node is down.
 *
 * <p>Exit codes: 0; 2 when {@code --node} is missing, on an extra argument, or when it names no
 * node ({@code Error from server (NotFound): nodes "node-9" not found}, as kubectl says).
 *
 * <pre>{@code
 * kubectl.run("rules --node node-1");
 * }</pre>
 */
final class RulesVerb implements Verb {
  private static final FlagSet FLAGS = FlagSet.of("rules", FlagSet.Flag.value("node", (char) 0));
  private static final VerbHelp HELP = VerbHelp.of("rules --node NAME",
      "Print the rules the node's kube-proxy last synced, as the real tool prints them.",
      "The dump follows --proxy-mode: ipvsadm -Ln (ipvs, the default), iptables-save",
      "(iptables) or nft list ruleset (nftables). The rules may trail the API while",
      "kube-proxy lags or the node is down.",
      "flags:",
      "  --node NAME    the node whose rules to print (required)",
      "examples:",
      "  rules --node node-1");

  @Override
  public String name() {
    return "rules";
  }

  @Override
  public VerbHelp help() {
    return HELP;
  }

  @Override
  public KubectlResult run(List<String> args, KubectlContext context) {
    ParsedArgs parsed = FLAGS.parse(args).withoutPositionals("rules", HELP.usage());
    String node = parsed.value("node").orElseThrow(() -> CommandException.usage(
        "error: --node is required\n" + HELP.usage()));
    String dump = Probe.node(context.cluster(), node).proxy().dump();
    return KubectlResult.ok(KubectlResults.withNewline(dump));
  }
}

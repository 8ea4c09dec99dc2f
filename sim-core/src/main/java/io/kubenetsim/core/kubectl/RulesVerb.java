package io.kubenetsim.core.kubectl;

import io.kubenetsim.KubectlResult;
import io.kubenetsim.NodeHandle;
import java.util.List;

/**
 * {@code rules --node NAME}: prints the rules that node's kube-proxy last synced, as the real
 * tool prints them ({@code ipvsadm -Ln} plus the iptables/ipset helpers in IPVS mode, the
 * default; {@code iptables-save} in iptables mode; {@code nft list ruleset} in nftables mode).
 * The rules may trail the API while the proxy lags or the node is down.
 *
 * <p>Exit codes: 0; 2 when {@code --node} is missing or names no node, or on an extra argument.
 *
 * <pre>{@code
 * kubectl.run("rules --node node-1");
 * }</pre>
 */
final class RulesVerb implements Verb {
  private static final FlagSet FLAGS = FlagSet.of("rules", FlagSet.Flag.value("node", (char) 0));

  @Override
  public String name() {
    return "rules";
  }

  @Override
  public KubectlResult run(List<String> args, KubectlContext context) {
    ParsedArgs parsed = FLAGS.parse(args);
    if (!parsed.positionals().isEmpty()) {
      throw CommandException.usage("error: rules takes no arguments, got "
          + parsed.positionals() + "\nusage: rules --node NAME");
    }
    String node = parsed.value("node").orElseThrow(() -> CommandException.usage(
        "error: --node is required\nusage: rules --node NAME"));
    List<String> names = context.cluster().nodes().stream().map(NodeHandle::name).toList();
    if (!names.contains(node)) {
      throw CommandException.usage("error: --node: unknown node \"" + node + "\"; nodes: "
          + String.join(", ", names));
    }
    String dump = context.cluster().node(node).proxy().dump();
    return KubectlResult.ok(KubectlResults.withNewline(dump));
  }
}

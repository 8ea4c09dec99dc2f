package io.kubenetsim.core.kubectl;

import io.kubenetsim.net.IpAddress;

/**
 * Where a {@code probe} or {@code trace} packet comes from, parsed once from {@code --from}:
 * {@code ns/pod} (a pod's connection), {@code node/NAME} (a process on the node), {@code
 * external:IP} (a client outside the cluster) or {@code ip:IP} (one packet with that source,
 * traced through the rules of {@code --node} and never delivered).
 */
sealed interface ProbeSource {

  /** A pod, as {@code namespace/name}. */
  record FromPod(String name) implements ProbeSource {}

  /** A process in a node's own network namespace. */
  record FromNode(String name) implements ProbeSource {}

  /** A client outside the cluster. */
  record FromOutside(IpAddress ip) implements ProbeSource {}

  /** A bare packet with this source, traced through one node's rules only. */
  record TracedPacket(IpAddress ip) implements ProbeSource {}

  /**
   * Parses {@code --from}; a pod without a namespace is read in {@code namespace}.
   *
   * @throws CommandException (usage) naming the accepted forms
   */
  static ProbeSource parse(String text, String namespace) {
    if (text.startsWith("ip:")) {
      return new TracedPacket(ProbeTarget.ipLiteral(text.substring(3), "--from ip:"));
    } else if (text.startsWith("external:")) {
      return new FromOutside(ProbeTarget.ipLiteral(text.substring("external:".length()),
          "--from external:"));
    } else if (text.startsWith("node/") && text.length() > "node/".length()) {
      return new FromNode(text.substring("node/".length()));
    } else if (ProbeTarget.isObjectName(text)) {
      return new FromPod(ProbeTarget.namespaced(text, namespace));
    }
    throw CommandException.usage("error: unknown source \"" + text + "\": use ns/pod, "
        + "node/NAME, external:IP or ip:IP");
  }
}

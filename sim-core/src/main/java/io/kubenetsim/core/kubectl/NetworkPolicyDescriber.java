package io.kubenetsim.core.kubectl;

import io.kubenetsim.model.IPBlock;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPeer;
import io.kubenetsim.model.NetworkPolicyPort;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.model.NetworkPolicySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Renders {@code kubectl describe networkpolicy} text, line for line as kubectl's {@code
 * describeNetworkPolicy}, {@code describeNetworkPolicySpec}, {@code
 * printNetworkPolicySpecIngressFrom} and {@code printNetworkPolicySpecEgressTo} (kubectl {@code
 * pkg/describe/describe.go}) write it.
 *
 * <p>The header ({@code Name}, {@code Namespace}, {@code Created on}, {@code Labels}, {@code
 * Annotations}) is tab-aligned by {@link DescribeWriter}; the {@code Spec:} part has no tabs and
 * is indented by kubectl's prefix writer (two spaces per level) plus a four-space initial indent
 * for rules — which is why {@code PodSelector:} is followed by five spaces. Per rule: one {@code
 * To Port: 80/TCP} (or {@code To Port Range: 32000-32768/TCP}) line per port, or {@code To
 * Port: <any> (traffic allowed to all ports)}; then one {@code From:} (egress: {@code To:})
 * block per peer, naming its {@code NamespaceSelector} and {@code PodSelector} (both for an AND
 * peer, namespace first) or its {@code IPBlock} with {@code CIDR} and {@code Except}; or {@code
 * From: <any> (traffic not restricted by source)}. Rules are separated by {@code ----------}. A
 * direction the policy isolates with no rules prints {@code <none> (Selected pods are isolated
 * for ingress connectivity)}; a direction not in {@code policyTypes} prints {@code Not affecting
 * ingress traffic}. Selectors print as {@code metav1.FormatLabelSelector} does.
 *
 * <p>Simplification: {@code Created on} is Go's {@code time.Time} text in UTC ({@code
 * 2026-01-01 00:00:05 +0000 UTC}), as kubectl prints it on a machine whose local zone is UTC.
 *
 * <pre>{@code
 * String text = NetworkPolicyDescriber.describe(policy);
 * }</pre>
 */
final class NetworkPolicyDescriber {

  /** Go's {@code time.Time.String()} layout for a UTC time with whole seconds. */
  private static final DateTimeFormatter GO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '+0000 UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** The {@code initialIndent} kubectl passes for rules. */
  private static final String RULE_INDENT = "    ";

  private NetworkPolicyDescriber() {}

  /** {@return the description of {@code policy}, ending in a newline} */
  static String describe(NetworkPolicy policy) {
    DescribeWriter w = new DescribeWriter();
    w.line("Name:\t" + policy.metadata().name());
    w.line("Namespace:\t" + policy.metadata().namespace());
    w.line("Created on:\t" + policy.metadata().creationTimestamp()
        .map(NetworkPolicyDescriber::goTime).orElse("0001-01-01 00:00:00 +0000 UTC"));
    w.labels("Labels", policy.metadata().labels().asMap());
    w.annotations("Annotations", policy.metadata().annotations());
    StringBuilder spec = new StringBuilder();
    spec(policy.spec(), spec);
    return w.render() + spec;
  }

  /** {@return Go's {@code time.Time.String()} of a server timestamp (whole seconds), in UTC} */
  static String goTime(Instant instant) {
    return GO_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  private static void spec(NetworkPolicySpec spec, StringBuilder out) {
    out.append("Spec:\n");
    out.append("  PodSelector: ").append("    ").append(spec.podSelector().isEmpty()
        ? "<none> (Allowing the specific traffic to all pods in this namespace)"
        : ContainerCells.selectorOrNone(spec.podSelector())).append('\n');
    direction(spec.ingress(), spec.policyTypes().contains(NetworkPolicySpec.INGRESS), "ingress",
        "From", "source", out);
    direction(spec.egress(), spec.policyTypes().contains(NetworkPolicySpec.EGRESS), "egress",
        "To", "destination", out);
    out.append("  Policy Types: ").append(spec.policyTypes().isEmpty() ? "<none>"
        : String.join(", ", spec.policyTypes())).append('\n');
  }

  /**
   * One direction: {@code Allowing <direction> traffic:} and its rules, or {@code Not affecting
   * <direction> traffic} when {@code policyTypes} lacks it ({@code getPolicyType}).
   */
  private static void direction(List<NetworkPolicyRule> rules, boolean enabled, String direction,
      String peerTitle, String peerNoun, StringBuilder out) {
    if (!enabled) {
      out.append("  Not affecting ").append(direction).append(" traffic\n");
      return;
    }
    out.append("  Allowing ").append(direction).append(" traffic:\n");
    if (rules.isEmpty()) {
      out.append(RULE_INDENT).append("<none> (Selected pods are isolated for ").append(direction)
          .append(" connectivity)\n");
      return;
    }
    for (int i = 0; i < rules.size(); i++) {
      rule(rules.get(i), peerTitle, peerNoun, out);
      if (i != rules.size() - 1) {
        out.append(RULE_INDENT).append("----------\n");
      }
    }
  }

  private static void rule(NetworkPolicyRule rule, String peerTitle, String peerNoun,
      StringBuilder out) {
    if (rule.ports().isEmpty()) {
      out.append(RULE_INDENT).append("To Port: <any> (traffic allowed to all ports)\n");
    }
    for (NetworkPolicyPort port : rule.ports()) {
      out.append(RULE_INDENT).append(portText(port)).append('\n');
    }
    if (rule.peers().isEmpty()) {
      out.append(RULE_INDENT).append(peerTitle).append(": <any> (traffic not restricted by ")
          .append(peerNoun).append(")\n");
    }
    for (NetworkPolicyPeer peer : rule.peers()) {
      out.append(RULE_INDENT).append(peerTitle).append(":\n");
      peer(peer, out);
    }
  }

  /** {@code To Port: 80/TCP}, {@code To Port: <nil>/UDP} (no port), or a range. */
  private static String portText(NetworkPolicyPort port) {
    // Go prints a nil *IntOrString as <nil> (its String method checks for nil).
    String number = port.port().map(Object::toString).orElse("<nil>");
    return port.endPort().isEmpty()
        ? "To Port: " + number + "/" + port.protocol()
        : "To Port Range: " + number + "-" + port.endPort().get() + "/" + port.protocol();
  }

  private static void peer(NetworkPolicyPeer peer, StringBuilder out) {
    String indent = "  " + RULE_INDENT;
    if (peer.podSelector().isPresent() && peer.namespaceSelector().isPresent()) {
      out.append(indent).append("NamespaceSelector: ")
          .append(ContainerCells.selectorOrNone(peer.namespaceSelector().get())).append('\n');
      out.append(indent).append("PodSelector: ")
          .append(ContainerCells.selectorOrNone(peer.podSelector().get())).append('\n');
    } else if (peer.podSelector().isPresent()) {
      out.append(indent).append("PodSelector: ")
          .append(ContainerCells.selectorOrNone(peer.podSelector().get())).append('\n');
    } else if (peer.namespaceSelector().isPresent()) {
      out.append(indent).append("NamespaceSelector: ")
          .append(ContainerCells.selectorOrNone(peer.namespaceSelector().get())).append('\n');
    } else if (peer.ipBlock().isPresent()) {
      IPBlock block = peer.ipBlock().get();
      out.append(indent).append("IPBlock:\n");
      out.append("  ").append(indent).append("CIDR: ").append(block.cidr()).append('\n');
      out.append("  ").append(indent).append("Except: ")
          .append(String.join(", ", block.except())).append('\n');
    }
  }
}

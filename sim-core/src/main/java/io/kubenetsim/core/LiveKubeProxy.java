package io.kubenetsim.core;

import static com.google.common.collect.ImmutableList.toImmutableList;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.KubeProxyView;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.NodeProxy;
import io.kubenetsim.core.proxy.ProxyDecision;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ServicePortName;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import io.kubenetsim.net.PacketTrace;
import io.kubenetsim.net.PolicyCheck;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.RuleOutcome;
import java.util.Optional;

/** A {@link KubeProxyView} of one node, reading its kube-proxy's current state on each call. */
final class LiveKubeProxy implements KubeProxyView {
  private final ControlPlane plane;
  private final String node;

  LiveKubeProxy(ControlPlane plane, String node) {
    this.plane = plane;
    this.node = node;
  }

  private NodeProxy proxy() {
    return plane.proxies.proxy(node).orElseThrow(() -> new IllegalStateException(
        "node " + node + " has no kube-proxy (is the Node deleted?)"));
  }

  private NodeContext context() {
    return plane.proxies.context(node).orElseThrow();
  }

  @Override
  public ProxyMode mode() {
    return plane.proxies.backend().mode();
  }

  @Override
  public long syncedVersion() {
    return proxy().synced().version();
  }

  @Override
  public String dump() {
    String rules = plane.proxies.backend().dump(proxy().synced(), context());
    return plane.proxies.familyNote().map(note -> rules + (rules.endsWith("\n") ? "" : "\n")
        + "# " + note + "\n").orElse(rules);
  }

  /**
   * {@inheritDoc}
   *
   * <p>An IPv6 packet never meets these rules: they are the IPv4 proxier's, the only one an
   * IPv4-only node runs. It comes back {@code UNTOUCHED} with no rule evaluated.
   */
  @Override
  public PacketTrace trace(String sourceIp, String destinationIp, int port, Protocol protocol) {
    IpAddress source = IpAddress.parse(sourceIp);
    IpAddress destination = IpAddress.parse(destinationIp);
    NodeContext context = context();
    ProxyPacket packet = new ProxyPacket(source, destination, port, protocol,
        context.nodeIPs().contains(source) ? ProxyPacket.Hook.OUTPUT
            : ProxyPacket.Hook.PREROUTING);
    if (source.family() != IpFamily.IPV4 || destination.family() != IpFamily.IPV4) {
      return new PacketTrace(node, packet.toString(), RuleOutcome.UNTOUCHED, Optional.empty(),
          ImmutableList.of(), Optional.empty(), Optional.empty(), Optional.empty(),
          ImmutableList.of(), 0, ImmutableList.of());
    }
    NodeProxy proxy = proxy();
    ProxyDecision d = plane.proxies.backend().evaluate(proxy.synced(), context, packet,
        proxy.state(), plane.sim.clock().now(), proxy.random());
    return new PacketTrace(node, packet.toString(), d.outcome(),
        d.backend().map(ProxyEndpoint::address),
        d.candidates().stream().map(ProxyEndpoint::address).collect(toImmutableList()),
        d.dnat().map(ProxyDecision.Dnat::rule), d.masqueradeRule(),
        d.servicePort().map(ServicePortName::name), d.matchedRules(), d.rulesEvaluated(),
        policyChecks(d, packet, context));
  }

  /**
   * NetworkPolicy on the traced packet as the plugin would check it after these rules: against
   * the DNATed endpoint (or the address itself when no rule touched it), with the source the
   * endpoint would see; none when the rules rejected or dropped the packet.
   */
  private ImmutableList<PolicyCheck> policyChecks(ProxyDecision d, ProxyPacket packet,
      NodeContext context) {
    if (d.outcome().endsAttempt() || plane.policies.isEmpty()) {
      return ImmutableList.of();
    }
    HostPort destination = d.backend().map(ProxyEndpoint::address)
        .orElse(HostPort.of(packet.destination(), packet.destinationPort()));
    IpAddress seen = d.sourceSeen(packet.source(), context);
    return plane.policies.get().check(packet.source(), seen, destination.ip(),
        destination.port(), packet.protocol());
  }

  @Override
  public String toString() {
    return "kube-proxy on " + node + " (" + mode() + ", rules v" + syncedVersion() + ")";
  }
}

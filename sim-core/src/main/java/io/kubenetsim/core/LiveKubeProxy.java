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
import io.kubenetsim.net.PacketTrace;
import io.kubenetsim.net.PolicyCheck;
import io.kubenetsim.net.Protocol;

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
    return plane.proxies.backend().dump(proxy().synced(), context());
  }

  @Override
  public PacketTrace trace(String sourceIp, String destinationIp, int port, Protocol protocol) {
    IpAddress source = IpAddress.parse(sourceIp);
    NodeContext context = context();
    ProxyPacket packet = new ProxyPacket(source, IpAddress.parse(destinationIp), port, protocol,
        context.nodeIPs().contains(source) ? ProxyPacket.Hook.OUTPUT
            : ProxyPacket.Hook.PREROUTING);
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

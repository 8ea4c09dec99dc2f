package io.kubenetsim.core.proxy.ipvs;

import io.kubenetsim.ProxyMode;
import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyBackend;
import io.kubenetsim.core.proxy.ProxyDecision;
import io.kubenetsim.core.proxy.ProxyNodeState;
import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ProxySnapshot;
import java.time.Instant;

/**
 * kube-proxy's {@code mode: ipvs} (upstream {@code pkg/proxy/ipvs}): virtual servers per
 * service address with the {@code rr} scheduler, plus the iptables/ipset rules for
 * masquerading and filtering. Scheduling is deterministic round robin kept in the node's
 * {@link ProxyNodeState}, so the random stream is not drawn from. Confined to the simulation
 * thread.
 *
 * <pre>{@code
 * ProxyBackend ipvs = new IpvsBackend();
 * ProxyDecision d = ipvs.evaluate(snapshot, node, packet, state, now, random);
 * String text = ipvs.dump(snapshot, node); // ipvsadm -Ln, iptables-save, ipset list
 * }</pre>
 */
public final class IpvsBackend implements ProxyBackend {
  private final IpvsEvaluator evaluator = new IpvsEvaluator();

  @Override
  public ProxyMode mode() {
    return ProxyMode.IPVS;
  }

  @Override
  public ProxyDecision evaluate(ProxySnapshot snapshot, NodeContext node, ProxyPacket packet,
      ProxyNodeState state, Instant now, SeededRandom random) {
    return evaluator.evaluate(snapshot, node, packet, state, now);
  }

  @Override
  public String dump(ProxySnapshot snapshot, NodeContext node) {
    return IpvsTable.build(snapshot, node).dump();
  }
}

package io.kubenetsim.model;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * One ingress or egress rule of a NetworkPolicy: traffic matches when it comes from (ingress,
 * {@code from}) or goes to (egress, {@code to}) any of the peers AND uses any of the ports. An
 * empty peer list means any peer; an empty port list means any port of any protocol.
 *
 * @param peers {@code from} for ingress, {@code to} for egress
 */
public record NetworkPolicyRule(ImmutableList<NetworkPolicyPort> ports,
    ImmutableList<NetworkPolicyPeer> peers) {

  private static final NetworkPolicyRule ALLOW_ALL =
      new NetworkPolicyRule(ImmutableList.of(), ImmutableList.of());

  public NetworkPolicyRule {
    ports = ImmutableList.copyOf(ports);
    peers = ImmutableList.copyOf(peers);
  }

  /** {@return the rule {@code {}}: any peer, any port} */
  public static NetworkPolicyRule allowAll() {
    return ALLOW_ALL;
  }

  /** {@return a rule with these ports and peers} */
  public static NetworkPolicyRule of(List<NetworkPolicyPort> ports,
      List<NetworkPolicyPeer> peers) {
    return new NetworkPolicyRule(ImmutableList.copyOf(ports), ImmutableList.copyOf(peers));
  }
}

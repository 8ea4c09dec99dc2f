package io.kubenetsim.net;

/**
 * What one node's kube-proxy rules did with the first packet of a flow, in the terms of
 * kube-proxy's own packet-flow tests ({@code pkg/proxy/iptables/proxier_test.go}
 * {@code runPacketFlowTests}: an endpoint list, {@code REJECT}, {@code DROP}, or nothing).
 */
public enum RuleOutcome {
  /** Rewritten to an endpoint. */
  DNAT,
  /** Refused with ICMP port unreachable: the service port has no usable endpoints. */
  REJECT,
  /** Silently dropped (no local endpoint under a Local policy, a source-range firewall). */
  DROP,
  /** No rule applied: the packet goes on as addressed. */
  UNTOUCHED;

  /**
   * {@return the verdict a client sees when the rules alone end the attempt} A REJECT is
   * refused at once, a DROP times out. DNAT and UNTOUCHED leave the packet to be delivered, so
   * a traced packet that is not delivered reports {@code ESTABLISHED} (the rules chose a
   * backend) or {@code UNTOUCHED} (they did nothing).
   */
  public ConnectionVerdict verdict() {
    return switch (this) {
      case DNAT -> ConnectionVerdict.ESTABLISHED;
      case REJECT -> ConnectionVerdict.REJECTED;
      case DROP -> ConnectionVerdict.TIMED_OUT;
      case UNTOUCHED -> ConnectionVerdict.UNTOUCHED;
    };
  }

  /** {@return whether the rules end the attempt before anything is delivered} */
  public boolean endsAttempt() {
    return this == REJECT || this == DROP;
  }
}

package io.kubenetsim.core.kubelet;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.dns.ResolvConf;

/**
 * What the kubelet decided for one pod's DNS: the base it started from, the resolv.conf it
 * wrote, and the Warning events it raised on the way (limits exceeded, no cluster DNS).
 *
 * <pre>{@code
 * PodDnsResult dns = podDns.forPod(pod);
 * dns.resolvConf().toString();    // "search shop.svc.cluster.local ...\nnameserver ...\n..."
 * dns.warnings().forEach(w -> sim.log().record(w.reason(), pod.ref(), w.message()));
 * }</pre>
 *
 * @param type the base actually used ({@link PodDnsType#HOST} after a fallback)
 * @param resolvConf the pod's {@code /etc/resolv.conf}
 * @param warnings the events, in the order the kubelet raises them
 */
public record PodDnsResult(PodDnsType type, ResolvConf resolvConf,
    ImmutableList<PodDnsWarning> warnings) {

  public PodDnsResult {
    checkArgument(type != null && resolvConf != null, "type and resolvConf must not be null");
    warnings = ImmutableList.copyOf(warnings);
  }
}

package io.kubenetsim.core.net;

import io.kubenetsim.core.dns.CoreDnsFleet;
import io.kubenetsim.core.dns.CoreDnsServer;
import io.kubenetsim.core.dns.Corefile;
import io.kubenetsim.core.dns.Directive;
import io.kubenetsim.core.dns.ForwardTarget;
import io.kubenetsim.core.dns.Upstream;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.dns.DnsQuestion;
import io.kubenetsim.dns.DnsResponse;
import io.kubenetsim.dns.ResolvConf;
import io.kubenetsim.model.Pod;
import io.kubenetsim.net.IpAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a CoreDNS pod's {@code forward} plugin sends a question, as traffic: a UDP datagram
 * from the CoreDNS pod to each upstream in turn until one replies. The upstreams are those of
 * the {@code forward} directive whose zone encloses the question most closely: an address
 * ({@code 8.8.8.8}, {@code dns://1.1.1.1:53}), or, for kubeadm's {@code /etc/resolv.conf}, the
 * nameservers of the pod's own resolv.conf — with CoreDNS's {@code
 * dnsPolicy: Default}, the node's resolver. So an egress NetworkPolicy on the CoreDNS pods, or
 * a resolver that is gone, turns forwarded names into SERVFAIL as in a real cluster.
 *
 * <p>Simplification: upstreams are tried in the order written (forward's {@code policy
 * sequential}); CoreDNS's default picks one at random and health-checks the others. A forward
 * that reaches CoreDNS again (a loop the {@code loop} plugin would refuse to start with) gets no
 * reply on the second round.
 */
public final class CoreDnsForwarding implements Function<Pod, Upstream> {
  private final ApiStore store;
  private final Function<Pod, ResolvConf> resolvConfs;
  private DnsTraffic traffic;
  private CoreDnsFleet fleet;
  private int depth;

  /** @param resolvConfs each pod's resolv.conf, for upstreams named by a file */
  public CoreDnsForwarding(ApiStore store, Function<Pod, ResolvConf> resolvConfs) {
    this.store = store;
    this.resolvConfs = resolvConfs;
  }

  /** Completes the wiring: the fleet needs this to start servers, this needs the fleet. */
  public void connect(DnsTraffic traffic, CoreDnsFleet fleet) {
    this.traffic = traffic;
    this.fleet = fleet;
  }

  @Override
  public Upstream apply(Pod pod) {
    return question -> forward(pod, question);
  }

  private Optional<DnsResponse> forward(Pod started, DnsQuestion question) {
    Optional<Pod> pod = store.get(Pod.class, started.metadata().key())
        .filter(p -> p.metadata().uid().equals(started.metadata().uid()));
    if (pod.isEmpty() || depth > 0) {
      return Optional.empty();
    }
    Optional<Corefile> corefile = fleet.server(pod.get()).map(CoreDnsServer::corefile);
    List<IpAddress> targets = corefile.map(c -> targets(c, question, resolvConfs.apply(
        pod.get()))).orElse(List.of());
    depth++;
    try {
      Source source = Source.ofPod(pod.get());
      for (IpAddress target : targets) {
        Optional<DnsResponse> reply = traffic.exchange(source, target, question).response();
        if (reply.isPresent()) {
          return reply;
        }
      }
      return Optional.empty();
    } finally {
      depth--;
    }
  }

  /** {@return the upstreams of the forward directive closest to the question} */
  static List<IpAddress> targets(Corefile corefile, DnsQuestion question, ResolvConf own) {
    Optional<Directive.Forward> forward = corefile.serverBlocks().stream()
        .flatMap(b -> b.directives().stream())
        .filter(d -> d instanceof Directive.Forward).map(d -> (Directive.Forward) d)
        .filter(f -> question.name().isIn(f.from()))
        .max(Comparator.comparingInt(f -> f.from().labels().size()));
    List<IpAddress> out = new ArrayList<>();
    forward.ifPresent(f -> f.to().forEach(to -> out.addAll(addresses(to, own))));
    return out;
  }

  private static List<IpAddress> addresses(ForwardTarget to, ResolvConf own) {
    if (to instanceof ForwardTarget.Address address) {
      return List.of(address.ip());
    }
    return own.nameservers();
  }

}

package io.kubenetsim.core.dns;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.dns.DnsName;
import java.util.List;
import java.util.Optional;

/**
 * One server block of a Corefile: the zones (and ports) it serves and its directives, in the
 * order written (the chain runs them in CoreDNS's plugin order, see {@link CoreDnsServer}).
 *
 * @param keys the zones and ports, expanded (a CIDR key becomes its reverse zones)
 * @param directives the directives as written
 * @param line the line the block starts on
 */
public record ServerBlock(ImmutableList<ServerKey> keys, ImmutableList<Directive> directives,
    int line) {

  public ServerBlock {
    keys = ImmutableList.copyOf(keys);
    directives = ImmutableList.copyOf(directives);
  }

  /** {@return the block's zones, in key order} */
  public List<DnsName> zones() {
    return keys.stream().map(ServerKey::zone).toList();
  }

  /** {@return the block's kubernetes directive, if it has one} */
  public Optional<KubernetesOptions> kubernetes() {
    return directives.stream().filter(d -> d instanceof Directive.Kubernetes)
        .map(d -> ((Directive.Kubernetes) d).options()).findFirst();
  }
}

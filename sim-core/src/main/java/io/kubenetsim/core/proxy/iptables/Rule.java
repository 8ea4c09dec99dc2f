package io.kubenetsim.core.proxy.iptables;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.proxy.ProxyDecision.Entry;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ServicePortName;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One {@code -A CHAIN ...} line: matches in writing order and an optional target (upstream's
 * KUBE-FW chains end with a comment-only rule). Besides the text, a rule carries what the
 * simulator wants to report without parsing it back: the service port it belongs to, how a
 * KUBE-SERVICES rule was addressed, and the endpoint a DNAT rule rewrites to.
 *
 * <p>Immutable.
 */
public record Rule(String chain, ImmutableList<Match> matches, Optional<Target> target,
    Optional<ServicePortName> servicePort, Entry entry, Optional<ProxyEndpoint> endpoint) {

  public Rule {
    matches = ImmutableList.copyOf(matches);
  }

  /** {@return a rule with no simulator annotations} */
  public static Rule of(String chain, List<Match> matches, Target target) {
    return new Rule(chain, ImmutableList.copyOf(matches), Optional.of(target), Optional.empty(),
        Entry.NONE, Optional.empty());
  }

  /** {@return a rule that only matches (upstream ends KUBE-FW chains with one)} */
  public static Rule withoutTarget(String chain, List<Match> matches) {
    return new Rule(chain, ImmutableList.copyOf(matches), Optional.empty(), Optional.empty(),
        Entry.NONE, Optional.empty());
  }

  /** {@return this rule attributed to a service port} */
  public Rule forPort(ServicePortName port) {
    return new Rule(chain, matches, target, Optional.of(port), entry, endpoint);
  }

  /** {@return this rule marked as the way a packet addressed its service} */
  public Rule withEntry(Entry newEntry) {
    return new Rule(chain, matches, target, servicePort, newEntry, endpoint);
  }

  /** {@return this rule marked as rewriting to an endpoint} */
  public Rule withEndpoint(ProxyEndpoint newEndpoint) {
    return new Rule(chain, matches, target, servicePort, entry, Optional.of(newEndpoint));
  }

  /** {@return the match of a given kind, if the rule has one} */
  public <M extends Match> Optional<M> match(Class<M> kind) {
    return matches.stream().filter(kind::isInstance).map(kind::cast).findFirst();
  }

  /** {@return the line as {@code iptables-save} prints it} */
  public String text() {
    StringBuilder line = new StringBuilder("-A ").append(chain);
    if (!matches.isEmpty()) {
      line.append(' ').append(matches.stream().map(Match::text).collect(Collectors.joining(" ")));
    }
    target.ifPresent(t -> line.append(' ').append(t.text()));
    return line.toString();
  }

  @Override
  public String toString() {
    return text();
  }
}

package io.kubenetsim.core.policy;

import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.NetworkPolicyPort;
import io.kubenetsim.net.Protocol;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule's {@code ports} compiled for matching, as upstream's {@code NetworkPolicyPort} reads:
 * "protocol ... If not specified, this field defaults to TCP"; "port ... can either be a
 * numerical or named port on a pod. If this field is not provided, this matches all port
 * names and numbers"; "endPort indicates that the range of ports from port to endPort if set,
 * inclusive, should be allowed by the policy". The rule's list: "If this field is empty or
 * missing, this rule matches all ports ... If this field is present and contains at least one
 * item, then this rule allows traffic only if the traffic matches at least one port in the
 * list."
 *
 * <p>Numeric entries are kept as inclusive ranges per protocol; named entries are resolved
 * against the destination pod's container ports (name and protocol) at match time, so a pod's
 * ports need no recompilation of policies. Immutable.
 */
final class PortMatcher {
  private final boolean any;
  private final Protocol[] protocols;
  private final int[] first;
  private final int[] last;
  private final Protocol[] namedProtocols;
  private final String[] names;

  private PortMatcher(boolean any, List<Protocol> protocols, List<int[]> ranges,
      List<Protocol> namedProtocols, List<String> names) {
    this.any = any;
    this.protocols = protocols.toArray(new Protocol[0]);
    this.first = ranges.stream().mapToInt(r -> r[0]).toArray();
    this.last = ranges.stream().mapToInt(r -> r[1]).toArray();
    this.namedProtocols = namedProtocols.toArray(new Protocol[0]);
    this.names = names.toArray(new String[0]);
  }

  /** {@return the matcher of a rule's port list} */
  static PortMatcher compile(List<NetworkPolicyPort> ports) {
    List<Protocol> protocols = new ArrayList<>();
    List<int[]> ranges = new ArrayList<>();
    List<Protocol> namedProtocols = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (NetworkPolicyPort port : ports) {
      if (port.port().isEmpty()) {
        protocols.add(port.protocol());
        ranges.add(new int[] {0, 65535});
        continue;
      }
      IntOrString value = port.port().get();
      if (value.isInt()) {
        protocols.add(port.protocol());
        ranges.add(new int[] {value.intValue().get(),
            port.endPort().orElse(value.intValue().get())});
      } else {
        namedProtocols.add(port.protocol());
        names.add(value.stringValue().get());
      }
    }
    return new PortMatcher(ports.isEmpty(), protocols, ranges, namedProtocols, names);
  }

  /**
   * {@return whether the traffic's port matches some entry}
   *
   * @param namedPortPod the destination pod, against whose container ports named entries
   *     resolve; {@code null} when the destination is no pod (then no named entry matches)
   */
  boolean matches(int port, Protocol protocol, PolicyPod namedPortPod) {
    return any || matchesNumerically(port, protocol)
        || (namedPortPod != null && matchesNamed(port, protocol, namedPortPod));
  }

  /** {@return whether the list is empty (any port) or a numeric entry matches} */
  boolean matchesNumerically(int port, Protocol protocol) {
    if (any) {
      return true;
    }
    for (int i = 0; i < protocols.length; i++) {
      if (protocols[i] == protocol && port >= first[i] && port <= last[i]) {
        return true;
      }
    }
    return false;
  }

  private boolean matchesNamed(int port, Protocol protocol, PolicyPod pod) {
    for (int i = 0; i < names.length; i++) {
      if (namedProtocols[i] == protocol && pod.servesNamedPort(names[i], protocol, port)) {
        return true;
      }
    }
    return false;
  }

  /** {@return whether some named entry is of this protocol} */
  boolean hasNamed(Protocol protocol) {
    for (Protocol named : namedProtocols) {
      if (named == protocol) {
        return true;
      }
    }
    return false;
  }

  /** {@return how many named entries the list has} */
  int namedCount() {
    return names.length;
  }

  /** {@return the name of the {@code i}-th named entry} */
  String name(int i) {
    return names[i];
  }

  /** {@return the protocol of the {@code i}-th named entry} */
  Protocol namedProtocol(int i) {
    return namedProtocols[i];
  }
}

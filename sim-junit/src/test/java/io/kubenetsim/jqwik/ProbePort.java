package io.kubenetsim.jqwik;

import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPort;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.net.Protocol;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A port and protocol to ask reachability questions on. {@link #worthProbing} picks them for
 * some pods and policies: 80/TCP, every port the pods declare (named policy ports resolve to
 * these), then every number and range end a policy names; at most {@link #MAX}, in that order,
 * so that a table per port stays cheap.
 */
record ProbePort(int port, Protocol protocol) {

  static final int MAX = 8;

  static List<ProbePort> worthProbing(List<ObservedPod> pods, List<NetworkPolicy> policies) {
    LinkedHashSet<ProbePort> ports = new LinkedHashSet<>();
    ports.add(new ProbePort(80, Protocol.TCP));
    for (ObservedPod pod : pods) {
      for (ContainerPort port : pod.ports()) {
        ports.add(new ProbePort(port.containerPort(), port.protocol()));
      }
    }
    for (NetworkPolicy policy : policies) {
      List<NetworkPolicyRule> rules = new ArrayList<>(policy.spec().ingress());
      rules.addAll(policy.spec().egress());
      for (NetworkPolicyRule rule : rules) {
        for (NetworkPolicyPort port : rule.ports()) {
          port.port().filter(p -> p.isInt()).ifPresent(p -> ports.add(
              new ProbePort(p.intValue().get(), port.protocol())));
          port.endPort().ifPresent(end -> ports.add(new ProbePort(end, port.protocol())));
        }
      }
    }
    return ports.stream().limit(MAX).toList();
  }

  @Override
  public String toString() {
    return port + "/" + protocol;
  }
}

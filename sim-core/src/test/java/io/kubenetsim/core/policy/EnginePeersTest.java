package io.kubenetsim.core.policy;

import static io.kubenetsim.core.policy.EngineFixture.NODE_1;
import static io.kubenetsim.core.policy.EngineFixture.NODE_2;
import static io.kubenetsim.core.policy.EngineFixture.ip;
import static io.kubenetsim.core.policy.EnginePolicies.anyPort;
import static io.kubenetsim.core.policy.EnginePolicies.block;
import static io.kubenetsim.core.policy.EnginePolicies.egress;
import static io.kubenetsim.core.policy.EnginePolicies.ingress;
import static io.kubenetsim.core.policy.EnginePolicies.namespaces;
import static io.kubenetsim.core.policy.EnginePolicies.pods;
import static io.kubenetsim.core.policy.EnginePolicies.podsIn;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.net.Protocol;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Peers, after upstream's {@code NetworkPolicyPeer} comments: podSelector alone selects pods of
 * the policy's namespace; namespaceSelector alone every pod of the namespaces it matches (by
 * their labels, {@code kubernetes.io/metadata.name} included, which the store stamps); both in
 * one peer the matching pods of the matching namespaces (AND), two peers either (OR); ipBlock
 * matches addresses, cidr minus except — for ingress the source left after SNAT, for egress the
 * destination after DNAT. Selector peers match pods only, never a node's address or a
 * hostNetwork pod. Each row: one policy on the e2e layout (plus a namespace w without labels
 * and a hostNetwork pod x/h on node-2), one connection on 80/TCP.
 */
class EnginePeersTest {

  private static final String X_DENY_EXCEPT = "x/a [x/p] denied";

  /** @param via the source ingress sees (after SNAT); {@code null} for {@code from} */
  record Case(String name, NetworkPolicy policy, String from, String via, String to,
      String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case in(String name, NetworkPolicy policy, String from, boolean allowed) {
    return new Case(name, policy, from, null, "x/a", (from.contains("/") && !from.equals("x/h")
        ? "egress " + from + " open allowed; " : "") + "ingress "
        + (allowed ? "x/a [x/p] allowed by x/p ingress[0]" : X_DENY_EXCEPT));
  }

  private static Case out(String name, NetworkPolicy policy, String to, boolean allowed) {
    return new Case(name, policy, "y/b", null, to, "egress y/b [y/p] "
        + (allowed ? "allowed by y/p egress[0]" : "denied")
        + (allowed && to.contains("/") ? "; ingress " + to + " open allowed" : ""));
  }

  static Stream<Case> cases() {
    NetworkPolicy sameNamespace = ingress("x/p", "", anyPort(pods("pod=b")));
    NetworkPolicy namespaceY = ingress("x/p", "", anyPort(namespaces("ns=y")));
    NetworkPolicy allNamespaces = ingress("x/p", "", anyPort(namespaces("")));
    NetworkPolicy and = ingress("x/p", "", anyPort(podsIn("pod=b", "ns=y")));
    NetworkPolicy or = ingress("x/p", "", anyPort(namespaces("ns=y"), pods("pod=c")));
    NetworkPolicy byName = ingress("x/p", "",
        anyPort(namespaces("kubernetes.io/metadata.name=z")));
    NetworkPolicy notInY = ingress("x/p", "", anyPort(namespaces("ns notin (y)")));
    NetworkPolicy blockExcept = ingress("x/p", "",
        anyPort(block("10.244.2.0/24", "10.244.2.21/32")));
    NetworkPolicy node2 = ingress("x/p", "", anyPort(block(NODE_2 + "/32")));
    NetworkPolicy toX = egress("y/p", "", anyPort(namespaces("ns=x")));
    NetworkPolicy toNode1Pods = egress("y/p", "", anyPort(block("10.244.1.0/24")));
    NetworkPolicy toOutside = egress("y/p", "", anyPort(block("203.0.113.0/24")));
    NetworkPolicy toVips = egress("y/p", "", anyPort(block("10.96.0.0/12")));
    return Stream.of(
        in("podSelector alone: a pod of the policy's namespace", sameNamespace, "x/b", true),
        in("podSelector alone: not the same labels in another namespace", sameNamespace,
            "y/b", false),
        in("namespaceSelector alone: any pod of a matching namespace", namespaceY, "y/a", true),
        in("namespaceSelector alone: not a pod of another namespace", namespaceY, "z/b", false),
        in("namespaceSelector {}: pods of every namespace", allNamespaces, "z/c", true),
        in("namespaceSelector {}: not a node's address", allNamespaces, NODE_2, false),
        in("namespaceSelector {}: not a hostNetwork pod", allNamespaces, "x/h", false),
        in("both in one peer: pod AND namespace match", and, "y/b", true),
        in("both in one peer: the namespace alone is not enough", and, "y/a", false),
        in("both in one peer: the pod labels alone are not enough", and, "z/b", false),
        in("two peers: the namespace peer", or, "y/a", true),
        in("two peers: the pod peer, in the policy's namespace", or, "x/c", true),
        in("two peers: neither (pod=c, but in z)", or, "z/c", false),
        in("a namespace by the name label the API server stamps", byName, "z/a", true),
        in("a namespace by the name label: another namespace", byName, "y/a", false),
        in("NotIn matches a namespace lacking the key", notInY, "w/a", true),
        in("NotIn matches another value", notInY, "z/b", true),
        in("NotIn: not the excluded value", notInY, "y/b", false),
        in("ipBlock: an address in the cidr", blockExcept, "x/b", true),
        in("ipBlock: an address in except", blockExcept, "y/b", false),
        in("ipBlock: an address outside the cidr", blockExcept, "z/a", false),
        in("ipBlock: a node's address", node2, NODE_2, true),
        in("ipBlock: a hostNetwork pod's address is its node's", node2, "x/h", true),
        new Case("after SNAT to a node, a namespace peer no longer matches", namespaceY,
            "y/b", NODE_2, "x/a", "egress y/b open allowed; ingress " + X_DENY_EXCEPT),
        new Case("after SNAT to a node, an ipBlock of that node matches", node2,
            "y/a", NODE_2, "x/a",
            "egress y/a open allowed; ingress x/a [x/p] allowed by x/p ingress[0]"),
        out("egress: a namespace peer matches the destination pod", toX, "x/a", true),
        out("egress: not a destination in another namespace", toX, "z/a", false),
        out("egress: ipBlock matches the destination pod's address", toNode1Pods, "x/a", true),
        out("egress: ipBlock, a destination outside", toNode1Pods, "x/b", false),
        out("egress: ipBlock to an outside address", toOutside, "203.0.113.7", true),
        out("egress: an outside address not in the block", toOutside, "198.51.100.7", false),
        out("egress is checked after DNAT: a Service range block does not allow the backend",
            toVips, "x/a", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void peersMatchAsTheApiDescribes(Case row) {
    EngineFixture f = EngineFixture.layout().namespace("w", "")
        .pod("w/a", "pod=a", "node-1", "10.244.1.40")
        .hostNetworkPod("x/h", "pod=b,pod-x=h", "node-2", NODE_2);
    f.apply(row.policy()).settle();
    String via = row.via() == null ? row.from() : row.via();
    assertEquals(row.expected(), EngineFixture.summary(f.engine.check(ip(f.address(row.from())),
        ip(f.address(via)), ip(f.address(row.to())), 80, Protocol.TCP)), row.name());
  }
}

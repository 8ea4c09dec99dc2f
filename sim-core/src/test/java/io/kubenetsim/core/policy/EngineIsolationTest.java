package io.kubenetsim.core.policy;

import static io.kubenetsim.core.policy.EnginePolicies.anyPort;
import static io.kubenetsim.core.policy.EnginePolicies.egress;
import static io.kubenetsim.core.policy.EnginePolicies.ingress;
import static io.kubenetsim.core.policy.EnginePolicies.namespaces;
import static io.kubenetsim.core.policy.EnginePolicies.pods;
import static io.kubenetsim.core.policy.EnginePolicies.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.net.Protocol;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Isolation and additivity, after upstream's {@code NetworkPolicySpec} field comments and the
 * NetworkPolicy page: a pod is isolated for a direction only when a policy of its namespace
 * selects it and has that direction in its effective policyTypes (defaulted: Ingress always,
 * Egress when egress rules exist); an isolated pod gets what any rule of any such policy
 * allows, the first in policy-name then rule order named as the allowing rule. Each row is one
 * policy set on the e2e layout and one connection y/b → x/a on 80/TCP (unless it says
 * otherwise); the expected text holds every field of each check but the reason.
 */
class EngineIsolationTest {

  record Case(String name, List<NetworkPolicy> policies, String from, String to,
      String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    NetworkPolicy denyIngressX = ingress("x/deny-ingress", "");
    NetworkPolicy denyEgressY = egress("y/deny-egress", "");
    return Stream.of(
        new Case("no policy: neither side is isolated", List.of(), "y/b", "x/a",
            "egress y/b open allowed; ingress x/a open allowed"),
        new Case("deny-all ingress isolates every pod of its namespace",
            List.of(denyIngressX), "y/b", "x/a",
            "egress y/b open allowed; ingress x/a [x/deny-ingress] denied"),
        new Case("a policy isolates only the pods its podSelector selects",
            List.of(ingress("x/only-b", "pod=b")), "y/b", "x/a",
            "egress y/b open allowed; ingress x/a open allowed"),
        new Case("a policy isolates pods of its own namespace only",
            List.of(ingress("z/deny-ingress", "")), "y/b", "x/a",
            "egress y/b open allowed; ingress x/a open allowed"),
        new Case("policyTypes unwritten, no egress rules: ingress only",
            List.of(ingress("y/deny-ingress", "")), "y/b", "x/a",
            "egress y/b open allowed; ingress x/a open allowed"),
        new Case("policyTypes unwritten with egress rules: egress too",
            List.of(policy("y/egress-to-c", "", List.of(), List.of(),
                List.of(anyPort(pods("pod=c"))))), "y/b", "x/a",
            "egress y/b [y/egress-to-c] denied"),
        new Case("policyTypes [Egress]: ingress rules written are not enforced",
            List.of(policy("x/egress-only", "", List.of("Egress"),
                List.of(anyPort(pods("pod=nobody"))), List.of(NetworkPolicyRule.allowAll()))),
            "y/b", "x/a", "egress y/b open allowed; ingress x/a open allowed"),
        new Case("ingress [{}] allows everything in",
            List.of(ingress("x/allow-all", "", NetworkPolicyRule.allowAll())), "y/b", "x/a",
            "egress y/b open allowed; ingress x/a [x/allow-all] allowed by x/allow-all "
                + "ingress[0]"),
        new Case("policies add: deny-all plus an allow from y allows y",
            List.of(denyIngressX, ingress("x/allow-y", "", anyPort(namespaces("ns=y")))),
            "y/b", "x/a", "egress y/b open allowed; ingress x/a [x/allow-y, x/deny-ingress] "
                + "allowed by x/allow-y ingress[0]"),
        new Case("the allowing rule is the first by policy name",
            List.of(ingress("x/second", "", anyPort(namespaces("ns=y"))),
                ingress("x/first", "", anyPort(namespaces("ns=y")))), "y/b", "x/a",
            "egress y/b open allowed; ingress x/a [x/first, x/second] allowed by x/first "
                + "ingress[0]"),
        new Case("then by rule order within the policy",
            List.of(ingress("x/rules", "", anyPort(pods("pod=nobody")),
                anyPort(namespaces("ns=y")), NetworkPolicyRule.allowAll())), "y/b", "x/a",
            "egress y/b open allowed; ingress x/a [x/rules] allowed by x/rules ingress[1]"),
        new Case("an egress denial ends the checks: ingress is never reached",
            List.of(denyEgressY, denyIngressX), "y/b", "x/a",
            "egress y/b [y/deny-egress] denied"),
        new Case("both sides isolated and both allowing",
            List.of(egress("y/to-x", "pod=b", anyPort(namespaces("ns=x"))),
                ingress("x/from-y", "pod=a", anyPort(namespaces("ns=y")))), "y/b", "x/a",
            "egress y/b [y/to-x] allowed by y/to-x egress[0]; ingress x/a [x/from-y] allowed "
                + "by x/from-y ingress[0]"),
        new Case("policyTypes [Ingress, Egress] without rules isolates both ways",
            List.of(policy("x/deny-all", "", List.of("Ingress", "Egress"), List.of(),
                List.of())), "x/a", "y/b", "egress x/a [x/deny-all] denied"),
        new Case("a connection to an address that is no pod has no ingress check",
            List.of(denyIngressX), "x/a", "203.0.113.7", "egress x/a open allowed"),
        new Case("a connection from an address that is no pod has no egress check",
            List.of(denyIngressX), "203.0.113.7", "x/a", "ingress x/a [x/deny-ingress] denied"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void checksFollowIsolationAndAdditivity(Case row) {
    EngineFixture f = EngineFixture.layout();
    row.policies().forEach(f::apply);
    f.settle();
    assertEquals(row.expected(), f.checks(row.from(), row.to(), 80, Protocol.TCP), row.name());
  }
}

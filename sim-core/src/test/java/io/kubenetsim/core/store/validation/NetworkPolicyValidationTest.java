package io.kubenetsim.core.store.validation;

import static io.kubenetsim.core.store.validation.Errors.assertLines;
import static io.kubenetsim.core.store.validation.Errors.assertRules;
import static io.kubenetsim.core.store.validation.ServiceValidationTest.BAD_CIDR;
import static io.kubenetsim.core.store.validation.ServiceValidationTest.NAME_PART;
import static io.kubenetsim.core.store.validation.ServiceValidationTest.PORT_RANGE;
import static io.kubenetsim.core.store.validation.ServiceValidationTest.SUBDOMAIN_REGEX;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.kubenetsim.NetworkPolicyBuilder;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.IPBlock;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.LabelSelectorRequirement;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPeer;
import io.kubenetsim.model.NetworkPolicyPort;
import io.kubenetsim.net.Protocol;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NetworkPolicy rules, one table row per rule of upstream's {@code ValidateNetworkPolicySpec},
 * {@code ValidateNetworkPolicyPort}, {@code ValidateNetworkPolicyPeer} and {@code
 * ValidateIPBlock}: each row breaks one rule of an otherwise valid policy and pins the exact
 * line (path, type, value, message from {@code pkg/apis/networking/validation}) and rule id, so a
 * missing, extra, reworded or misplaced error fails the row.
 */
class NetworkPolicyValidationTest {

  private static final String IN_NEEDS_VALUES =
      "Required value: must be specified when `operator` is 'In' or 'NotIn'";
  private static final String EXISTS_TAKES_NONE =
      "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'";
  private static final String STRICT_SUBSET = "must be a strict subset of `cidr`";

  private static NetworkPolicyBuilder policy(String namespacedName) {
    return new NetworkPolicyBuilder(NamespacedName.parse(namespacedName), p -> p);
  }

  private static Arguments row(String rule, UnaryOperator<NetworkPolicyBuilder> change,
      String line, String ruleId) {
    return Arguments.of(rule, change, line, ruleId);
  }

  private static NetworkPolicyPeer peer(Optional<LabelSelector> pods,
      Optional<LabelSelector> namespaces, Optional<IPBlock> block) {
    return new NetworkPolicyPeer(pods, namespaces, block);
  }

  private static LabelSelector requirement(String key, String operator, String... values) {
    return new LabelSelector(ImmutableSortedMap.of(),
        ImmutableList.of(LabelSelectorRequirement.of(key, operator, List.of(values))));
  }

  private static NetworkPolicyPort port(Optional<IntOrString> port, Optional<Integer> end) {
    return new NetworkPolicyPort(Protocol.TCP, port, end);
  }

  static Stream<Arguments> oneBrokenRuleEach() {
    return Stream.of(
        row("name is a DNS-1123 subdomain", p -> policy("x/Allow_80"),
            "metadata.name: Invalid value: \"Allow_80\": " + SUBDOMAIN_REGEX, "meta.name.format"),
        row("the policy lives in a namespace", p -> new NetworkPolicyBuilder(
                NamespacedName.of("", "allow"), built -> built),
            "metadata.namespace: Required value", "meta.namespace.required"),
        row("podSelector operator", p -> p.podSelector(requirement("pod", "Equals", "a")),
            "spec.podSelector.matchExpressions[0].operator: Invalid value: \"Equals\": not a"
                + " valid selector operator", "selector.operator"),
        row("podSelector label key", p -> p.podSelector("app name", "web"),
            "spec.podSelector.matchLabels: Invalid value: \"app name\": " + NAME_PART,
            "label.key"),
        row("In needs values", p -> p.ingress(r -> r.from(NetworkPolicyPeer.pods(
                requirement("pod", "In")))),
            "spec.ingress[0].from[0].podSelector.matchExpressions[0].values: " + IN_NEEDS_VALUES,
            "selector.values.required"),
        row("Exists takes no values", p -> p.egress(r -> r.to(NetworkPolicyPeer.namespaces(
                requirement("ns", "Exists", "x")))),
            "spec.egress[0].to[0].namespaceSelector.matchExpressions[0].values: "
                + EXISTS_TAKES_NONE, "selector.values.forbidden"),
        row("port number at least 1", p -> p.ingress(r -> r.port(0)),
            "spec.ingress[0].ports[0].port: Invalid value: 0: " + PORT_RANGE,
            "network-policy.port.range"),
        row("port number at most 65535", p -> p.egress(r -> r.port(65536, Protocol.UDP)),
            "spec.egress[0].ports[0].port: Invalid value: 65536: " + PORT_RANGE,
            "network-policy.port.range"),
        row("named port charset", p -> p.ingress(r -> r.port("http_alt")),
            "spec.ingress[0].ports[0].port: Invalid value: \"http_alt\": must contain only"
                + " alpha-numeric characters (a-z, 0-9), and hyphens (-)",
            "network-policy.port.name"),
        row("named port length", p -> p.ingress(r -> r.port(80).port("metrics-endpoint")),
            "spec.ingress[0].ports[1].port: Invalid value: \"metrics-endpoint\": must be no"
                + " more than 15 characters", "network-policy.port.name"),
        row("named port needs a letter", p -> p.ingress(r -> r.port("8080")),
            "spec.ingress[0].ports[0].port: Invalid value: \"8080\": must contain at least one"
                + " letter (a-z)", "network-policy.port.name"),
        row("endPort not below port", p -> p.ingress(r -> r.portRange(80, 79)),
            // kube-apiserver quotes the port (80), not the endPort, in this message.
            "spec.ingress[0].ports[0].endPort: Invalid value: 80: must be greater than or equal"
                + " to `port`", "network-policy.end-port.below-port"),
        row("endPort at most 65535", p -> p.egress(r -> r.portRange(32000, 70000)),
            "spec.egress[0].ports[0].endPort: Invalid value: 70000: " + PORT_RANGE,
            "network-policy.end-port.range"),
        row("endPort needs a numeric port", p -> p.ingress(r -> r.port(
                port(Optional.of(IntOrString.of("http")), Optional.of(90)))),
            "spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when"
                + " `port` is non-numeric", "network-policy.end-port.named-port"),
        row("endPort needs a port", p -> p.ingress(r -> r.port(
                port(Optional.empty(), Optional.of(90)))),
            "spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when"
                + " `port` is not specified", "network-policy.end-port.no-port"),
        row("a peer names something", p -> p.ingress(r -> r.fromPods("pod=b").from(
                peer(Optional.empty(), Optional.empty(), Optional.empty()))),
            "spec.ingress[0].from[1]: Required value: must specify a peer",
            "network-policy.peer.required"),
        row("ipBlock stands alone", p -> p.egress(r -> r.to(peer(Optional.empty(),
                Optional.of(LabelSelector.everything()),
                Optional.of(IPBlock.of("10.0.0.0/8", List.of()))))),
            "spec.egress[0].to[0]: Forbidden: may not specify both ipBlock and another peer",
            "network-policy.peer.ip-block-alone"),
        row("ipBlock needs a cidr", p -> p.ingress(r -> r.fromIpBlock("")),
            "spec.ingress[0].from[0].ipBlock.cidr: Required value",
            "network-policy.ip-block.cidr.required"),
        row("a bare IP is not a cidr", p -> p.ingress(r -> r.fromIpBlock("10.0.0.1")),
            "spec.ingress[0].from[0].ipBlock.cidr: Invalid value: \"10.0.0.1\": " + BAD_CIDR,
            "network-policy.ip-block.cidr.format"),
        row("prefix within the address", p -> p.egress(r -> r.toIpBlock("10.0.0.0/33")),
            "spec.egress[0].to[0].ipBlock.cidr: Invalid value: \"10.0.0.0/33\": " + BAD_CIDR,
            "network-policy.ip-block.cidr.format"),
        row("except is a cidr", p -> p.ingress(r -> r.fromIpBlock("10.0.0.0/8", "10.1.0.0/16",
                "10.2.0.300/24")),
            "spec.ingress[0].from[0].ipBlock.except[1]: Invalid value: \"10.2.0.300/24\": "
                + BAD_CIDR, "network-policy.ip-block.except.format"),
        row("except inside cidr", p -> p.ingress(r -> r.fromIpBlock("10.0.0.0/8",
                "192.168.0.0/24")),
            "spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: \"192.168.0.0/24\": "
                + STRICT_SUBSET, "network-policy.ip-block.except.subset"),
        row("except strictly smaller", p -> p.ingress(r -> r.fromIpBlock("10.0.0.0/8",
                "10.0.0.0/8")),
            "spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: \"10.0.0.0/8\": "
                + STRICT_SUBSET, "network-policy.ip-block.except.subset"),
        row("except of the same family", p -> p.egress(r -> r.toIpBlock("10.0.0.0/8",
                "fd00::/64")),
            "spec.egress[0].to[0].ipBlock.except[0]: Invalid value: \"fd00::/64\": "
                + STRICT_SUBSET, "network-policy.ip-block.except.subset"),
        row("at most two policyTypes", p -> p.policyTypes("Ingress", "Egress", "Ingress"),
            "spec.policyTypes: Invalid value: [\"Ingress\",\"Egress\",\"Ingress\"]: may not"
                + " specify more than two policyTypes", "network-policy.policy-types.too-many"),
        row("policyTypes are case-sensitive", p -> p.policyTypes("Ingress", "egress"),
            "spec.policyTypes[1]: Unsupported value: \"egress\": supported values: \"Ingress\","
                + " \"Egress\"", "network-policy.policy-types.supported"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneBrokenRuleEach")
  void eachRuleReportsItsPathAndUpstreamsMessage(String rule,
      UnaryOperator<NetworkPolicyBuilder> change, String line, String ruleId) {
    List<FieldError> errors =
        NetworkPolicyValidation.validateCreate(change.apply(policy("x/allow")).build());
    assertLines(errors, line);
    assertRules(errors, ruleId);
  }

  @Test
  void aPolicyUsingEveryFieldIsValid() {
    // Sloppy CIDRs (host bits set, a leading zero) are accepted while StrictIPCIDRValidation is
    // off, and so is a repeated policy type: upstream checks membership only.
    NetworkPolicy policy = policy("x/everything").podSelector("pod in (a,b),!canary")
        .policyTypes("Ingress", "Ingress")
        .ingress(r -> r.fromPodsInNamespaces("pod=b", "ns=y").fromNamespaces("")
            .fromIpBlock("10.0.0.1/8", "010.1.0.0/16").port(80).port("serve-81-udp",
                Protocol.UDP).portRange(8000, 8000, Protocol.SCTP).allPorts(Protocol.UDP))
        .egress(r -> r.toIpBlock("fd00::/48", "fd00:0:0:1::/64").toPods(""))
        .allowAllEgress().build();
    assertLines(NetworkPolicyValidation.validateCreate(policy));
  }

  @Test
  void everyErrorIsReportedAtOnceInUpstreamsOrder() {
    // podSelector, then per ingress rule ports before from, then egress, then policyTypes.
    NetworkPolicy policy = policy("x/broken").podSelector("app name", "x")
        .ingress(r -> r.fromIpBlock("10.0.0.0/8", "11.0.0.0/16").port(0))
        .egress(r -> r.toIpBlock("nonsense").portRange(90, 80))
        .policyTypes("Ingress", "Sideways").build();
    List<String> paths = NetworkPolicyValidation.validateCreate(policy).stream()
        .map(FieldError::path).toList();
    assertEquals(List.of("spec.podSelector.matchLabels", "spec.ingress[0].ports[0].port",
        "spec.ingress[0].from[0].ipBlock.except[0]", "spec.egress[0].ports[0].endPort",
        "spec.egress[0].to[0].ipBlock.cidr", "spec.policyTypes[1]"), paths);
  }

  @Test
  void tooManyPolicyTypesStopsThePolicyTypeChecks() {
    // Upstream returns after the count error, so unsupported entries are not listed as well.
    assertLines(NetworkPolicyValidation.validateCreate(
            policy("x/p").policyTypes("a", "b", "c").build()),
        "spec.policyTypes: Invalid value: [\"a\",\"b\",\"c\"]: may not specify more than two"
            + " policyTypes");
  }

  @Test
  void anUpdateMayKeepInvalidSelectorValuesWhenTheStoredSelectorWasAlreadyInvalid() {
    // ValidationOptionsForNetworking: an old podSelector failing validation lets selector
    // values through on update; a valid old one does not.
    LabelSelector invalidValue = requirement("pod", "In", "not valid!");
    NetworkPolicy legacy = policy("x/legacy").podSelector(invalidValue).build();
    NetworkPolicy edited = policy("x/legacy").podSelector(invalidValue)
        .ingress(r -> r.from(NetworkPolicyPeer.pods(invalidValue))).build();
    assertLines(NetworkPolicyValidation.validateUpdate(legacy, edited));
    List<FieldError> fromValid = NetworkPolicyValidation.validateUpdate(
        policy("x/legacy").build(), edited);
    assertRules(fromValid, "label.value", "label.value");
    assertEquals("spec.podSelector.matchExpressions[0].values[0]", fromValid.get(0).path());
  }

  @Test
  void anUpdateChecksTheSpecAsACreateDoesAndKeepsTheIdentity() {
    NetworkPolicy old = policy("x/p").build();
    assertLines(NetworkPolicyValidation.validateUpdate(old,
            policy("x/p").ingress(r -> r.port(0)).build()),
        "spec.ingress[0].ports[0].port: Invalid value: 0: " + PORT_RANGE);
    assertLines(NetworkPolicyValidation.validateUpdate(old, policy("y/p").build()),
        "metadata.namespace: Invalid value: \"y\": field is immutable");
  }
}

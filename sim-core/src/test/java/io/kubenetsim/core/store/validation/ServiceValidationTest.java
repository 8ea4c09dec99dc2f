package io.kubenetsim.core.store.validation;

import static io.kubenetsim.core.store.validation.Errors.assertLines;
import static io.kubenetsim.core.store.validation.Errors.assertRules;
import static io.kubenetsim.core.store.validation.Services.SINGLE_STACK;
import static io.kubenetsim.core.store.validation.Services.created;
import static io.kubenetsim.core.store.validation.Services.ports;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.net.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Service create rules, one row per rule: the manifest change, the exact rendered errors and
 * their rule ids after defaulting and allocation. A row fails if a rule is missing, extra,
 * reworded or reordered, so the table pins upstream's text.
 */
class ServiceValidationTest {

  static final String PORT_RANGE = "must be between 1 and 65535, inclusive";
  static final String BAD_IP = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";
  static final String BAD_CIDR = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";
  static final String LABEL_REGEX = "a lowercase RFC 1123 label must consist of lower case"
      + " alphanumeric characters or '-', and must start and end with an alphanumeric character"
      + " (e.g. 'my-name',  or '123-abc', regex used for validation is"
      + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
  static final String SUBDOMAIN_REGEX = "a lowercase RFC 1123 subdomain must consist of lower"
      + " case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric"
      + " character (e.g. 'example.com', regex used for validation is"
      + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  static final String NAME_PART = "name part must consist of alphanumeric characters, '-', '_'"
      + " or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or"
      + " 'my.name',  or '123-abc', regex used for validation is"
      + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  static final String ONLY_LB = "may only be used when `type` is 'LoadBalancer'";

  static Stream<Arguments> rules() {
    return Stream.of(
        row("no ports on a ClusterIP Service", b -> set(b, () -> b.ports = List.of()),
            "spec.ports: Required value", "service.ports.required"),
        row("several ports need names", b -> set(b, () -> b.ports = List.of(
                ServicePort.of(80), ServicePort.of(81))),
            "spec.ports[0].name: Required value", "service.port.name.required",
            "spec.ports[1].name: Required value", "service.port.name.required"),
        row("a port name with dots", b -> set(b, () -> b.ports = List.of(
                ServicePort.of("web.http", 80, IntOrString.of(80)))),
            "spec.ports[0].name: Invalid value: \"web.http\": must not contain dots",
            "service.port.name.format"),
        row("a port name with capitals", b -> set(b, () -> b.ports = List.of(
                ServicePort.of("Http", 80, IntOrString.of(80)))),
            "spec.ports[0].name: Invalid value: \"Http\": " + LABEL_REGEX,
            "service.port.name.format"),
        row("two ports with one name", b -> set(b, () -> b.ports = List.of(
                ServicePort.of("http", 80, IntOrString.of(80)),
                ServicePort.of("http", 81, IntOrString.of(81)))),
            "spec.ports[1].name: Duplicate value: \"http\"", "service.port.name.duplicate"),
        row("port 0", b -> set(b, () -> b.ports = List.of(
                ServicePort.of("http", 0, IntOrString.of(8080)))),
            "spec.ports[0].port: Invalid value: 0: " + PORT_RANGE, "service.port.range"),
        row("port 65536", b -> set(b, () -> b.ports = List.of(
                ServicePort.of("http", 65536, IntOrString.of(8080)))),
            "spec.ports[0].port: Invalid value: 65536: " + PORT_RANGE, "service.port.range"),
        row("targetPort 70000", b -> set(b, () -> b.ports = List.of(
                ServicePort.of("http", 80, IntOrString.of(70000)))),
            "spec.ports[0].targetPort: Invalid value: 70000: " + PORT_RANGE,
            "service.port.target-port.range"),
        row("targetPort name with an underscore", b -> set(b, () -> b.ports = List.of(
                ServicePort.of("http", 80, IntOrString.of("web_http")))),
            "spec.ports[0].targetPort: Invalid value: \"web_http\": must contain only"
                + " alpha-numeric characters (a-z, 0-9), and hyphens (-)",
            "service.port.target-port.name"),
        row("targetPort name of digits", b -> set(b, () -> b.ports = List.of(
                ServicePort.of("http", 80, IntOrString.of("8080")))),
            "spec.ports[0].targetPort: Invalid value: \"8080\": must contain at least one letter"
                + " (a-z)", "service.port.target-port.name"),
        row("appProtocol with a space", b -> set(b, () -> b.ports = List.of(
                new ServicePort("http", Protocol.TCP, "h t", 80, IntOrString.of(80), 0))),
            "spec.ports[0].appProtocol: Invalid value: \"h t\": " + NAME_PART,
            "service.port.app-protocol.format"),
        row("one protocol and port twice", b -> set(b, () -> b.ports = List.of(
                ServicePort.of("a", 80, IntOrString.of(80)),
                ServicePort.of("b", 80, IntOrString.of(81)))),
            "spec.ports[1]: Duplicate value: {\"Name\":\"\",\"Protocol\":\"TCP\","
                + "\"AppProtocol\":null,\"Port\":80,\"TargetPort\":0,\"NodePort\":0}",
            "service.port.duplicate"),
        row("a nodePort with the defaulted type", b -> set(b, () -> b.ports = List.of(
                ServicePort.of("http", 80, IntOrString.of(80)).withNodePort(30080))),
            "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
            "service.port.node-port.forbidden"),
        row("one protocol and nodePort twice", b -> set(b, () -> {
              b.type = "NodePort";
              b.ports = List.of(ports(2).get(0).withNodePort(30080),
                  ports(2).get(1).withNodePort(30080));
            }),
            "spec.ports[1].nodePort: Duplicate value: 30080", "service.port.node-port.duplicate"),
        row("a selector key with a space", b -> set(b, () -> b.selector = Map.of("app name", "w")),
            "spec.selector: Invalid value: \"app name\": " + NAME_PART, "label.key"),
        row("sessionAffinity Cookie", b -> set(b, () -> b.sessionAffinity = "Cookie"),
            "spec.sessionAffinity: Unsupported value: \"Cookie\": supported values: \"ClientIP\","
                + " \"None\"", "service.session-affinity.unsupported"),
        row("ClientIP timeout 0", b -> set(b, () -> {
              b.sessionAffinity = "ClientIP";
              b.sessionAffinityTimeoutSeconds = Optional.of(0);
            }),
            "spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater"
                + " than 0 and less than 86400", "service.session-affinity-config.timeout-range"),
        row("ClientIP timeout 86401", b -> set(b, () -> {
              b.sessionAffinity = "ClientIP";
              b.sessionAffinityTimeoutSeconds = Optional.of(86401);
            }),
            "spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 86401: must be"
                + " greater than 0 and less than 86400",
            "service.session-affinity-config.timeout-range"),
        row("type Foo", b -> set(b, () -> b.type = "Foo"),
            "spec.type: Unsupported value: \"Foo\": supported values: \"ClusterIP\","
                + " \"ExternalName\", \"LoadBalancer\", \"NodePort\"", "service.type.unsupported"),
        row("headless NodePort", b -> set(b, () -> {
              b.type = "NodePort";
              b.clusterIP = "None";
            }),
            "spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort"
                + " services", "service.cluster-ips.headless-forbidden"),
        row("headless LoadBalancer", b -> set(b, () -> {
              b.type = "LoadBalancer";
              b.clusterIP = "None";
            }),
            "spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for"
                + " LoadBalancer services", "service.cluster-ips.headless-forbidden"),
        row("externalIP not an IP", b -> set(b, () -> b.externalIPs = List.of("10.0.0.300")),
            "spec.externalIPs[0]: Invalid value: \"10.0.0.300\": " + BAD_IP,
            "service.external-ips.format"),
        row("externalIP unspecified", b -> set(b, () -> b.externalIPs = List.of("0.0.0.0")),
            "spec.externalIPs[0]: Invalid value: \"0.0.0.0\": may not be unspecified (0.0.0.0)",
            "service.external-ips.special"),
        row("externalIP IPv6 unspecified", b -> set(b, () -> b.externalIPs = List.of("::")),
            "spec.externalIPs[0]: Invalid value: \"::\": may not be unspecified (::)",
            "service.external-ips.special"),
        row("externalIP loopback", b -> set(b, () -> b.externalIPs = List.of("127.0.0.9", "::1")),
            "spec.externalIPs[0]: Invalid value: \"127.0.0.9\": may not be in the loopback range"
                + " (127.0.0.0/8, ::1/128)", "service.external-ips.special",
            "spec.externalIPs[1]: Invalid value: \"::1\": may not be in the loopback range"
                + " (127.0.0.0/8, ::1/128)", "service.external-ips.special"),
        row("externalIP link-local", b -> set(b, () ->
                b.externalIPs = List.of("169.254.169.254", "fe80::1")),
            "spec.externalIPs[0]: Invalid value: \"169.254.169.254\": may not be in the link-local"
                + " range (169.254.0.0/16, fe80::/10)", "service.external-ips.special",
            "spec.externalIPs[1]: Invalid value: \"fe80::1\": may not be in the link-local range"
                + " (169.254.0.0/16, fe80::/10)", "service.external-ips.special"),
        row("externalIP link-local multicast", b -> set(b, () ->
                b.externalIPs = List.of("224.0.0.251", "ff02::1")),
            "spec.externalIPs[0]: Invalid value: \"224.0.0.251\": may not be in the link-local"
                + " multicast range (224.0.0.0/24, ff02::/10)", "service.external-ips.special",
            "spec.externalIPs[1]: Invalid value: \"ff02::1\": may not be in the link-local"
                + " multicast range (224.0.0.0/24, ff02::/10)", "service.external-ips.special"),
        row("source ranges on a ClusterIP Service", b -> set(b, () ->
                b.loadBalancerSourceRanges = List.of("10.0.0.0/8")),
            "spec.LoadBalancerSourceRanges: Forbidden: " + ONLY_LB,
            "service.load-balancer-source-ranges.forbidden"),
        row("a source range that is not a CIDR", b -> set(b, () -> {
              b.type = "LoadBalancer";
              b.loadBalancerSourceRanges = List.of("10.0.0.0/33", " 10.1.0.0/16 ");
            }),
            "spec.LoadBalancerSourceRanges[0]: Invalid value: \"10.0.0.0/33\": " + BAD_CIDR,
            "service.load-balancer-source-ranges.format"),
        row("allocateLoadBalancerNodePorts on a NodePort Service", b -> set(b, () -> {
              b.type = "NodePort";
              b.allocateLoadBalancerNodePorts = Optional.of(false);
            }),
            "spec.allocateLoadBalancerNodePorts: Forbidden: " + ONLY_LB,
            "service.allocate-load-balancer-node-ports.forbidden"),
        row("loadBalancerClass on a ClusterIP Service", b -> set(b, () ->
                b.loadBalancerClass = "example.com/lb"),
            "spec.loadBalancerClass: Forbidden: " + ONLY_LB,
            "service.load-balancer-class.forbidden"),
        row("loadBalancerClass not a qualified name", b -> set(b, () -> {
              b.type = "LoadBalancer";
              b.loadBalancerClass = "my lb";
            }),
            "spec.loadBalancerClass: Invalid value: \"my lb\": " + NAME_PART,
            "service.load-balancer-class.format"),
        row("externalTrafficPolicy on a ClusterIP Service", b -> set(b, () ->
                b.externalTrafficPolicy = "Local"),
            "spec.externalTrafficPolicy: Invalid value: \"Local\": may only be set for"
                + " externally-accessible services", "service.external-traffic-policy.forbidden"),
        row("externalTrafficPolicy Global", b -> set(b, () -> {
              b.type = "NodePort";
              b.externalTrafficPolicy = "Global";
            }),
            "spec.externalTrafficPolicy: Unsupported value: \"Global\": supported values:"
                + " \"Cluster\", \"Local\"", "service.external-traffic-policy.unsupported"),
        row("healthCheckNodePort on a NodePort Service", b -> set(b, () -> {
              b.type = "NodePort";
              b.healthCheckNodePort = 32000;
            }),
            "spec.healthCheckNodePort: Invalid value: 32000: may only be set when `type` is"
                + " 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
            "service.health-check-node-port.forbidden"),
        row("healthCheckNodePort out of range", b -> set(b, () -> {
              b.type = "LoadBalancer";
              b.externalTrafficPolicy = "Local";
              b.healthCheckNodePort = 70000;
            }),
            "spec.healthCheckNodePort: Invalid value: 70000: " + PORT_RANGE,
            "service.health-check-node-port.range"),
        row("internalTrafficPolicy Nowhere", b -> set(b, () -> b.internalTrafficPolicy = "Nowhere"),
            "spec.internalTrafficPolicy: Unsupported value: \"Nowhere\": supported values:"
                + " \"Cluster\", \"Local\"", "service.internal-traffic-policy.unsupported"),
        row("trafficDistribution PreferFar", b -> set(b, () -> b.trafficDistribution = "PreferFar"),
            "spec.trafficDistribution: Unsupported value: \"PreferFar\": supported values:"
                + " \"PreferClose\", \"PreferSameNode\", \"PreferSameZone\"",
            "service.traffic-distribution.unsupported"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRuleReportsUpstreamsText(String name, UnaryOperator<ServiceSpec.Builder> change,
      List<String> lines, List<String> ruleIds) {
    List<FieldError> errors = SINGLE_STACK.validateCreate(created(change));
    assertEquals(lines, Errors.lines(errors), name);
    assertEquals(ruleIds, errors.stream().map(FieldError::rule).collect(Collectors.toList()), name);
  }

  @Test
  void aServiceNameMustBeADns1035Label() {
    // Digits first pass as a DNS-1123 label but not as a DNS-1035 one, which Services use.
    Service service = created(b -> b);
    var errors = SINGLE_STACK.validateCreate(
        service.withMetadata(service.metadata().withName("1web")));
    assertLines(errors, "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist"
        + " of lower case alphanumeric characters or '-', start with an alphabetic character, and"
        + " end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for"
        + " validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
    assertRules(errors, "meta.name.format");
  }

  @Test
  void theSourceRangesAnnotationIsCheckedWhenTheFieldIsEmpty() {
    Service service = created(b -> set(b, () -> b.type = "LoadBalancer"));
    String key = "service.beta.kubernetes.io/load-balancer-source-ranges";
    var errors = SINGLE_STACK.validateCreate(service.withMetadata(
        service.metadata().withAnnotations(Map.of(key, " 10.0.0.0/8, bad "))));
    assertLines(errors, "metadata.annotations[" + key + "]: Invalid value: \"bad\": " + BAD_CIDR);
    assertRules(errors, "service.load-balancer-source-ranges.format");
  }

  @Test
  void topologyModeMustMatchTheDeprecatedHintsAnnotation() {
    Service service = created(b -> b);
    var errors = SINGLE_STACK.validateCreate(service.withMetadata(service.metadata()
        .withAnnotations(Map.of("service.kubernetes.io/topology-mode", "Auto",
            "service.kubernetes.io/topology-aware-hints", "Disabled"))));
    assertLines(errors, "metadata.annotations[service.kubernetes.io/topology-mode]: Invalid"
        + " value: \"Auto\": must match annotations[service.kubernetes.io/topology-aware-hints]"
        + " when both are specified");
  }

  @Test
  void aLocalLoadBalancerNeedsItsAllocatedHealthCheckNodePort() {
    // Validation runs after allocation upstream; validating before it reports the port missing.
    Service unallocated = Services.defaulted(b -> set(b, () -> {
      b.type = "LoadBalancer";
      b.externalTrafficPolicy = "Local";
    }));
    var errors = SINGLE_STACK.validateCreate(unallocated);
    assertLines(errors, "spec.healthCheckNodePort: Required value");
    assertRules(errors, "service.health-check-node-port.required");
  }

  @Test
  void boundaryValuesThatUpstreamAccepts() {
    // 86400 is accepted although the message says "less than"; digits-only port names are
    // DNS-1123 labels; the same port under two protocols, or one nodePort under two, is legal.
    assertLines(SINGLE_STACK.validateCreate(created(b -> set(b, () -> {
      b.sessionAffinity = "ClientIP";
      b.sessionAffinityTimeoutSeconds = Optional.of(86400);
      b.ports = List.of(ServicePort.of("80", 80, IntOrString.of(80)),
          new ServicePort("dns", Protocol.UDP, "", 80, IntOrString.of(80), 0));
    }))));
    assertLines(SINGLE_STACK.validateCreate(created(b -> set(b, () -> {
      b.type = "NodePort";
      b.ports = List.of(ServicePort.of("a", 53, IntOrString.of(53)).withNodePort(30053),
          new ServicePort("b", Protocol.UDP, "", 53, IntOrString.of(53), 30053));
    }))));
  }

  private static Arguments row(String name, UnaryOperator<ServiceSpec.Builder> change,
      String... linesAndRules) {
    List<String> lines = new ArrayList<>();
    List<String> rules = new ArrayList<>();
    for (int i = 0; i < linesAndRules.length; i += 2) {
      lines.add(linesAndRules[i]);
      rules.add(linesAndRules[i + 1]);
    }
    return Arguments.of(name, change, lines, rules);
  }

  /** Runs {@code edit} on the builder and returns it, so rows stay one expression. */
  static ServiceSpec.Builder set(ServiceSpec.Builder b, Runnable edit) {
    edit.run();
    return b;
  }
}

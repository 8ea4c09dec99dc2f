package io.kubenetsim.core.store.validation;

import static io.kubenetsim.core.store.validation.Errors.assertLines;
import static io.kubenetsim.core.store.validation.Errors.assertRules;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.DnsPolicy;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodReadinessGate;
import io.kubenetsim.model.PodSpec;
import io.kubenetsim.net.Protocol;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pod create and update rules. Each test breaks one thing in an otherwise valid pod and pins
 * every rendered error line, so an extra or missing error fails as surely as a wrong word.
 */
class PodValidationTest {

  private static final String FORBIDDEN_UPDATE = "spec: Forbidden: pod updates may not change"
      + " fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,"
      + "`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing"
      + " tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was"
      + " previously negative)";

  @Test
  void aWellFormedPodHasNoErrors() {
    assertLines(PodValidation.validateCreate(pod(web(ContainerPort.of("http", 8080)))));
  }

  @Test
  void aPodWithoutContainersIsRejected() {
    var errors = PodValidation.validateCreate(pod());
    assertLines(errors, "spec.containers: Required value");
    assertRules(errors, "pod.containers.required");
  }

  @Test
  void containerNamesMustBeUniqueLabelsAndImagesAreRequired() {
    var errors = PodValidation.validateCreate(pod(
        web(), Container.of("web", "", List.of()), Container.of("Side_Car", "envoy", List.of())));
    assertLines(errors,
        "spec.containers[1].image: Required value",
        "spec.containers[1].name: Duplicate value: \"web\"",
        "spec.containers[2].name: Invalid value: \"Side_Car\": a lowercase RFC 1123 label must"
            + " consist of lower case alphanumeric characters or '-', and must start and end with"
            + " an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for"
            + " validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
    assertRules(errors, "pod.container.image.required", "pod.container.name.duplicate",
        "pod.container.name.format");
  }

  @Test
  void containerPortsAreRequiredInRangeAndNamedUniquely() {
    var errors = PodValidation.validateCreate(pod(web(
        ContainerPort.of("http", 0),
        ContainerPort.of("http", 70000),
        new ContainerPort("metrics--x", 9090, Protocol.TCP, -1))));
    assertLines(errors,
        "spec.containers[0].ports[0].containerPort: Required value",
        "spec.containers[0].ports[1].name: Duplicate value: \"http\"",
        "spec.containers[0].ports[1].containerPort: Invalid value: 70000: must be between 1 and"
            + " 65535, inclusive",
        "spec.containers[0].ports[2].name: Invalid value: \"metrics--x\": must not contain"
            + " consecutive hyphens",
        "spec.containers[0].ports[2].hostPort: Invalid value: -1: must be between 1 and 65535,"
            + " inclusive");
    assertRules(errors, "pod.port.container-port.required", "pod.port.name.duplicate",
        "pod.port.container-port.range", "pod.port.name.format", "pod.port.host-port.range");
  }

  @Test
  void hostPortsConflictAcrossContainersByProtocolAndPort() {
    var errors = PodValidation.validateCreate(pod(
        web(new ContainerPort("http", 80, Protocol.TCP, 8080)),
        Container.of("proxy", "envoy", List.of(new ContainerPort("", 81, Protocol.TCP, 8080),
            new ContainerPort("", 81, Protocol.UDP, 8080)))));
    assertLines(errors, "spec.containers[1].ports[0].hostPort: Duplicate value: \"TCP//8080\"");
    assertRules(errors, "pod.port.host-port.duplicate");
  }

  @Test
  void withHostNetworkAHostPortMustMatchItsContainerPort() {
    Pod pod = pod(web(new ContainerPort("http", 8080, Protocol.TCP, 80)));
    var errors = PodValidation.validateCreate(pod.withSpec(pod.spec().withHostNetwork(true)));
    assertLines(errors, "spec.containers[0].ports[0].hostPort: Invalid value: 80: must match"
        + " `containerPort` when `hostNetwork` is true");
    assertRules(errors, "pod.port.host-port.host-network");
  }

  @Test
  void restartPolicyMustBeAKnownValue() {
    // dnsPolicy is typed; its unsupported values are reported by the manifest decoder
    // (PodDnsManifestTest), and dnsConfig rules live in PodDnsConfigValidationTest.
    var errors = PodValidation.validateCreate(pod(web()).withSpec(spec("Sometimes")));
    assertLines(errors,
        "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\","
            + " \"OnFailure\", \"Never\"");
    assertRules(errors, "pod.restart-policy.unsupported");
  }

  @Test
  void nodeNameHostnameAndSubdomainMustBeDnsNames() {
    Pod pod = pod(web());
    var errors = PodValidation.validateCreate(pod.withSpec(pod.spec().withNodeName("Node_1")
        .withHostnameAndSubdomain("web.0", "db")));
    assertRules(errors, "pod.node-name.format", "pod.hostname.format");
    assertEquals("spec.hostname: Invalid value: \"web.0\": must not contain dots",
        errors.get(1).toString());
  }

  @Test
  void aNegativeTerminationGracePeriodIsRejected() {
    Pod pod = pod(web());
    var errors = PodValidation.validateCreate(
        pod.withSpec(pod.spec().withTerminationGracePeriodSeconds(-5)));
    assertLines(errors, "spec.terminationGracePeriodSeconds: Invalid value: -5: must be greater"
        + " than or equal to 0");
  }

  private static final String NAME_PART = "name part must consist of alphanumeric characters,"
      + " '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',"
      + "  or 'my.name',  or '123-abc', regex used for validation is"
      + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

  static Stream<Arguments> readinessGateConditionTypes() {
    String path = "spec.readinessGates[0].conditionType: Invalid value: ";
    return Stream.of(
        // conditionType, the errors upstream's ValidateQualifiedName gives (none = valid)
        Arguments.of("example.com/feature-1", List.of()),
        Arguments.of("Feature_1.v2", List.of()),
        Arguments.of("-feature", List.of(path + "\"-feature\": " + NAME_PART)),
        Arguments.of("", List.of(path + "\"\": name part must be non-empty",
            path + "\"\": " + NAME_PART)),
        Arguments.of("example.com/", List.of(path + "\"example.com/\": name part must be"
            + " non-empty", path + "\"example.com/\": " + NAME_PART)),
        Arguments.of("/feature", List.of(path + "\"/feature\": prefix part must be"
            + " non-empty")),
        Arguments.of("Example.com/feature", List.of(path + "\"Example.com/feature\": prefix"
            + " part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
            + " characters, '-' or '.', and must start and end with an alphanumeric character"
            + " (e.g. 'example.com', regex used for validation is"
            + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")),
        Arguments.of("f".repeat(64), List.of(path + "\"" + "f".repeat(64) + "\": name part"
            + " must be no more than 63 characters")));
  }

  @ParameterizedTest(name = "conditionType \"{0}\"")
  @MethodSource("readinessGateConditionTypes")
  void readinessGateConditionTypesMustBeQualifiedNames(String type, List<String> expected) {
    // upstream validateReadinessGates: each gate's conditionType through ValidateQualifiedName,
    // reported at spec.readinessGates[i].conditionType; the rule id names the rule for tests.
    Pod pod = pod(web());
    var errors = PodValidation.validateCreate(pod.withSpec(pod.spec().withReadinessGates(
        List.of(PodReadinessGate.of(type)))));
    assertEquals(expected, Errors.lines(errors), "errors for conditionType \"" + type + "\"");
    errors.forEach(e -> assertEquals("pod.readiness-gate.condition-type", e.rule()));
  }

  @Test
  void onlyTheBadGateIsReportedAtItsOwnIndex() {
    Pod pod = pod(web());
    var errors = PodValidation.validateCreate(pod.withSpec(pod.spec().withReadinessGates(
        List.of(PodReadinessGate.of("example.com/ok"), PodReadinessGate.of("bad gate")))));
    assertLines(errors, "spec.readinessGates[1].conditionType: Invalid value: \"bad gate\": "
        + NAME_PART);
  }

  @Test
  void anUpdateMayNotChangeReadinessGates() {
    // readinessGates are not among upstream's updatable pod spec fields.
    Pod old = pod(web());
    Pod updated = old.withSpec(old.spec().withReadinessGates(
        List.of(PodReadinessGate.of("example.com/feature-1"))));
    var errors = PodValidation.validateUpdate(old, updated);
    assertLines(errors, FORBIDDEN_UPDATE
        + "\n  spec.readinessGates: [] -> [example.com/feature-1]");
  }

  @Test
  void anUpdateMayChangeContainerImages() {
    Pod old = pod(web(ContainerPort.of("http", 8080)));
    Pod updated = pod(Container.of("web", "nginx:1.27", List.of(ContainerPort.of("http", 8080))));
    assertLines(PodValidation.validateUpdate(old, updated));
  }

  @Test
  void anUpdateThatChangesPortsIsForbiddenAndSaysWhatChanged() {
    Pod old = pod(web(ContainerPort.of("http", 8080)));
    Pod updated = pod(web(ContainerPort.of("http", 9090)));
    var errors = PodValidation.validateUpdate(old, updated);
    assertLines(errors, FORBIDDEN_UPDATE
        + "\n  spec.containers[0].ports: [http:8080/TCP] -> [http:9090/TCP]");
    assertRules(errors, "pod.update.spec-forbidden");
  }

  @Test
  void anUpdateMayNotAddContainers() {
    var errors = PodValidation.validateUpdate(pod(web()),
        pod(web(), Container.of("sidecar", "envoy", List.of())));
    assertLines(errors, "spec.containers: Forbidden: pod updates may not add or remove containers");
  }

  @Test
  void aNegativeGracePeriodMayBeRaisedToOneButToNothingElse() {
    Pod pod = pod(web());
    Pod negative = pod.withSpec(pod.spec().withTerminationGracePeriodSeconds(-1));
    assertLines(PodValidation.validateUpdate(negative,
        pod.withSpec(pod.spec().withTerminationGracePeriodSeconds(1))));
    assertRules(PodValidation.validateUpdate(negative,
        pod.withSpec(pod.spec().withTerminationGracePeriodSeconds(2))),
        "pod.update.spec-forbidden");
  }

  @Test
  void anUpdateMayNotRenameThePod() {
    Pod old = pod(web());
    Pod renamed = old.withMetadata(old.metadata().withName("web-1"));
    assertLines(PodValidation.validateUpdate(old, renamed),
        "metadata.name: Invalid value: \"web-1\": field is immutable");
  }

  private static Pod pod(Container... containers) {
    return Pod.of("shop", "web-0", Labels.of("app", "web"), containers);
  }

  private static Container web(ContainerPort... ports) {
    return Container.of("web", "nginx", List.of(ports));
  }

  private static PodSpec spec(String restartPolicy) {
    return new PodSpec("", false, pod(web()).spec().containers(),
        PodSpec.DEFAULT_GRACE_PERIOD_SECONDS, "", "", restartPolicy, DnsPolicy.CLUSTER_FIRST,
        Optional.empty(), ImmutableList.of());
  }
}

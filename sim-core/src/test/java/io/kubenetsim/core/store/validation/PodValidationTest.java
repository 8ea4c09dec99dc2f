package io.kubenetsim.core.store.validation;

import static io.kubenetsim.core.store.validation.Errors.assertLines;
import static io.kubenetsim.core.store.validation.Errors.assertRules;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodSpec;
import io.kubenetsim.net.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

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
  void restartAndDnsPoliciesMustBeKnownValues() {
    var errors = PodValidation.validateCreate(pod(web()).withSpec(spec("Sometimes", "Cluster")));
    assertLines(errors,
        "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\","
            + " \"OnFailure\", \"Never\"",
        "spec.dnsPolicy: Unsupported value: \"Cluster\": supported values:"
            + " \"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\"");
    assertRules(errors, "pod.restart-policy.unsupported", "pod.dns-policy.unsupported");
  }

  @Test
  void dnsPolicyNoneNeedsADnsConfigTheModelCannotHold() {
    var errors = PodValidation.validateCreate(pod(web()).withSpec(spec("Always", "None")));
    assertLines(errors,
        "spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None");
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

  private static PodSpec spec(String restartPolicy, String dnsPolicy) {
    return new PodSpec("", false, pod(web()).spec().containers(),
        PodSpec.DEFAULT_GRACE_PERIOD_SECONDS, "", "", restartPolicy, dnsPolicy);
  }
}

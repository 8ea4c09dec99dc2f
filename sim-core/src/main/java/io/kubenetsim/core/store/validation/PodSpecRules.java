package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.PodReadinessGate;
import io.kubenetsim.model.PodSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Validates a pod spec wherever it sits: {@code spec} of a Pod, {@code spec.template.spec} of a
 * Deployment or ReplicaSet. Models the networking-relevant parts of upstream's {@code
 * ValidatePodSpec}, in its order:
 *
 * <ol>
 *   <li>{@code containers} ({@code validateContainers}): required; each name a unique DNS-1123
 *       label, each image required, each port checked ({@code validateContainerPorts}); then
 *       host ports unique across the pod by protocol/hostIP/port ({@code
 *       AccumulateUniqueHostPorts});
 *   <li>with {@code hostNetwork}, a set hostPort equals its containerPort ({@code
 *       validatePodHostNetworkDeps});
 *   <li>{@code restartPolicy};
 *   <li>{@code dnsConfig}, against the {@code dnsPolicy} ({@link PodDnsConfigRules}); the policy
 *       itself is a {@link io.kubenetsim.model.DnsPolicy}, so an unsupported one is reported
 *       when the manifest is decoded;
 *   <li>each {@code readinessGates[i].conditionType} a qualified name ({@code
 *       validateReadinessGates}), empty ones included;
 *   <li>{@code nodeName} a DNS-1123 subdomain, {@code hostname} and {@code subdomain} DNS-1123
 *       labels, when set;
 *   <li>{@code terminationGracePeriodSeconds} not negative.
 * </ol>
 *
 * <p>Defaulting is the store's job and must run first: an empty protocol becomes TCP, an empty
 * {@code restartPolicy} {@code Always}, and with {@code hostNetwork} an unset hostPort becomes
 * the containerPort.
 *
 * <pre>{@code
 * PodSpecRules.validate(deployment.spec().template().spec(), "spec.template.spec");
 * }</pre>
 */
public final class PodSpecRules {

  /** Upstream's supported restart policies, in the order its message lists them. */
  public static final ImmutableList<String> RESTART_POLICIES =
      ImmutableList.of("Always", "OnFailure", "Never");

  private PodSpecRules() {}

  /** {@return every problem with the spec, each path starting with {@code path}} */
  public static List<FieldError> validate(PodSpec spec, String path) {
    List<FieldError> errors = new ArrayList<>(containers(spec.containers(), path + ".containers"));
    errors.addAll(hostNetworkPorts(spec, path + ".containers"));
    errors.addAll(oneOf(spec.restartPolicy(), RESTART_POLICIES, path + ".restartPolicy",
        "pod.restart-policy"));
    errors.addAll(PodDnsConfigRules.validate(spec.dnsPolicy(), spec.dnsConfig(),
        path + ".dnsConfig"));
    errors.addAll(readinessGates(spec.readinessGates(), path + ".readinessGates"));
    errors.addAll(format(spec.nodeName(), NameRules::dns1123Subdomain,
        path + ".nodeName", "pod.node-name.format"));
    errors.addAll(format(spec.hostname(), NameRules::dns1123Label,
        path + ".hostname", "pod.hostname.format"));
    errors.addAll(format(spec.subdomain(), NameRules::dns1123Label,
        path + ".subdomain", "pod.subdomain.format"));
    // Departure: upstream only warns about a negative grace period ("must be >= 0; negative
    // values are invalid and will be treated as 1"); kube-netsim rejects it outright.
    errors.addAll(MetadataRules.nonNegative(spec.terminationGracePeriodSeconds(),
        path + ".terminationGracePeriodSeconds", "pod.termination-grace-period.negative"));
    return ImmutableList.copyOf(errors);
  }

  private static List<FieldError> containers(List<Container> containers, String path) {
    if (containers.isEmpty()) {
      return ImmutableList.of(FieldError.required(path, "", "pod.containers.required"));
    }
    List<FieldError> errors = new ArrayList<>();
    Set<String> names = new HashSet<>(); // lookup only; never iterated
    for (int i = 0; i < containers.size(); i++) {
      Container container = containers.get(i);
      String containerPath = path + "[" + i + "]";
      errors.addAll(container(container, containerPath));
      if (!container.name().isEmpty() && !names.add(container.name())) {
        errors.add(FieldError.duplicate(containerPath + ".name", container.name(),
            "pod.container.name.duplicate"));
      }
    }
    errors.addAll(uniqueHostPorts(containers, path));
    return errors;
  }

  private static List<FieldError> container(Container container, String path) {
    List<FieldError> errors = new ArrayList<>();
    if (container.name().isEmpty()) {
      errors.add(FieldError.required(path + ".name", "", "pod.container.name.required"));
    } else {
      errors.addAll(format(container.name(), NameRules::dns1123Label,
          path + ".name", "pod.container.name.format"));
    }
    if (container.image().isEmpty()) {
      errors.add(FieldError.required(path + ".image", "", "pod.container.image.required"));
    }
    errors.addAll(ports(container.ports(), path + ".ports"));
    return errors;
  }

  /** Upstream's {@code validateContainerPorts}: name, containerPort, hostPort per port. */
  private static List<FieldError> ports(List<ContainerPort> ports, String path) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> names = new HashSet<>(); // lookup only; never iterated
    for (int i = 0; i < ports.size(); i++) {
      ContainerPort port = ports.get(i);
      String portPath = path + "[" + i + "]";
      if (!port.name().isEmpty()) {
        List<String> messages = NameRules.portName(port.name());
        if (!messages.isEmpty()) {
          errors.addAll(format(port.name(), name -> messages, portPath + ".name",
              "pod.port.name.format"));
        } else if (!names.add(port.name())) {
          // Only well-formed names count towards duplicates, as upstream's else-if does.
          errors.add(FieldError.duplicate(portPath + ".name", port.name(),
              "pod.port.name.duplicate"));
        }
      }
      if (port.containerPort() == 0) {
        errors.add(FieldError.required(portPath + ".containerPort", "",
            "pod.port.container-port.required"));
      } else {
        for (String message : NameRules.portNumber(port.containerPort())) {
          errors.add(FieldError.invalid(portPath + ".containerPort", port.containerPort(),
              message, "pod.port.container-port.range"));
        }
      }
      if (port.hostPort() != 0) {
        for (String message : NameRules.portNumber(port.hostPort())) {
          errors.add(FieldError.invalid(portPath + ".hostPort", port.hostPort(), message,
              "pod.port.host-port.range"));
        }
      }
    }
    return errors;
  }

  /**
   * Upstream's {@code AccumulateUniqueHostPorts}: a host port may be claimed once per pod for a
   * protocol and host IP, across all containers. The key reads {@code TCP//8080}: the model has
   * no {@code hostIP}, so the middle part is always empty.
   */
  private static List<FieldError> uniqueHostPorts(List<Container> containers, String path) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> claimed = new HashSet<>(); // lookup only; never iterated
    for (int c = 0; c < containers.size(); c++) {
      List<ContainerPort> ports = containers.get(c).ports();
      for (int p = 0; p < ports.size(); p++) {
        ContainerPort port = ports.get(p);
        if (port.hostPort() == 0) {
          continue;
        }
        String key = port.protocol() + "//" + port.hostPort();
        if (!claimed.add(key)) {
          errors.add(FieldError.duplicate(path + "[" + c + "].ports[" + p + "].hostPort", key,
              "pod.port.host-port.duplicate"));
        }
      }
    }
    return errors;
  }

  /** Upstream's {@code validatePodHostNetworkDeps}. */
  private static List<FieldError> hostNetworkPorts(PodSpec spec, String path) {
    if (!spec.hostNetwork()) {
      return ImmutableList.of();
    }
    List<FieldError> errors = new ArrayList<>();
    for (int c = 0; c < spec.containers().size(); c++) {
      List<ContainerPort> ports = spec.containers().get(c).ports();
      for (int p = 0; p < ports.size(); p++) {
        ContainerPort port = ports.get(p);
        if (port.hostPort() != 0 && port.hostPort() != port.containerPort()) {
          errors.add(FieldError.invalid(path + "[" + c + "].ports[" + p + "].hostPort",
              port.hostPort(), "must match `containerPort` when `hostNetwork` is true",
              "pod.port.host-port.host-network"));
        }
      }
    }
    return errors;
  }

  /**
   * Upstream's {@code validateReadinessGates}: each condition type must be a qualified name
   * ({@code ValidateQualifiedName}, the label-key rule), so an empty one is reported too.
   */
  private static List<FieldError> readinessGates(List<PodReadinessGate> gates, String path) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < gates.size(); i++) {
      String type = gates.get(i).conditionType();
      for (String message : NameRules.qualifiedName(type)) {
        errors.add(FieldError.invalid(path + "[" + i + "].conditionType", type, message,
            "pod.readiness-gate.condition-type"));
      }
    }
    return errors;
  }

  /** An empty value is Required; one outside {@code supported} is NotSupported. */
  static List<FieldError> oneOf(
      String value, List<String> supported, String path, String rulePrefix) {
    if (value.isEmpty()) {
      return ImmutableList.of(FieldError.required(path, "", rulePrefix + ".required"));
    }
    if (!supported.contains(value)) {
      return ImmutableList.of(
          FieldError.notSupported(path, value, supported, rulePrefix + ".unsupported"));
    }
    return ImmutableList.of();
  }

  /** Wraps format messages as Invalid errors; an empty (unset) value is not checked. */
  private static List<FieldError> format(
      String value, Function<String, List<String>> rules, String path, String rule) {
    if (value.isEmpty()) {
      return ImmutableList.of();
    }
    List<FieldError> errors = new ArrayList<>();
    rules.apply(value).forEach(message -> errors.add(FieldError.invalid(path, value, message, rule)));
    return errors;
  }
}

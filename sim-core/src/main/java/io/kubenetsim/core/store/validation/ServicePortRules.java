package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code spec.ports} rules of a Service: upstream's {@code validateServicePort} for each port,
 * and the checks {@code ValidateService} runs over all ports later (nodePort forbidden for
 * ClusterIP, unique {@code (protocol, nodePort)}, unique {@code (protocol, port)}).
 *
 * <p>The protocol is an enum in the model, so upstream's protocol checks cannot fail here.
 * The nodePort range is the allocator's to check, not validation's.
 */
final class ServicePortRules {

  private static final String PORTS = "spec.ports";

  private ServicePortRules() {}

  /** {@return upstream's {@code validateServicePort} for every port, in port order} */
  static List<FieldError> eachPort(ServiceSpec spec) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> names = new HashSet<>(); // lookup only; never iterated
    boolean requireName = spec.ports().size() > 1;
    for (int i = 0; i < spec.ports().size(); i++) {
      errors.addAll(port(spec.ports().get(i), requireName, names, PORTS + "[" + i + "]"));
    }
    return errors;
  }

  private static List<FieldError> port(ServicePort port, boolean requireName, Set<String> names,
      String path) {
    List<FieldError> errors = new ArrayList<>();
    if (requireName && port.name().isEmpty()) {
      errors.add(FieldError.required(path + ".name", "", "service.port.name.required"));
    } else if (!port.name().isEmpty()) {
      for (String message : NameRules.dns1123Label(port.name())) {
        errors.add(FieldError.invalid(path + ".name", port.name(), message,
            "service.port.name.format"));
      }
      if (!names.add(port.name())) {
        errors.add(FieldError.duplicate(path + ".name", port.name(),
            "service.port.name.duplicate"));
      }
    }
    for (String message : NameRules.portNumber(port.port())) {
      errors.add(FieldError.invalid(path + ".port", port.port(), message, "service.port.range"));
    }
    errors.addAll(portNumOrName(port.targetPort(), path + ".targetPort",
        "service.port.target-port"));
    if (!port.appProtocol().isEmpty()) {
      for (String message : NameRules.qualifiedName(port.appProtocol())) {
        errors.add(FieldError.invalid(path + ".appProtocol", port.appProtocol(), message,
            "service.port.app-protocol.format"));
      }
    }
    return errors;
  }

  /** {@return upstream's {@code ValidatePortNumOrName}: rule ids end in .range or .name} */
  static List<FieldError> portNumOrName(IntOrString value, String path, String rule) {
    List<FieldError> errors = new ArrayList<>();
    if (value.isInt()) {
      int number = value.intValue().get();
      for (String message : NameRules.portNumber(number)) {
        errors.add(FieldError.invalid(path, number, message, rule + ".range"));
      }
    } else {
      String name = value.stringValue().get();
      for (String message : NameRules.portName(name)) {
        errors.add(FieldError.invalid(path, name, message, rule + ".name"));
      }
    }
    return errors;
  }

  /** {@return a Forbidden error for every nodePort of a ClusterIP Service} */
  static List<FieldError> clusterIpNodePorts(ServiceSpec spec) {
    if (!spec.type().equals(ServiceFields.CLUSTER_IP)) {
      return ImmutableList.of();
    }
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < spec.ports().size(); i++) {
      if (spec.ports().get(i).nodePort() != 0) {
        errors.add(FieldError.forbidden(PORTS + "[" + i + "].nodePort",
            "may not be used when `type` is 'ClusterIP'", "service.port.node-port.forbidden"));
      }
    }
    return errors;
  }

  /** {@return a Duplicate error for every repeated (protocol, nodePort) after the first} */
  static List<FieldError> duplicateNodePorts(ServiceSpec spec) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>(); // lookup only; never iterated
    for (int i = 0; i < spec.ports().size(); i++) {
      ServicePort port = spec.ports().get(i);
      if (port.nodePort() != 0 && !seen.add(port.protocol() + "/" + port.nodePort())) {
        errors.add(FieldError.duplicate(PORTS + "[" + i + "].nodePort", port.nodePort(),
            "service.port.node-port.duplicate"));
      }
    }
    return errors;
  }

  /**
   * {@return a Duplicate error for every repeated (protocol, port) after the first} The value
   * is upstream's key, an internal {@code core.ServicePort} with only protocol and port set,
   * which its JSON encoder writes with Go's field names.
   */
  static List<FieldError> duplicatePorts(ServiceSpec spec) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>(); // lookup only; never iterated
    for (int i = 0; i < spec.ports().size(); i++) {
      ServicePort port = spec.ports().get(i);
      if (!seen.add(port.protocol() + "/" + port.port())) {
        errors.add(FieldError.duplicate(PORTS + "[" + i + "]", GoValues.raw(
            "{\"Name\":\"\",\"Protocol\":\"" + port.protocol() + "\",\"AppProtocol\":null,"
                + "\"Port\":" + port.port() + ",\"TargetPort\":0,\"NodePort\":0}"),
            "service.port.duplicate"));
      }
    }
    return errors;
  }
}

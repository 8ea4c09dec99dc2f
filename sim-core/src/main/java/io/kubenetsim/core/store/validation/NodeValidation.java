package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.NodeAddress;
import io.kubenetsim.model.NodeSpec;
import io.kubenetsim.net.IpFamily;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates Nodes as kube-apiserver's node strategy does ({@code ValidateNode}, {@code
 * ValidateNodeUpdate} in {@code pkg/apis/core/validation}).
 *
 * <p>Create: metadata (cluster-scoped, name a DNS-1123 subdomain); each pod CIDR a CIDR at
 * {@code spec.podCIDRs[i]}; with more than one, exactly one per IP family and no duplicates.
 * Update: the create checks, metadata immutability, no duplicate addresses, and pod CIDRs are
 * write-once ({@code node updates may not change podCIDR except from "" to valid}).
 *
 * <p>As upstream's v1 conversion does, a {@code podCIDR} without {@code podCIDRs} is checked
 * as {@code podCIDRs: [podCIDR]}, so its errors are reported at {@code spec.podCIDRs[0]}.
 *
 * <p>Departures (kube-netsim checks more than upstream): {@code spec.podCIDRs[0]} must equal
 * {@code spec.podCIDR} when both are set (upstream silently keeps {@code podCIDRs}); {@code
 * status.addresses[i].type} must be a known type and IP-typed addresses valid IPs (upstream
 * does not validate node status on create).
 *
 * <pre>{@code
 * NodeValidation.validateCreate(Node.of("node-1", "192.168.0.11"));  // []
 * }</pre>
 */
public final class NodeValidation {

  /** Node address types, in the order the NotSupported message lists them. */
  public static final ImmutableList<String> ADDRESS_TYPES = ImmutableList.of(
      "Hostname", "InternalIP", "ExternalIP", "InternalDNS", "ExternalDNS");

  private static final String POD_CIDRS = "spec.podCIDRs";

  private NodeValidation() {}

  /** {@return every problem with a node being created} */
  public static List<FieldError> validateCreate(Node node) {
    List<FieldError> errors = new ArrayList<>(MetadataRules.validate(
        node.metadata(), false, NameFormat.DNS1123_SUBDOMAIN, "metadata"));
    errors.addAll(podCidrs(node.spec()));
    errors.addAll(addresses(node.status().addresses()));
    return ImmutableList.copyOf(errors);
  }

  /**
   * {@return every problem with replacing {@code old} by {@code updated}}
   *
   * <p>Simplification: upstream adds the same podCIDR Forbidden error once per changed entry
   * (and its aggregate message then drops the repeats); kube-netsim adds it once.
   */
  public static List<FieldError> validateUpdate(Node old, Node updated) {
    List<FieldError> errors = new ArrayList<>(validateCreate(updated));
    errors.addAll(MetadataRules.validateUpdate(updated.metadata(), old.metadata(), "metadata"));
    errors.addAll(duplicateAddresses(updated.status().addresses()));
    List<String> oldCidrs = effectivePodCidrs(old.spec());
    if (!oldCidrs.isEmpty() && !oldCidrs.equals(effectivePodCidrs(updated.spec()))) {
      errors.add(FieldError.forbidden(POD_CIDRS,
          "node updates may not change podCIDR except from \"\" to valid",
          "node.update.pod-cidrs-changed"));
    }
    return ImmutableList.copyOf(errors);
  }

  private static List<FieldError> podCidrs(NodeSpec spec) {
    List<String> cidrs = effectivePodCidrs(spec);
    List<FieldError> errors = new ArrayList<>();
    if (!spec.podCIDR().isEmpty() && !spec.podCIDRs().isEmpty()
        && !spec.podCIDR().equals(spec.podCIDRs().get(0))) {
      errors.add(FieldError.invalid(POD_CIDRS + "[0]", spec.podCIDRs().get(0),
          "first value must match `podCIDR`", "node.pod-cidrs.primary-mismatch"));
    }
    List<Optional<IpFamily>> families = new ArrayList<>();
    for (int i = 0; i < cidrs.size(); i++) {
      Optional<IpFamily> family = IpRules.cidrFamily(cidrs.get(i));
      families.add(family);
      if (family.isEmpty()) {
        errors.add(FieldError.invalid(POD_CIDRS + "[" + i + "]", cidrs.get(i),
            IpRules.INVALID_CIDR, "node.pod-cidrs.format"));
      }
    }
    if (cidrs.size() > 1) {
      boolean dualStack = cidrs.size() == 2 && families.get(0).isPresent()
          && families.get(1).isPresent() && !families.get(0).equals(families.get(1));
      if (!dualStack) {
        errors.add(FieldError.invalid(POD_CIDRS, cidrs,
            "may specify no more than one CIDR for each IP family", "node.pod-cidrs.dual-stack"));
      }
      Set<String> seen = new HashSet<>(); // lookup only; never iterated
      for (int i = 0; i < cidrs.size(); i++) {
        if (!seen.add(cidrs.get(i))) {
          errors.add(FieldError.duplicate(POD_CIDRS + "[" + i + "]", cidrs.get(i),
              "node.pod-cidrs.duplicate"));
        }
      }
    }
    return errors;
  }

  private static List<FieldError> addresses(List<NodeAddress> addresses) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < addresses.size(); i++) {
      NodeAddress address = addresses.get(i);
      String path = "status.addresses[" + i + "]";
      if (!ADDRESS_TYPES.contains(address.type())) {
        errors.add(FieldError.notSupported(path + ".type", address.type(), ADDRESS_TYPES,
            "node.address.type"));
      } else if (address.type().endsWith("IP")) {
        for (String message : IpRules.ip(address.address())) {
          errors.add(FieldError.invalid(path + ".address", address.address(), message,
              "node.address.ip"));
        }
      }
    }
    return errors;
  }

  /** Upstream's duplicate-address check, which it runs on update only. */
  private static List<FieldError> duplicateAddresses(List<NodeAddress> addresses) {
    List<FieldError> errors = new ArrayList<>();
    Set<NodeAddress> seen = new HashSet<>(); // lookup only; never iterated
    for (int i = 0; i < addresses.size(); i++) {
      if (!seen.add(addresses.get(i))) {
        errors.add(FieldError.duplicate("status.addresses[" + i + "]",
            GoValues.nodeAddress(addresses.get(i)), "node.address.duplicate"));
      }
    }
    return errors;
  }

  /** {@return {@code podCIDRs}, or {@code [podCIDR]} when only the singular field is set} */
  private static List<String> effectivePodCidrs(NodeSpec spec) {
    if (spec.podCIDRs().isEmpty() && !spec.podCIDR().isEmpty()) {
      return ImmutableList.of(spec.podCIDR());
    }
    return spec.podCIDRs();
  }
}

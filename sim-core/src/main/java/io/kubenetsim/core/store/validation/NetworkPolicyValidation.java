package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.IPBlock;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPeer;
import io.kubenetsim.model.NetworkPolicyPort;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.model.NetworkPolicySpec;
import io.kubenetsim.net.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validates NetworkPolicies as kube-apiserver does ({@code ValidateNetworkPolicy}, {@code
 * ValidateNetworkPolicySpec}, {@code ValidateNetworkPolicyPort}, {@code
 * ValidateNetworkPolicyPeer}, {@code ValidateIPBlock} and {@code ValidateNetworkPolicyUpdate} in
 * {@code pkg/apis/networking/validation/validation.go}), with its field paths and messages.
 *
 * <p>Create, in upstream's order: metadata (namespaced, name a DNS-1123 subdomain); {@code
 * spec.podSelector}; each ingress rule's {@code ports} then {@code from}, then each egress
 * rule's {@code ports} then {@code to}; {@code policyTypes} last. A port is a number in 1..65535
 * or an IANA port name; {@code endPort} needs a numeric {@code port}, at most 65535 and not
 * below it. A peer names at least one of {@code podSelector}, {@code namespaceSelector} and
 * {@code ipBlock}, and an {@code ipBlock} stands alone; its {@code cidr} is required and a CIDR,
 * each {@code except} a CIDR strictly inside it (contained, with a longer prefix). At most two
 * {@code policyTypes}, each {@code Ingress} or {@code Egress} ({@code [Ingress, Ingress]} is
 * accepted, as upstream accepts it).
 *
 * <p>Update ({@code ValidateNetworkPolicyUpdate}): the metadata may not change its identity,
 * and the spec is checked as on create, except that when the stored policy's {@code
 * spec.podSelector} was itself invalid, selector values are no longer checked
 * ({@code ValidationOptionsForNetworking}'s {@code AllowInvalidLabelValueInSelector}), so an
 * object stored by an older, laxer server can still be edited.
 *
 * <p>Simplification: the protocol is a {@code Protocol} enum in the model, so an unsupported
 * one is reported by the manifest decoder (same words, listed {@code "TCP", "UDP", "SCTP"} as
 * here). CIDRs are read in the legacy, sloppy mode that is upstream's default while the
 * {@code StrictIPCIDRValidation} gate is off (see {@link IpRules}); in that mode the update's
 * {@code AllowCIDRsEvenIfInvalid} changes nothing, so it is not modelled.
 *
 * <pre>{@code
 * NetworkPolicyValidation.validateCreate(policy);
 * // for port 80, endPort 79 — upstream quotes the port's value:
 * // [spec.ingress[0].ports[0].endPort: Invalid value: 80: must be greater than or equal to
 * //  `port`]
 * }</pre>
 */
public final class NetworkPolicyValidation {

  /** The policy types upstream allows, in the order its messages list them. */
  static final List<String> POLICY_TYPES =
      ImmutableList.of(NetworkPolicySpec.INGRESS, NetworkPolicySpec.EGRESS);

  private NetworkPolicyValidation() {}

  /** {@return every problem with a NetworkPolicy being created} */
  public static List<FieldError> validateCreate(NetworkPolicy policy) {
    List<FieldError> errors = new ArrayList<>(MetadataRules.validate(
        policy.metadata(), true, NameFormat.DNS1123_SUBDOMAIN, "metadata"));
    errors.addAll(validateSpec(policy.spec(), false, "spec"));
    return ImmutableList.copyOf(errors);
  }

  /** {@return every problem with replacing {@code old} by {@code updated}} */
  public static List<FieldError> validateUpdate(NetworkPolicy old, NetworkPolicy updated) {
    boolean oldSelectorInvalid =
        !SelectorRules.validate(old.spec().podSelector(), "spec.podSelector").isEmpty();
    List<FieldError> errors = new ArrayList<>(
        MetadataRules.validateUpdate(updated.metadata(), old.metadata(), "metadata"));
    errors.addAll(MetadataRules.validate(
        updated.metadata(), true, NameFormat.DNS1123_SUBDOMAIN, "metadata"));
    errors.addAll(validateSpec(updated.spec(), oldSelectorInvalid, "spec"));
    return ImmutableList.copyOf(errors);
  }

  /**
   * {@return every problem with a spec at {@code path}} ({@code ValidateNetworkPolicySpec})
   *
   * @param allowInvalidLabelValues whether selector values may be any string (see the class
   *     comment on updates)
   */
  static List<FieldError> validateSpec(NetworkPolicySpec spec, boolean allowInvalidLabelValues,
      String path) {
    List<FieldError> errors = new ArrayList<>(SelectorRules.validate(spec.podSelector(),
        path + ".podSelector", allowInvalidLabelValues));
    errors.addAll(rules(spec.ingress(), allowInvalidLabelValues, path + ".ingress", "from"));
    errors.addAll(rules(spec.egress(), allowInvalidLabelValues, path + ".egress", "to"));
    errors.addAll(policyTypes(spec.policyTypes(), path + ".policyTypes"));
    return errors;
  }

  private static List<FieldError> rules(List<NetworkPolicyRule> rules,
      boolean allowInvalidLabelValues, String path, String peersField) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      String rulePath = path + "[" + i + "]";
      NetworkPolicyRule rule = rules.get(i);
      for (int j = 0; j < rule.ports().size(); j++) {
        errors.addAll(port(rule.ports().get(j), rulePath + ".ports[" + j + "]"));
      }
      for (int j = 0; j < rule.peers().size(); j++) {
        errors.addAll(peer(rule.peers().get(j), allowInvalidLabelValues,
            rulePath + "." + peersField + "[" + j + "]"));
      }
    }
    return errors;
  }

  /** Upstream's {@code ValidateNetworkPolicyPort}, after the protocol (see the class comment). */
  static List<FieldError> port(NetworkPolicyPort port, String path) {
    List<FieldError> errors = new ArrayList<>();
    Optional<Integer> endPort = port.endPort();
    if (port.port().isEmpty()) {
      endPort.ifPresent(end -> errors.add(FieldError.invalid(path + ".endPort", end,
          "may not be specified when `port` is not specified", "network-policy.end-port.no-port")));
      return errors;
    }
    IntOrString number = port.port().get();
    if (number.isInt()) {
      errors.addAll(ServicePortRules.portNumOrName(number, path + ".port", "network-policy.port"));
      if (endPort.isPresent()) {
        int end = endPort.get();
        if (end < number.intValue().get()) {
          // Upstream names the port's value here, not the endPort's (field.Invalid(endPort,
          // port.Port.IntVal, ...)); kept, since users' scripts match kube-apiserver's text.
          errors.add(FieldError.invalid(path + ".endPort", number.intValue().get(),
              "must be greater than or equal to `port`", "network-policy.end-port.below-port"));
        }
        for (String message : NameRules.portNumber(end)) {
          errors.add(FieldError.invalid(path + ".endPort", end, message,
              "network-policy.end-port.range"));
        }
      }
    } else {
      endPort.ifPresent(end -> errors.add(FieldError.invalid(path + ".endPort", end,
          "may not be specified when `port` is non-numeric",
          "network-policy.end-port.named-port")));
      errors.addAll(ServicePortRules.portNumOrName(number, path + ".port", "network-policy.port"));
    }
    return errors;
  }

  /** Upstream's {@code ValidateNetworkPolicyPeer}. */
  static List<FieldError> peer(NetworkPolicyPeer peer, boolean allowInvalidLabelValues,
      String path) {
    List<FieldError> errors = new ArrayList<>();
    int fields = 0;
    if (peer.podSelector().isPresent()) {
      fields++;
      errors.addAll(SelectorRules.validate(peer.podSelector().get(), path + ".podSelector",
          allowInvalidLabelValues));
    }
    if (peer.namespaceSelector().isPresent()) {
      fields++;
      errors.addAll(SelectorRules.validate(peer.namespaceSelector().get(),
          path + ".namespaceSelector", allowInvalidLabelValues));
    }
    if (peer.ipBlock().isPresent()) {
      fields++;
      errors.addAll(ipBlock(peer.ipBlock().get(), path + ".ipBlock"));
    }
    if (fields == 0) {
      errors.add(FieldError.required(path, "must specify a peer", "network-policy.peer.required"));
    } else if (fields > 1 && peer.ipBlock().isPresent()) {
      errors.add(FieldError.forbidden(path, "may not specify both ipBlock and another peer",
          "network-policy.peer.ip-block-alone"));
    }
    return errors;
  }

  /** Upstream's {@code ValidateIPBlock}, CIDRs read sloppily. */
  static List<FieldError> ipBlock(IPBlock block, String path) {
    List<FieldError> errors = new ArrayList<>();
    if (block.cidr().isEmpty()) {
      errors.add(FieldError.required(path + ".cidr", "", "network-policy.ip-block.cidr.required"));
      return errors;
    }
    Optional<Cidr> cidr = IpRules.sloppyCidr(block.cidr());
    if (cidr.isEmpty()) {
      errors.add(FieldError.invalid(path + ".cidr", block.cidr(), IpRules.INVALID_CIDR,
          "network-policy.ip-block.cidr.format"));
      return errors;
    }
    for (int i = 0; i < block.except().size(); i++) {
      String text = block.except().get(i);
      String exceptPath = path + ".except[" + i + "]";
      Optional<Cidr> except = IpRules.sloppyCidr(text);
      if (except.isEmpty()) {
        errors.add(FieldError.invalid(exceptPath, text, IpRules.INVALID_CIDR,
            "network-policy.ip-block.except.format"));
      } else if (!cidr.get().contains(except.get().network())
          || writtenPrefix(block.cidr()) >= writtenPrefix(text)) {
        // Upstream compares the mask sizes as written (an IPv4-mapped /104 counts as 104).
        errors.add(FieldError.invalid(exceptPath, text, "must be a strict subset of `cidr`",
            "network-policy.ip-block.except.subset"));
      }
    }
    return errors;
  }

  private static int writtenPrefix(String cidr) {
    return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
  }

  private static List<FieldError> policyTypes(List<String> types, String path) {
    List<FieldError> errors = new ArrayList<>();
    if (types.size() > POLICY_TYPES.size()) {
      errors.add(FieldError.invalid(path, types, "may not specify more than two policyTypes",
          "network-policy.policy-types.too-many"));
      return errors;
    }
    for (int i = 0; i < types.size(); i++) {
      if (!POLICY_TYPES.contains(types.get(i))) {
        errors.add(FieldError.notSupported(path + "[" + i + "]", types.get(i), POLICY_TYPES,
            "network-policy.policy-types.supported"));
      }
    }
    return errors;
  }
}

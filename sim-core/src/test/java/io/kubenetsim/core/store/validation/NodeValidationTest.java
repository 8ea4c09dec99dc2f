package io.kubenetsim.core.store.validation;

import static io.kubenetsim.core.store.validation.Errors.assertLines;
import static io.kubenetsim.core.store.validation.Errors.assertRules;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.NodeAddress;
import io.kubenetsim.model.NodeSpec;
import io.kubenetsim.model.NodeStatus;
import io.kubenetsim.model.ObjectMeta;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Node rules: pod CIDR format and families, address checks, and write-once pod CIDRs. */
class NodeValidationTest {

  private static final String BAD_CIDR =
      "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";

  @Test
  void aWellFormedDualStackNodeHasNoErrors() {
    assertLines(NodeValidation.validateCreate(withCidrs("10.244.1.0/24", "fd00:10:1::/64")));
  }

  @Test
  void aNodeIsClusterScoped() {
    Node node = node();
    var errors = NodeValidation.validateCreate(
        node.withMetadata(node.metadata().withNamespace("default")));
    assertLines(errors, "metadata.namespace: Forbidden: not allowed on this type");
  }

  @Test
  void eachPodCidrMustBeACidr() {
    var errors = NodeValidation.validateCreate(withCidrs("10.244.1.0", "fd00::/129"));
    assertLines(errors,
        "spec.podCIDRs[0]: Invalid value: \"10.244.1.0\": " + BAD_CIDR,
        "spec.podCIDRs[1]: Invalid value: \"fd00::/129\": " + BAD_CIDR,
        "spec.podCIDRs: Invalid value: [\"10.244.1.0\",\"fd00::/129\"]: may specify no more than"
            + " one CIDR for each IP family");
    assertRules(errors, "node.pod-cidrs.format", "node.pod-cidrs.format",
        "node.pod-cidrs.dual-stack");
  }

  @Test
  void aSingularPodCidrIsCheckedAsTheFirstOfPodCidrs() {
    Node node = node().withSpec(new NodeSpec("10.244.1.0/33", ImmutableList.of(), false,
        ImmutableList.of()));
    assertLines(NodeValidation.validateCreate(node),
        "spec.podCIDRs[0]: Invalid value: \"10.244.1.0/33\": " + BAD_CIDR);
  }

  @Test
  void podCidrsHoldAtMostOnePerFamilyAndNoDuplicates() {
    var errors = NodeValidation.validateCreate(withCidrs("10.244.1.0/24", "10.244.1.0/24"));
    assertLines(errors,
        "spec.podCIDRs: Invalid value: [\"10.244.1.0/24\",\"10.244.1.0/24\"]: may specify no"
            + " more than one CIDR for each IP family",
        "spec.podCIDRs[1]: Duplicate value: \"10.244.1.0/24\"");
    assertRules(errors, "node.pod-cidrs.dual-stack", "node.pod-cidrs.duplicate");
  }

  @Test
  void threePodCidrsAreTooManyEvenAcrossFamilies() {
    assertRules(NodeValidation.validateCreate(
            withCidrs("10.244.1.0/24", "fd00:10:1::/64", "10.245.1.0/24")),
        "node.pod-cidrs.dual-stack");
  }

  @Test
  void podCidrAndTheFirstPodCidrMustAgree() {
    Node node = node().withSpec(new NodeSpec("10.244.9.0/24",
        ImmutableList.of("10.244.1.0/24"), false, ImmutableList.of()));
    var errors = NodeValidation.validateCreate(node);
    assertLines(errors,
        "spec.podCIDRs[0]: Invalid value: \"10.244.1.0/24\": first value must match `podCIDR`");
    assertRules(errors, "node.pod-cidrs.primary-mismatch");
  }

  @Test
  void addressesNeedAKnownTypeAndIpTypedOnesAValidIp() {
    Node node = node().withStatus(NodeStatus.of(List.of(
        new NodeAddress("PodIP", "10.0.0.1"),
        new NodeAddress(NodeAddress.INTERNAL_IP, "10.0.0.300"),
        new NodeAddress(NodeAddress.HOSTNAME, "node-1"))));
    var errors = NodeValidation.validateCreate(node);
    assertLines(errors,
        "status.addresses[0].type: Unsupported value: \"PodIP\": supported values: \"Hostname\","
            + " \"InternalIP\", \"ExternalIP\", \"InternalDNS\", \"ExternalDNS\"",
        "status.addresses[1].address: Invalid value: \"10.0.0.300\": must be a valid IP address,"
            + " (e.g. 10.9.8.7 or 2001:db8::ffff)");
    assertRules(errors, "node.address.type", "node.address.ip");
  }

  @Test
  void podCidrsMayBeAssignedOnceButNotChanged() {
    Node unassigned = node();
    Node assigned = withCidrs("10.244.1.0/24");
    assertLines(NodeValidation.validateUpdate(unassigned, assigned));
    var errors = NodeValidation.validateUpdate(assigned, withCidrs("10.244.2.0/24"));
    assertLines(errors, "spec.podCIDRs: Forbidden: node updates may not change podCIDR except"
        + " from \"\" to valid");
    assertRules(errors, "node.update.pod-cidrs-changed");
  }

  @Test
  void anUpdateMayNotListTheSameAddressTwice() {
    Node node = node();
    NodeAddress ip = new NodeAddress(NodeAddress.INTERNAL_IP, "192.168.0.11");
    var errors = NodeValidation.validateUpdate(node,
        node.withStatus(NodeStatus.of(List.of(ip, ip))));
    assertLines(errors, "status.addresses[1]: Duplicate value:"
        + " {\"type\":\"InternalIP\",\"address\":\"192.168.0.11\"}");
  }

  @Test
  void anUpdateMayNotRenameTheNode() {
    Node node = node();
    assertLines(NodeValidation.validateUpdate(node,
        node.withMetadata(ObjectMeta.named("node-2"))),
        "metadata.name: Invalid value: \"node-2\": field is immutable");
  }

  private static Node node() {
    return Node.of("node-1", "192.168.0.11");
  }

  private static Node withCidrs(String... cidrs) {
    return node().withSpec(NodeSpec.empty().withPodCIDRs(List.of(cidrs)));
  }
}

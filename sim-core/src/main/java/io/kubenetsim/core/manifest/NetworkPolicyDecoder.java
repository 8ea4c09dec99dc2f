package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.IPBlock;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPeer;
import io.kubenetsim.model.NetworkPolicyPort;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.model.NetworkPolicySpec;
import io.kubenetsim.net.Protocol;
import java.util.Optional;

/**
 * Decodes a {@code networking.k8s.io/v1} NetworkPolicy: metadata and every {@code spec} field
 * ({@code podSelector}, {@code policyTypes}, {@code ingress[].ports/from}, {@code
 * egress[].ports/to}), strictly — NetworkPolicy has no {@code status} (upstream tombstoned it),
 * so one is an unknown field.
 *
 * <p>Kept as written for validation to judge: selectors (a peer's absent selector stays empty,
 * {@code {}} stays present and selects everything), {@code policyTypes} (empty when absent; the
 * API server's defaulting fills it, see {@code NetworkPolicyDefaults}), CIDRs, port names and
 * numbers, {@code endPort}. One default is applied here, as upstream's {@code
 * SetDefaults_NetworkPolicyPort} does on decoding: an absent {@code protocol} is {@code TCP}.
 * An unsupported protocol, {@code ""} included (upstream's field is a pointer, so an empty
 * string is not defaulted), is reported as validation words it, supported values listed {@code
 * "TCP", "UDP", "SCTP"}.
 *
 * <pre>{@code
 * NetworkPolicy p = (NetworkPolicy) new ManifestReader().read(yaml, "p.yaml").get(0).object();
 * }</pre>
 */
final class NetworkPolicyDecoder implements KindDecoder<NetworkPolicy> {
  /** Rule id of the decode-stage error for a protocol other than TCP, UDP and SCTP. */
  static final String PROTOCOL_RULE = "network-policy.port.protocol";

  @Override
  public String apiVersion() {
    return NetworkPolicy.API_VERSION;
  }

  @Override
  public String kind() {
    return NetworkPolicy.KIND;
  }

  @Override
  public boolean namespaced() {
    return true;
  }

  @Override
  public NetworkPolicy decode(ObjectCursor root) {
    return new NetworkPolicy(
        ObjectMetaDecoder.decode(root.object("metadata", "v1.ObjectMeta"), true),
        spec(root.object("spec", "v1.NetworkPolicySpec")));
  }

  private static NetworkPolicySpec spec(ObjectCursor spec) {
    LabelSelector podSelector =
        LabelSelectorDecoder.decode(spec.object("podSelector", "v1.LabelSelector"));
    ImmutableList.Builder<NetworkPolicyRule> ingress = ImmutableList.builder();
    for (ObjectCursor rule : spec.objects("ingress", "v1.NetworkPolicyIngressRule")) {
      ingress.add(rule(rule, "from"));
    }
    ImmutableList.Builder<NetworkPolicyRule> egress = ImmutableList.builder();
    for (ObjectCursor rule : spec.objects("egress", "v1.NetworkPolicyEgressRule")) {
      egress.add(rule(rule, "to"));
    }
    return new NetworkPolicySpec(podSelector, spec.typedStrings("policyTypes", "v1.PolicyType"),
        ingress.build(), egress.build());
  }

  private static NetworkPolicyRule rule(ObjectCursor rule, String peersField) {
    ImmutableList.Builder<NetworkPolicyPort> ports = ImmutableList.builder();
    for (ObjectCursor port : rule.objects("ports", "v1.NetworkPolicyPort")) {
      ports.add(port(port));
    }
    ImmutableList.Builder<NetworkPolicyPeer> peers = ImmutableList.builder();
    for (ObjectCursor peer : rule.objects(peersField, "v1.NetworkPolicyPeer")) {
      peers.add(peer(peer));
    }
    return new NetworkPolicyRule(ports.build(), peers.build());
  }

  private static NetworkPolicyPort port(ObjectCursor port) {
    return new NetworkPolicyPort(protocol(port), port.intOrString("port"),
        port.optionalInt32("endPort"));
  }

  private static Protocol protocol(ObjectCursor port) {
    Optional<JsonNode> raw = port.raw("protocol");
    if (raw.isPresent() && raw.get().isTextual() && raw.get().textValue().isEmpty()) {
      port.error(FieldError.notSupported(port.fieldPath("protocol"), "",
          ProtocolDecoder.NETWORK_POLICY_ORDER, PROTOCOL_RULE));
      return Protocol.TCP;
    }
    return ProtocolDecoder.decode(port, PROTOCOL_RULE, ProtocolDecoder.NETWORK_POLICY_ORDER);
  }

  private static NetworkPolicyPeer peer(ObjectCursor peer) {
    Optional<LabelSelector> pods = peer.optionalObject("podSelector", "v1.LabelSelector")
        .map(LabelSelectorDecoder::decode);
    Optional<LabelSelector> namespaces = peer
        .optionalObject("namespaceSelector", "v1.LabelSelector")
        .map(LabelSelectorDecoder::decode);
    Optional<IPBlock> ipBlock = peer.optionalObject("ipBlock", "v1.IPBlock")
        .map(block -> IPBlock.of(block.string("cidr"), block.strings("except")));
    return new NetworkPolicyPeer(pods, namespaces, ipBlock);
  }
}

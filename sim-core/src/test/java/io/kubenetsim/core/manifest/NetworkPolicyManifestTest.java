package io.kubenetsim.core.manifest;

import static io.kubenetsim.core.manifest.ManifestAssertions.assertGolden;
import static io.kubenetsim.core.manifest.ManifestAssertions.assertRoundTrips;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.NetworkPolicyBuilder;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPeer;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.net.Protocol;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code networking.k8s.io/v1} NetworkPolicy manifests in and out: a document using every field
 * reads as the record the fluent builder makes for the same policy (so the builder and YAML
 * agree), the writer prints it as the hand-written golden file (checked against the Go types'
 * {@code omitempty} tags), both round-trip, and decode errors read as kube-apiserver's:
 * strict unknown fields, Go type errors, unsupported protocols listed in NetworkPolicy's order.
 */
class NetworkPolicyManifestTest {
  private static final String EVERYTHING = String.join("\n",
      "apiVersion: networking.k8s.io/v1",
      "kind: NetworkPolicy",
      "metadata:",
      "  name: everything",
      "  namespace: x",
      "  labels: {team: net}",
      "spec:",
      "  podSelector:",
      "    matchLabels: {pod: a}",
      "  policyTypes: [Ingress, Egress]",
      "  ingress:",
      "  - from:",
      "    - podSelector:",
      "        matchExpressions:",
      "        - {key: pod, operator: In, values: [b, c]}",
      "      namespaceSelector:",
      "        matchLabels: {ns: \"y\"}",
      "    - podSelector: {}",
      "    - namespaceSelector: {}",
      "    ports:",
      "    - port: 80",
      "    - {port: serve-81-udp, protocol: UDP}",
      "    - protocol: SCTP",
      "  egress:",
      "  - to:",
      "    - ipBlock:",
      "        cidr: 10.0.0.0/8",
      "        except: [10.1.0.0/16, 10.2.0.0/16]",
      "    ports:",
      "    - {port: 32000, endPort: 32768}",
      "  - {}",
      "");

  private static final String POLICY = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n"
      + "metadata: {name: p, namespace: x}\n";
  private static final String CANNOT_HANDLE = "error decoding NetworkPolicy \"x/p\" from "
      + "\"f.yaml\" (document 1): NetworkPolicy in version \"v1\" cannot be handled as a "
      + "NetworkPolicy: ";

  private final ManifestReader reader = new ManifestReader();
  private final ManifestWriter writer = new ManifestWriter();

  /** The policy of {@link #EVERYTHING}, described with the fluent builder. */
  private static NetworkPolicy everything() {
    return new NetworkPolicyBuilder(NamespacedName.parse("x/everything"), p -> p)
        .label("team", "net")
        .podSelector("pod", "a")
        .policyTypes("Ingress", "Egress")
        .ingress(r -> r.fromPodsInNamespaces("pod in (b,c)", "ns=y")
            .from(NetworkPolicyPeer.pods(LabelSelector.everything())).fromNamespaces("")
            .port(80).port("serve-81-udp", Protocol.UDP).allPorts(Protocol.SCTP))
        .egress(r -> r.toIpBlock("10.0.0.0/8", "10.1.0.0/16", "10.2.0.0/16")
            .portRange(32000, 32768))
        .allowAllEgress()
        .build();
  }

  private NetworkPolicy read(String yaml) {
    return (NetworkPolicy) reader.read(yaml, "f.yaml").get(0).object();
  }

  @Test
  void everyFieldReadsAsTheBuilderDescribesTheSamePolicy() {
    assertEquals(everything(), read(EVERYTHING));
  }

  @Test
  void writerPrintsWhatKubectlGetPrints() throws IOException {
    NetworkPolicy stored = everything().withMetadata(everything().metadata().withServerFields(
        "5b2f0c1d-0000-4000-8000-000000000008", 12, 1,
        Optional.of(Instant.parse("2026-01-01T00:00:05Z"))));
    assertGolden("networkpolicy.yaml", writer.toYaml(stored));
  }

  @Test
  void everyShapeRoundTripsThroughYamlAndJson() {
    NetworkPolicy denyAll = new NetworkPolicyBuilder(NamespacedName.parse("x/deny"), p -> p)
        .build();
    List<KubernetesObject> objects = List.of(everything(), denyAll);
    assertRoundTrips(writer, reader, objects, objects);
  }

  @Test
  void absentAndEmptyPeerSelectorsStayDistinct() {
    // A pointer in Go: `podSelector: {}` selects all pods, no podSelector selects none of them.
    ObjectNode tree = writer.toTree(everything());
    assertEquals("{\"namespaceSelector\":{}}",
        tree.at("/spec/ingress/0/from/2").toString());
    assertEquals("{\"podSelector\":{}}", tree.at("/spec/ingress/0/from/1").toString());
    assertEquals("{}", tree.at("/spec/egress/1").toString(), "the rule {} allows all");
    assertEquals("{\"protocol\":\"SCTP\"}", tree.at("/spec/ingress/0/ports/2").toString());
  }

  @Test
  void policyTypesAndRulesAreKeptAsWrittenForTheServerToDefault() {
    NetworkPolicy minimal = read(POLICY + "spec: {podSelector: {}}\n");
    assertEquals(List.of(), minimal.spec().policyTypes());
    assertEquals(List.of(), minimal.spec().ingress());
    NetworkPolicy noSpec = read(POLICY);
    assertEquals(LabelSelector.everything(), noSpec.spec().podSelector());
    assertEquals(List.of(NetworkPolicyRule.allowAll()),
        read(POLICY + "spec:\n  ingress: [{}]\n").spec().ingress());
  }

  static Stream<Arguments> decodeErrors() {
    return Stream.of(
        Arguments.of("unknown rule field",
            POLICY + "spec:\n  ingress:\n  - fromm: []\n",
            CANNOT_HANDLE + "strict decoding error: unknown field \"spec.ingress[0].fromm\""),
        Arguments.of("an ingress rule has no 'to'",
            POLICY + "spec:\n  ingress:\n  - to: []\n",
            CANNOT_HANDLE + "strict decoding error: unknown field \"spec.ingress[0].to\""),
        Arguments.of("NetworkPolicy has no status",
            POLICY + "spec: {}\nstatus: {}\n",
            CANNOT_HANDLE + "strict decoding error: unknown field \"status\""),
        Arguments.of("unknown ipBlock field",
            POLICY + "spec:\n  egress:\n  - to:\n    - ipBlock: {cidr: 10.0.0.0/8, exclude: []}\n",
            CANNOT_HANDLE + "strict decoding error: unknown field "
                + "\"spec.egress[0].to[0].ipBlock.exclude\""),
        Arguments.of("endPort as a string",
            POLICY + "spec:\n  ingress:\n  - ports:\n    - {port: 80, endPort: \"90\"}\n",
            CANNOT_HANDLE + "json: cannot unmarshal string into Go struct field "
                + "NetworkPolicyPort.spec.ingress.ports.endPort of type int32"),
        Arguments.of("port as a boolean",
            POLICY + "spec:\n  egress:\n  - ports:\n    - port: true\n",
            CANNOT_HANDLE + "json: cannot unmarshal bool into Go value of type int32"),
        Arguments.of("protocol as a number",
            POLICY + "spec:\n  ingress:\n  - ports:\n    - protocol: 6\n",
            CANNOT_HANDLE + "json: cannot unmarshal number into Go struct field "
                + "NetworkPolicyPort.spec.ingress.ports.protocol of type v1.Protocol"),
        Arguments.of("a policy type as a number",
            POLICY + "spec:\n  policyTypes: [1]\n",
            CANNOT_HANDLE + "json: cannot unmarshal number into Go struct field "
                + "NetworkPolicySpec.spec.policyTypes of type v1.PolicyType"),
        Arguments.of("peers as a map",
            POLICY + "spec:\n  ingress:\n  - from: {podSelector: {}}\n",
            CANNOT_HANDLE + "json: cannot unmarshal object into Go struct field "
                + "NetworkPolicyIngressRule.spec.ingress.from of type []v1.NetworkPolicyPeer"),
        Arguments.of("unsupported protocol, listed as NetworkPolicy validation lists them",
            POLICY + "spec:\n  ingress:\n  - ports:\n    - {port: 80, protocol: HTTP}\n",
            "error decoding NetworkPolicy \"x/p\" from \"f.yaml\" (document 1): "
                + "spec.ingress[0].ports[0].protocol: Unsupported value: \"HTTP\": supported "
                + "values: \"TCP\", \"UDP\", \"SCTP\""),
        Arguments.of("an empty protocol is not defaulted: the field is a pointer",
            POLICY + "spec:\n  egress:\n  - ports:\n    - {port: 53, protocol: \"\"}\n",
            "error decoding NetworkPolicy \"x/p\" from \"f.yaml\" (document 1): "
                + "spec.egress[0].ports[0].protocol: Unsupported value: \"\": supported "
                + "values: \"TCP\", \"UDP\", \"SCTP\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decodeErrors")
  void decodeErrorsReadAsKubeApiserversWithTheDocument(String name, String yaml,
      String expected) {
    ManifestDecodeException e =
        assertThrows(ManifestDecodeException.class, () -> reader.read(yaml, "f.yaml"));
    assertEquals(expected, e.getMessage());
  }

  @Test
  void theKindIsRegisteredUnderItsGroupVersionOnly() {
    // networking.k8s.io/v1 only: the old extensions/v1beta1 form is gone from current servers.
    assertTrue(KindRegistry.defaults().decoder("networking.k8s.io/v1", "NetworkPolicy")
        .isPresent());
    assertTrue(KindRegistry.defaults().decoder("extensions/v1beta1", "NetworkPolicy").isEmpty());
  }
}

package io.kubenetsim.core.manifest;

import static io.kubenetsim.core.manifest.ManifestAssertions.assertGolden;
import static io.kubenetsim.core.manifest.ManifestAssertions.assertRoundTrips;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubenetsim.ConfigMapBuilder;
import io.kubenetsim.model.ByteString;
import io.kubenetsim.model.ConfigMap;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.NamespacedName;
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
 * {@code v1} ConfigMap manifests in and out: text and base64 binary data, {@code immutable},
 * the golden file of CoreDNS's ConfigMap as {@code kubectl get -o yaml} prints it, round trips,
 * and decode errors in kube-apiserver's words (Go's base64 offsets included).
 */
class ConfigMapManifestTest {
  private static final String COREFILE = ".:53 {\n    errors\n    health\n"
      + "    kubernetes cluster.local in-addr.arpa ip6.arpa\n    forward . /etc/resolv.conf\n"
      + "    cache 30\n}\n";
  private static final String CM = "apiVersion: v1\nkind: ConfigMap\n"
      + "metadata: {name: cfg, namespace: shop}\n";
  private static final String CANNOT_HANDLE = "error decoding ConfigMap \"shop/cfg\" from "
      + "\"f.yaml\" (document 1): ConfigMap in version \"v1\" cannot be handled as a ConfigMap: ";

  private final ManifestReader reader = new ManifestReader();
  private final ManifestWriter writer = new ManifestWriter();

  private static ConfigMap coredns() {
    return new ConfigMapBuilder(NamespacedName.parse("kube-system/coredns"), m -> m)
        .data("Corefile", COREFILE).build();
  }

  private ConfigMap read(String yaml) {
    return (ConfigMap) reader.read(yaml, "f.yaml").get(0).object();
  }

  @Test
  void writerPrintsWhatKubectlGetPrints() throws IOException {
    ConfigMap stored = coredns().withMetadata(coredns().metadata().withServerFields(
        "5b2f0c1d-0000-4000-8000-000000000053", 7, 1,
        Optional.of(Instant.parse("2026-01-01T00:00:00Z"))));
    assertGolden("configmap.yaml", writer.toYaml(stored));
  }

  @Test
  void textBinaryAndImmutableReadAsTheBuilderDescribesThem() {
    ConfigMap built = new ConfigMapBuilder(NamespacedName.parse("shop/cfg"), m -> m)
        .data("mode", "a").binaryData("blob", ByteString.of(new byte[] {0, 1, 2, (byte) 255}))
        .immutable().build();
    assertEquals(built, read(CM + "data: {mode: a}\nbinaryData: {blob: AAEC/w==}\n"
        + "immutable: true\n"));
  }

  @Test
  void configMapsRoundTripThroughYamlAndJson() {
    ConfigMap binary = new ConfigMapBuilder(NamespacedName.parse("shop/cfg"), m -> m)
        .binaryData("empty", ByteString.of(new byte[0]))
        .binaryData("blob", ByteString.utf8("héllo")).build()
        .withImmutable(Optional.of(false));
    List<KubernetesObject> objects = List.of(coredns(), binary);
    assertRoundTrips(writer, reader, objects, objects);
  }

  static Stream<Arguments> decodeErrors() {
    return Stream.of(
        Arguments.of("bad base64 at byte 8, as Go's decoder counts",
            CM + "binaryData: {blob: \"AAECAwQF!!!!\"}\n",
            CANNOT_HANDLE + "illegal base64 data at input byte 8"),
        Arguments.of("missing padding", CM + "binaryData: {blob: AAE}\n",
            CANNOT_HANDLE + "illegal base64 data at input byte 0"),
        Arguments.of("a number as text", CM + "data: {port: 53}\n",
            CANNOT_HANDLE + "json: cannot unmarshal number into Go struct field "
                + "ConfigMap.data of type string"),
        Arguments.of("a number as bytes", CM + "binaryData: {blob: 1}\n",
            CANNOT_HANDLE + "json: cannot unmarshal number into Go struct field "
                + "ConfigMap.binaryData of type []uint8"),
        Arguments.of("unknown field", CM + "spec: {}\n",
            CANNOT_HANDLE + "strict decoding error: unknown field \"spec\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decodeErrors")
  void decodeErrorsReadAsKubeApiserversWithTheDocument(String name, String yaml,
      String expected) {
    ManifestDecodeException e =
        assertThrows(ManifestDecodeException.class, () -> reader.read(yaml, "f.yaml"));
    assertEquals(expected, e.getMessage());
  }
}

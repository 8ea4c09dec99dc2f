package io.kubenetsim.core.manifest;

import static io.kubenetsim.core.manifest.ManifestAssertions.assertGolden;
import static io.kubenetsim.core.manifest.ManifestAssertions.assertRoundTrips;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubenetsim.StatefulSetBuilder;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.PodManagementPolicy;
import io.kubenetsim.model.StatefulSet;
import io.kubenetsim.model.StatefulSetStatus;
import io.kubenetsim.model.StatefulSetUpdateStrategy;
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
 * {@code apps/v1} StatefulSet manifests in and out: a document with the fields the simulation
 * models reads as the record the fluent builder makes, the writer prints a stored set as the
 * golden file (checked against the Go types' {@code omitempty} tags), sets round-trip through
 * YAML and JSON, unset enumerations stay unset for the API server's defaulting, fields that are
 * not modelled are accepted, and decode errors read as kube-apiserver's, the unknown fields
 * handled strictly as for Deployments.
 */
class StatefulSetManifestTest {
  private static final String WEB = String.join("\n",
      "apiVersion: apps/v1",
      "kind: StatefulSet",
      "metadata: {name: web, namespace: shop, labels: {app: web}}",
      "spec:",
      "  replicas: 3",
      "  serviceName: web",
      "  selector: {matchLabels: {app: web}}",
      "  podManagementPolicy: Parallel",
      "  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 1}}",
      "  minReadySeconds: 5",
      "  ordinals: {start: 2}",
      "  persistentVolumeClaimRetentionPolicy: {whenDeleted: Retain, whenScaled: Retain}",
      "  template:",
      "    metadata: {labels: {app: web}}",
      "    spec:",
      "      containers:",
      "      - name: web",
      "        image: registry.k8s.io/e2e-test-images/agnhost:2.53",
      "        ports: [{name: http, containerPort: 8080}]",
      "");
  private static final String SET = "apiVersion: apps/v1\nkind: StatefulSet\n"
      + "metadata: {name: web, namespace: shop}\n";
  private static final String CANNOT_HANDLE = "error decoding StatefulSet \"shop/web\" from "
      + "\"f.yaml\" (document 1): StatefulSet in version \"v1\" cannot be handled as a "
      + "StatefulSet: ";

  private final ManifestReader reader = new ManifestReader();
  private final ManifestWriter writer = new ManifestWriter();

  /** The set of {@link #WEB}, described with the fluent builder. */
  private static StatefulSet web() {
    return new StatefulSetBuilder(NamespacedName.parse("shop/web"), s -> null)
        .replicas(3).serviceName("web").label("app", "web").containerPort("http", 8080)
        .podManagementPolicy(PodManagementPolicy.PARALLEL)
        .updateStrategy(StatefulSetUpdateStrategy.rollingUpdate(1)).minReadySeconds(5)
        .ordinalsStart(2).build();
  }

  private StatefulSet read(String yaml) {
    return (StatefulSet) reader.read(yaml, "f.yaml").get(0).object();
  }

  @Test
  void theModelledFieldsReadAsTheBuilderDescribesTheSameSet() {
    assertEquals(web(), read(WEB));
  }

  @Test
  void writerPrintsWhatKubectlGetPrints() throws IOException {
    StatefulSet stored = web().withMetadata(web().metadata().withServerFields(
        "5b2f0c1d-0000-4000-8000-000000000031", 40, 2,
        Optional.of(Instant.parse("2026-01-01T00:00:05Z"))))
        .withStatus(new StatefulSetStatus(2, 3, 3, 1, 2, 3, "web-6c8f9d7b5", "web-5d4b8c9f7"));
    assertGolden("statefulset.yaml", writer.toYaml(stored));
  }

  @Test
  void setsRoundTripThroughYamlAndJson() {
    StatefulSet onDelete = web().withSpec(web().spec()
        .withUpdateStrategy(StatefulSetUpdateStrategy.onDelete()).withOrdinalsStart(0)
        .withPodManagementPolicy(PodManagementPolicy.ORDERED_READY));
    List<KubernetesObject> objects = List.of(web(), onDelete);
    assertRoundTrips(writer, reader, objects, objects);
  }

  @Test
  void unsetFieldsStayUnsetForTheApiServerToDefault() {
    StatefulSet minimal = read(SET + "spec: {selector: {matchLabels: {a: b}}}\n");
    assertEquals(1, minimal.spec().replicas());
    assertEquals(10, minimal.spec().revisionHistoryLimit());
    assertEquals("", minimal.spec().podManagementPolicy());
    assertEquals(new StatefulSetUpdateStrategy("", Optional.empty()),
        minimal.spec().updateStrategy());
    assertEquals(new StatefulSetUpdateStrategy("RollingUpdate", Optional.of(0)),
        read(SET + "spec: {updateStrategy: {type: RollingUpdate, rollingUpdate: {}}}\n")
            .spec().updateStrategy(), "a rollingUpdate block without partition means 0");
  }

  @Test
  void volumeClaimTemplatesAndMaxUnavailableAreAcceptedAndDropped() {
    StatefulSet set = read(SET + "spec:\n  volumeClaimTemplates: [{metadata: {name: data}}]\n"
        + "  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 2}}\n");
    assertEquals(StatefulSetUpdateStrategy.rollingUpdate(0), set.spec().updateStrategy());
  }

  static Stream<Arguments> decodeErrors() {
    return Stream.of(
        Arguments.of("unknown spec field", SET + "spec: {serviceNam: web}\n",
            CANNOT_HANDLE + "strict decoding error: unknown field \"spec.serviceNam\""),
        Arguments.of("unknown strategy field",
            SET + "spec: {updateStrategy: {rollingUpdate: {partion: 1}}}\n",
            CANNOT_HANDLE + "strict decoding error: unknown field "
                + "\"spec.updateStrategy.rollingUpdate.partion\""),
        Arguments.of("replicas as a string", SET + "spec: {replicas: \"3\"}\n",
            CANNOT_HANDLE + "json: cannot unmarshal string into Go struct field "
                + "StatefulSetSpec.spec.replicas of type int32"),
        Arguments.of("partition as a string",
            SET + "spec: {updateStrategy: {rollingUpdate: {partition: one}}}\n",
            CANNOT_HANDLE + "json: cannot unmarshal string into Go struct field "
                + "RollingUpdateStatefulSetStrategy.spec.updateStrategy.rollingUpdate.partition"
                + " of type int32"),
        Arguments.of("a policy as a number", SET + "spec: {podManagementPolicy: 1}\n",
            CANNOT_HANDLE + "json: cannot unmarshal number into Go struct field "
                + "StatefulSetSpec.spec.podManagementPolicy of type v1.PodManagementPolicyType"));
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

package io.kubenetsim.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubenetsim.ApiException;
import io.kubenetsim.manifest.ManifestException;
import io.kubenetsim.manifest.ManifestSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Decode errors, each with its exact message: kubectl's wording plus the document index and the
 * object. Matching whole lines is enough because every part of the message is asserted.
 */
class ManifestReaderErrorsTest {
  private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n"
      + "  namespace: shop\n";

  private final ManifestReader reader = new ManifestReader();

  static List<Arguments> cases() {
    return List.of(
        Arguments.of("yaml syntax",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web: x\n",
            "error parsing f.yaml (document 1): error converting YAML to JSON: yaml: line 4: "
                + "mapping values are not allowed in this context"),
        Arguments.of("apiVersion missing",
            "kind: Pod\nmetadata: {name: web}\n",
            "error validating \"f.yaml\" (document 1): error validating data: apiVersion not set"),
        Arguments.of("kind missing",
            "apiVersion: v1\nmetadata: {name: web}\n",
            "error validating \"f.yaml\" (document 1): error validating data: kind not set"),
        Arguments.of("both missing",
            "metadata: {name: web}\n",
            "error validating \"f.yaml\" (document 1): error validating data: "
                + "[apiVersion not set, kind not set]"),
        Arguments.of("kind not a string",
            "apiVersion: v1\nkind: [Pod]\n",
            "error validating \"f.yaml\" (document 1): error validating data: "
                + "kind isn't string type"),
        Arguments.of("not a mapping",
            "- apiVersion: v1\n",
            "error validating \"f.yaml\" (document 1): error validating data: "
                + "invalid object to validate"),
        Arguments.of("unknown kind",
            "apiVersion: v1\nkind: Servce\nmetadata:\n  name: web\n  namespace: shop\n",
            "resource mapping not found for name: \"web\" namespace: \"shop\" from \"f.yaml\" "
                + "(document 1): no matches for kind \"Servce\" in version \"v1\"; "
                + "ensure CRDs are installed first"),
        Arguments.of("unknown version",
            "apiVersion: apps/v2\nkind: Deployment\nmetadata:\n  name: web\n",
            "resource mapping not found for name: \"web\" namespace: \"\" from \"f.yaml\" "
                + "(document 1): no matches for kind \"Deployment\" in version \"apps/v2\"; "
                + "ensure CRDs are installed first"),
        Arguments.of("unknown field",
            POD + "spec:\n  portz: 80\n  containers: []\n",
            "error decoding Pod \"shop/web\" from \"f.yaml\" (document 1): Pod in version "
                + "\"v1\" cannot be handled as a Pod: strict decoding error: "
                + "unknown field \"spec.portz\""),
        Arguments.of("unknown nested field names indices, as kube-apiserver does",
            POD + "spec:\n  containers:\n  - name: a\n    imagee: nginx\n",
            "error decoding Pod \"shop/web\" from \"f.yaml\" (document 1): Pod in version "
                + "\"v1\" cannot be handled as a Pod: strict decoding error: "
                + "unknown field \"spec.containers[0].imagee\""),
        Arguments.of("field names are case-sensitive",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {Replicas: 2}\n",
            "error decoding Deployment \"web\" from \"f.yaml\" (document 1): Deployment in version "
                + "\"v1\" cannot be handled as a Deployment: strict decoding error: "
                + "unknown field \"spec.Replicas\""),
        Arguments.of("duplicate key",
            POD + "  name: again\nspec: {containers: []}\n",
            "error decoding Pod \"shop/again\" from \"f.yaml\" (document 1): Pod in version "
                + "\"v1\" cannot be handled as a Pod: strict decoding error: "
                + "duplicate field \"metadata.name\""),
        Arguments.of("wrong JSON type",
            POD + "spec:\n  containers:\n  - name: a\n    ports:\n    - containerPort: \"80\"\n",
            "error decoding Pod \"shop/web\" from \"f.yaml\" (document 1): Pod in version "
                + "\"v1\" cannot be handled as a Pod: json: cannot unmarshal string into Go "
                + "struct field ContainerPort.spec.containers.ports.containerPort of type int32"),
        Arguments.of("number too large",
            POD + "spec:\n  containers:\n  - name: a\n    ports:\n    - containerPort: 1.5\n",
            "error decoding Pod \"shop/web\" from \"f.yaml\" (document 1): Pod in version "
                + "\"v1\" cannot be handled as a Pod: json: cannot unmarshal number 1.5 into Go "
                + "struct field ContainerPort.spec.containers.ports.containerPort of type int32"),
        Arguments.of("list where a struct is expected",
            POD + "spec: [1]\n",
            "error decoding Pod \"shop/web\" from \"f.yaml\" (document 1): Pod in version "
                + "\"v1\" cannot be handled as a Pod: json: cannot unmarshal array into Go "
                + "struct field Pod.spec of type v1.PodSpec"),
        Arguments.of("numeric label value",
            POD + "  labels:\n    version: 1\nspec: {containers: []}\n",
            "error decoding Pod \"shop/web\" from \"f.yaml\" (document 1): Pod in version "
                + "\"v1\" cannot be handled as a Pod: json: cannot unmarshal number into Go "
                + "struct field ObjectMeta.metadata.labels of type string"),
        Arguments.of("boolean label value",
            POD + "  labels:\n    canary: true\nspec: {containers: []}\n",
            "error decoding Pod \"shop/web\" from \"f.yaml\" (document 1): Pod in version "
                + "\"v1\" cannot be handled as a Pod: json: cannot unmarshal bool into Go "
                + "struct field ObjectMeta.metadata.labels of type string"),
        Arguments.of("unsupported protocol",
            POD + "spec:\n  containers:\n  - name: a\n    ports:\n    - containerPort: 80\n"
                + "      protocol: HTTP\n",
            "error decoding Pod \"shop/web\" from \"f.yaml\" (document 1): "
                + "spec.containers[0].ports[0].protocol: Unsupported value: \"HTTP\": "
                + "supported values: \"SCTP\", \"TCP\", \"UDP\""),
        Arguments.of("protocol in a deployment template",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n"
                + "    spec:\n      containers:\n      - name: a\n        ports:\n"
                + "        - {containerPort: 80, protocol: tcp}\n",
            "error decoding Deployment \"web\" from \"f.yaml\" (document 1): "
                + "spec.template.spec.containers[0].ports[0].protocol: Unsupported value: "
                + "\"tcp\": supported values: \"SCTP\", \"TCP\", \"UDP\""),
        Arguments.of("bad node capacity",
            "apiVersion: v1\nkind: Node\nmetadata: {name: n}\nstatus: {capacity: {pods: 1k}}\n",
            "error decoding Node \"n\" from \"f.yaml\" (document 1): status.capacity.pods: "
                + "Invalid value: \"1k\": must be a whole number of pods, such as \"110\""),
        Arguments.of("bad document separator",
            "apiVersion: v1\n--- junk\n",
            "error parsing f.yaml (document 1): invalid Yaml document separator: junk"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decodeErrorsReadAsKubectlWithDocumentAndObject(String name, String text, String expected) {
    ManifestDecodeException e =
        assertThrows(ManifestDecodeException.class, () -> reader.read(text, "f.yaml"));
    assertEquals(expected, e.getMessage());
    assertEquals(ApiException.Reason.BAD_REQUEST, e.reason());
  }

  @Test
  void everyDocumentsProblemsAreReportedInOneExceptionOnePerLine() {
    // Document 2 has a syntax error; scanning resumes at the next "---", so 3 and 4 are still
    // checked and their problems listed, in document order.
    String text = POD + "spec:\n  containers: []\n"
        + "---\nkind: Pod\nmetadata:\n  name: a: b\n"
        + "---\n" + POD + "  labels: {version: 2}\nspec:\n  containerz: []\n"
        + "---\napiVersion: v1\nkind: Servce\nmetadata: {name: web}\n";
    ManifestDecodeException e =
        assertThrows(ManifestDecodeException.class, () -> reader.read(text, "app.yaml"));
    List<String> lines = List.of(e.getMessage().split("\n"));
    assertEquals(4, lines.size(), e.getMessage());
    assertEquals(List.of(2, 3, 3, 4), e.problems().stream().map(DecodeProblem::documentIndex)
        .collect(Collectors.toList()));
    assertEquals("error parsing app.yaml (document 2): error converting YAML to JSON: yaml: "
        + "line 3: mapping values are not allowed in this context", lines.get(0));
    assertEquals("error decoding Pod \"shop/web\" from \"app.yaml\" (document 3): Pod in version"
        + " \"v1\" cannot be handled as a Pod: json: cannot unmarshal number into Go struct "
        + "field ObjectMeta.metadata.labels of type string", lines.get(1));
    assertEquals("error decoding Pod \"shop/web\" from \"app.yaml\" (document 3): Pod in version"
        + " \"v1\" cannot be handled as a Pod: strict decoding error: unknown field "
        + "\"spec.containerz\"", lines.get(2));
    DecodeProblem problem = e.problems().get(1);
    assertEquals(List.of("Pod", "shop", "web"),
        List.of(problem.kind(), problem.namespace(), problem.name()));
    assertEquals(Optional.of(new ManifestSource("app.yaml", 3)), problem.source());
  }

  @Test
  void problemsOfListItemsAreReportedAgainstTheListsDocument() {
    String text = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n"
        + "  metadata: {name: ok}\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: x}\n"
        + "  metadata: {name: y}\n";
    ManifestDecodeException e =
        assertThrows(ManifestDecodeException.class, () -> reader.read(text, "l.yaml"));
    assertEquals("error decoding Namespace \"y\" from \"l.yaml\" (document 1): Namespace in "
        + "version \"v1\" cannot be handled as a Namespace: strict decoding error: "
        + "duplicate field \"metadata\"", e.getMessage());
  }

  @Test
  void jsonSyntaxErrorNamesTheDocumentOfTheStream() {
    String text = "{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", "
        + "\"metadata\": {\"name\": \"a\"}}"
        + "\n{\"apiVersion\": \"v1\",}";
    ManifestDecodeException e =
        assertThrows(ManifestDecodeException.class, () -> reader.read(text, "a.json"));
    assertEquals(2, e.problems().get(0).documentIndex());
    assertEquals(true, e.getMessage().startsWith("error parsing a.json (document 2): json: "
        + "line 2: Unexpected character"), e.getMessage());
  }

  @Test
  void missingPathIsReportedAsKubectlDoes() {
    ManifestException e = assertThrows(ManifestException.class,
        () -> reader.read(Path.of("src/test/resources/manifests/nope.yaml")));
    assertEquals("the path \"src/test/resources/manifests/nope.yaml\" does not exist",
        e.getMessage());
  }
}

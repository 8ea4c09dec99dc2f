package io.kubenetsim.core.store.validation;

import static io.kubenetsim.core.store.validation.Errors.assertLines;
import static io.kubenetsim.core.store.validation.Errors.assertRules;

import io.kubenetsim.model.Labels;
import io.kubenetsim.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Metadata rules shared by every kind. Each test builds one broken {@code ObjectMeta} and pins
 * the full rendered error list, so both the path (labels at the map, not at a key) and the
 * wording are checked.
 */
class MetadataRulesTest {

  private static final String NAME_PART_REGEX = "name part must consist of alphanumeric"
      + " characters, '-', '_' or '.', and must start and end with an alphanumeric character"
      + " (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is"
      + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  private static final String VALUE_REGEX = "a valid label must be an empty string or consist of"
      + " alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric"
      + " character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is"
      + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

  @Test
  void anEmptyNameWithoutGenerateNameIsRequired() {
    var errors = validate(ObjectMeta.named("shop", ""), true);
    assertLines(errors, "metadata.name: Required value: name or generateName is required");
    assertRules(errors, "meta.name.required");
  }

  @Test
  void aGenerateNameStandsInForTheNameAndMayEndInADash() {
    assertLines(validate(ObjectMeta.named("shop", "").withGenerateName("web-"), true));
  }

  @Test
  void aMalformedGenerateNameIsReportedAtItsOwnPath() {
    var errors = validate(ObjectMeta.named("shop", "").withGenerateName("Web-"), true);
    assertRules(errors, "meta.generate-name.format");
  }

  @Test
  void aNamespacedObjectNeedsAValidNamespace() {
    assertLines(validate(ObjectMeta.named("", "web"), true), "metadata.namespace: Required value");
    assertRules(validate(ObjectMeta.named("shop.eu", "web"), true), "meta.namespace.format");
  }

  @Test
  void aClusterScopedObjectMayNotHaveANamespace() {
    var errors = validate(ObjectMeta.named("shop", "node-1"), false);
    assertLines(errors, "metadata.namespace: Forbidden: not allowed on this type");
    assertRules(errors, "meta.namespace.forbidden");
  }

  @Test
  void labelErrorsAreReportedAtTheMapWithTheKeyOrTheValue() {
    var errors = validate(ObjectMeta.named("shop", "web")
        .withLabels(Labels.of(Map.of("app name", "web", "tier", "front end"))), true);
    assertLines(errors,
        "metadata.labels: Invalid value: \"app name\": " + NAME_PART_REGEX,
        "metadata.labels: Invalid value: \"front end\": " + VALUE_REGEX);
    assertRules(errors, "label.key", "label.value");
  }

  @Test
  void labelErrorsComeInKeyOrderWhateverOrderTheMapWasBuiltIn() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("zeta", "bad value");
    labels.put("alpha", "bad value!");
    var errors = validate(ObjectMeta.named("shop", "web").withLabels(Labels.of(labels)), true);
    assertLines(errors,
        "metadata.labels: Invalid value: \"bad value!\": " + VALUE_REGEX,
        "metadata.labels: Invalid value: \"bad value\": " + VALUE_REGEX);
  }

  @Test
  void annotationKeysIgnoreCaseButNotShape() {
    var errors = validate(ObjectMeta.named("shop", "web").withAnnotations(Map.of(
        "Example.COM/Owner", "team-a", "bad key", "x")), true);
    assertLines(errors, "metadata.annotations: Invalid value: \"bad key\": " + NAME_PART_REGEX);
    assertRules(errors, "annotation.key");
  }

  @Test
  void annotationsLargerThan256KibAreTooLong() {
    var errors = validate(ObjectMeta.named("shop", "web")
        .withAnnotations(Map.of("blob", "x".repeat(256 * 1024))), true);
    assertLines(errors, "metadata.annotations: Too long: may not be more than 262144 bytes");
    assertRules(errors, "annotation.too-long");
  }

  @Test
  void nameNamespaceAndUidAreImmutableOnUpdate() {
    ObjectMeta old = ObjectMeta.named("shop", "web").withServerFields("uid-1", 3, 1,
        java.util.Optional.empty());
    ObjectMeta renamed = ObjectMeta.named("shop-2", "web-2").withServerFields("uid-2", 3, 1,
        java.util.Optional.empty());
    var errors = MetadataRules.validateUpdate(renamed, old, "metadata");
    assertLines(errors,
        "metadata.name: Invalid value: \"web-2\": field is immutable",
        "metadata.namespace: Invalid value: \"shop-2\": field is immutable",
        "metadata.uid: Invalid value: \"uid-2\": field is immutable");
    assertRules(errors, "meta.immutable", "meta.immutable", "meta.immutable");
  }

  @Test
  void anUpdateWithoutUidKeepsTheStoredOne() {
    ObjectMeta old = ObjectMeta.named("shop", "web").withServerFields("uid-1", 3, 1,
        java.util.Optional.empty());
    assertLines(MetadataRules.validateUpdate(ObjectMeta.named("shop", "web"), old, "metadata"));
  }

  private static java.util.List<io.kubenetsim.manifest.FieldError> validate(
      ObjectMeta meta, boolean namespaced) {
    return MetadataRules.validate(meta, namespaced, NameFormat.DNS1123_SUBDOMAIN, "metadata");
  }
}

package io.kubenetsim.core.store.validation;

import static io.kubenetsim.core.store.validation.Errors.assertLines;
import static io.kubenetsim.core.store.validation.Errors.assertRules;

import io.kubenetsim.model.Namespace;
import org.junit.jupiter.api.Test;

/** Namespace rules: a DNS-1123 label name, cluster-scoped, immutable name. */
class NamespaceValidationTest {

  @Test
  void aWellFormedNamespaceHasNoErrors() {
    assertLines(NamespaceValidation.validateCreate(Namespace.of("kube-system")));
  }

  @Test
  void aNamespaceNameMayNotContainDots() {
    var errors = NamespaceValidation.validateCreate(Namespace.of("shop.eu"));
    assertLines(errors, "metadata.name: Invalid value: \"shop.eu\": must not contain dots");
    assertRules(errors, "meta.name.format");
  }

  @Test
  void aNamespaceNameIsAtMost63Characters() {
    String name = "n".repeat(64);
    assertLines(NamespaceValidation.validateCreate(Namespace.of(name)),
        "metadata.name: Invalid value: \"" + name + "\": must be no more than 63 characters");
  }

  @Test
  void aNamespaceMayNotItselfHaveANamespace() {
    Namespace namespace = Namespace.of("shop");
    assertLines(NamespaceValidation.validateCreate(
        namespace.withMetadata(namespace.metadata().withNamespace("default"))),
        "metadata.namespace: Forbidden: not allowed on this type");
  }

  @Test
  void anUpdateMayNotRenameTheNamespace() {
    Namespace old = Namespace.of("shop");
    var errors = NamespaceValidation.validateUpdate(old,
        old.withMetadata(old.metadata().withName("store")));
    assertLines(errors, "metadata.name: Invalid value: \"store\": field is immutable");
    assertRules(errors, "meta.immutable");
  }
}

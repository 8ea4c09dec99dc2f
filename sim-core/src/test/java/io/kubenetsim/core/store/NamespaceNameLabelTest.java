package io.kubenetsim.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.validation.ObjectValidator;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Namespace;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The API server keeps {@code kubernetes.io/metadata.name} on every Namespace, whoever writes
 * it: a user's create or update, or a component's patch that replaces the labels. Policies
 * select namespaces by that label, so losing it would silently change who may reach whom.
 */
class NamespaceNameLabelTest {

  @Test
  void aComponentPatchThatReplacesTheLabelsKeepsTheNameLabel() {
    ApiStore store = new ApiStore(new Simulator(1, Instant.parse("2026-01-01T00:00:00Z")),
        new ObjectValidator());
    store.create(Namespace.of("shop"), "Created", "test");
    Optional<Namespace> patched = store.patch(Namespace.class, NamespacedName.of("", "shop"),
        n -> n.withMetadata(n.metadata().withLabels(Labels.of("team", "a"))), "Patched",
        "labels replaced");
    assertEquals("shop", patched.orElseThrow().metadata().labels().asMap()
        .get(Namespace.NAME_LABEL));
    assertEquals("a", patched.orElseThrow().metadata().labels().asMap().get("team"));
  }
}

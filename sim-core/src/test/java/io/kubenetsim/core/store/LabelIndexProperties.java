package io.kubenetsim.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.validation.ObjectValidator;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Pod;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Listing by selector through the store's label index gives exactly what filtering the
 * namespace gives, after any sequence of creates, relabels and removals, for selectors with
 * equality pairs, set expressions, or both.
 */
class LabelIndexProperties {
  private static final List<String> SELECTORS = List.of("app=a", "app=b", "app=a,tier=x",
      "tier=y", "app in (a,b)", "app=a,!tier", "tier", "app=c", "", "app!=a");

  record Op(int kind, int pod, String namespace, Map<String, String> labels) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Map<String, String>> labels = Arbitraries.maps(Arbitraries.of("app", "tier"),
        Arbitraries.of("a", "b", "x", "y")).ofMaxSize(2);
    return Combinators.combine(Arbitraries.integers().between(0, 2),
        Arbitraries.integers().between(0, 5), Arbitraries.of("one", "two"), labels)
        .as(Op::new).list().ofMaxSize(40);
  }

  @Property(tries = 100)
  void indexedListsEqualAScan(@ForAll("ops") List<Op> ops) {
    ApiStore store = new ApiStore(new Simulator(3, Instant.parse("2026-01-01T00:00:00Z")),
        new ObjectValidator());
    store.create(Namespace.of("one"), "test", "");
    store.create(Namespace.of("two"), "test", "");
    for (Op op : ops) {
      NamespacedName name = NamespacedName.of(op.namespace(), "p" + op.pod());
      boolean exists = store.get(Pod.class, name).isPresent();
      Labels labels = Labels.of(new TreeMap<>(op.labels()));
      if (op.kind() == 2 && exists) {
        store.remove(store.get(Pod.class, name).orElseThrow().ref(), "test", "");
      } else if (exists) {
        store.patch(Pod.class, name, p -> p.withMetadata(p.metadata().withLabels(labels)),
            "test", "");
      } else {
        store.create(Pod.of(op.namespace(), name.name(), labels,
            Container.of("app", "nginx", List.of())), "test", "");
      }
      for (String namespace : List.of("one", "two")) {
        for (String text : SELECTORS) {
          LabelSelector selector = LabelSelector.parse(text);
          List<Pod> scanned = store.list(Pod.class, namespace).stream()
              .filter(p -> selector.matches(p.metadata().labels())).toList();
          assertEquals(scanned, store.list(Pod.class, namespace, selector),
              "selector '" + text + "' in " + namespace + " after " + op);
        }
      }
    }
  }
}

package io.kubenetsim.core.store.validation;

import static io.kubenetsim.core.store.validation.Errors.assertLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.model.Container;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Pod;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The entry point routes each kind to its rules and refuses kinds it has no rules for. */
class ObjectValidatorTest {

  private final ObjectValidator validator = new ObjectValidator();

  @Test
  void eachKnownKindReachesItsOwnRules() {
    assertLines(validator.validateCreate(Namespace.of("shop.eu")),
        "metadata.name: Invalid value: \"shop.eu\": must not contain dots");
    assertLines(validator.validateCreate(Pod.of("shop", "web-0", Labels.none())),
        "spec.containers: Required value");
    assertLines(validator.validateCreate(Node.of("node-1", "10.0.0.300")),
        "status.addresses[0].address: Invalid value: \"10.0.0.300\": must be a valid IP"
            + " address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
    assertLines(validator.validateCreate(DeploymentValidationTest.deployment()));
  }

  @Test
  void updatesReachTheKindsUpdateRules() {
    Pod pod = Pod.of("shop", "web-0", Labels.none(), Container.of("web", "nginx", List.of()));
    assertEquals(PodValidation.validateUpdate(pod, pod.withMetadata(pod.metadata()
            .withName("web-1"))),
        validator.validateUpdate(pod, pod.withMetadata(pod.metadata().withName("web-1"))));
  }

  @Test
  void anUnknownKindIsRefusedWithAMessageNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> validator.validateCreate(new Unknown()));
    assertTrue(e.getMessage().contains("no validation rules for kind Widget"), e.getMessage());
  }

  @Test
  void anUpdateMayNotChangeTheKind() {
    assertThrows(IllegalArgumentException.class,
        () -> validator.validateUpdate(Namespace.of("shop"), Node.of("shop", "10.0.0.1")));
  }

  /** A kind the validator has never heard of. */
  private static final class Unknown implements KubernetesObject {
    @Override
    public ObjectMeta metadata() {
      return ObjectMeta.named("shop", "w");
    }

    @Override
    public String kind() {
      return "Widget";
    }

    @Override
    public String apiVersion() {
      return "example.com/v1";
    }

    @Override
    public KubernetesObject withMetadata(ObjectMeta metadata) {
      return this;
    }
  }
}

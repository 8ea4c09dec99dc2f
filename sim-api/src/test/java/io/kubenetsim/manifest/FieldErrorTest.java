package io.kubenetsim.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each error type renders in apimachinery's words, value shown only where upstream shows it. */
class FieldErrorTest {

  @Test
  void everyTypeRendersAsKubeApiserverPrintsIt() {
    assertEquals("spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive",
        FieldError.invalid("spec.ports[0].port", 0, "must be between 1 and 65535, inclusive", "r")
            .toString());
    assertEquals("spec.ports[1].name: Required value",
        FieldError.required("spec.ports[1].name", "", "r").toString());
    assertEquals("spec.containers[0].ports[1].name: Duplicate value: \"http\"",
        FieldError.duplicate("spec.containers[0].ports[1].name", "http", "r").toString());
    assertEquals("spec.sessionAffinity: Unsupported value: \"Cookie\": supported values: "
            + "\"ClientIP\", \"None\"",
        FieldError.notSupported("spec.sessionAffinity", "Cookie", List.of("ClientIP", "None"),
            "r").toString());
    assertEquals("spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
        FieldError.forbidden("spec.ports[0].nodePort",
            "may not be used when `type` is 'ClusterIP'", "r").toString());
    assertEquals("endpoints: Too many: 1001: must have at most 1000 items",
        FieldError.tooMany("endpoints", 1001, 1000, "r").toString());
  }

  @Test
  void valuesRenderAsGoPrintsThem() {
    assertEquals("\"a \\\"quoted\\\" name\"", FieldError.render("a \"quoted\" name"));
    assertEquals("[\"10.96.0.61\"]", FieldError.render(List.of("10.96.0.61")));
    assertEquals("true", FieldError.render(true));
  }

  @Test
  void pathsNestUnderAPrefix() {
    assertEquals("spec.template.spec.containers[0].image: Required value",
        FieldError.required("spec.containers[0].image", "", "r").under("spec.template")
            .toString());
  }
}

package io.kubenetsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * kubectl's {@code -l} syntax reads into the selector kubectl would send, and matching follows
 * apimachinery: {@code NotIn} and {@code !=} match objects without the key.
 */
class LabelSelectorTest {

  @Test
  void everyOperatorIsReadAndPrintedBack() {
    LabelSelector s = LabelSelector.parse("app=web, tier in (fe,be),!canary,gpu,env!=prod,x==1");
    assertEquals("app=web,x=1,tier in (fe,be),!canary,gpu,env notin (prod)", s.toString());
    assertEquals(s, LabelSelector.parse(s.toString()));
  }

  @Test
  void matchingFollowsApimachinery() {
    LabelSelector s = LabelSelector.parse("app=web,tier in (fe,be),!canary,gpu,env!=prod");
    assertTrue(s.matches(Labels.of(Map.of("app", "web", "tier", "fe", "gpu", ""))));
    assertFalse(s.matches(Labels.of(Map.of("app", "web", "tier", "fe", "gpu", "",
        "canary", "true"))), "!canary excludes objects with the key");
    assertFalse(s.matches(Labels.of(Map.of("app", "web", "tier", "fe", "gpu", "",
        "env", "prod"))), "env!=prod excludes env=prod");
    assertFalse(s.matches(Labels.of(Map.of("app", "web", "tier", "qa", "gpu", ""))));
  }

  @Test
  void emptyTextSelectsEverything() {
    assertTrue(LabelSelector.parse("").isEmpty());
    assertTrue(LabelSelector.parse("").matches(Labels.parse("any=thing")));
  }

  @Test
  void unreadableTextNamesThePosition() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LabelSelector.parse("app in (web"));
    assertEquals("unable to parse selector \"app in (web\" at position 11: "
        + "unexpected end of selector", e.getMessage());
  }
}

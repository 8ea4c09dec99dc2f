package io.kubenetsim.core.kubectl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.Labels;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code -l} text becomes the selector kubectl would send, whichever path (sim-api's parser or
 * the stopgap) reads it; the printed form proves every requirement was read with its operator.
 */
class SelectorParsingTest {

  @Test
  void everyOperatorIsRead() {
    LabelSelector s = SelectorParsing.parse("app=web, tier in (fe,be),!canary,gpu,env!=prod,x==1");
    assertEquals("app=web,!canary,env notin (prod),gpu,tier in (be,fe),x=1",
        ContainerCells.selector(s));
    assertTrue(s.matches(Labels.of(Map.of("app", "web", "tier", "fe", "gpu", "", "x", "1"))));
    assertFalse(s.matches(Labels.of(Map.of("app", "web", "tier", "fe", "gpu", "", "x", "1",
        "canary", "true"))));
  }

  @Test
  void emptyTextSelectsEverythingAndBadTextNamesThePosition() {
    assertTrue(SelectorParsing.parse("").isEmpty());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SelectorParsing.parse("app in (web"));
    assertEquals("unable to parse selector \"app in (web\" at position 11: "
        + "unexpected end of selector", e.getMessage());
  }
}

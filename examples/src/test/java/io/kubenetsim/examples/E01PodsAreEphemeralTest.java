package io.kubenetsim.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.examples.E01PodsAreEphemeral.Story;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/**
 * Example 01 claims a replacement pod gets a new name and a new IP. The returned story carries
 * both pods, so the claim is checked on values, and the printed text is checked to tell the
 * same story the values do. Running it twice also shows the example is deterministic.
 */
class E01PodsAreEphemeralTest {

  @Test
  void replacementPodHasAnotherNameAndAnotherIpFromTheSamePodRange() {
    PrintStream discard = new PrintStream(new ByteArrayOutputStream(), true, UTF_8);
    Story story = E01PodsAreEphemeral.run(discard);
    assertNotEquals(story.oldName(), story.newName(), "expected a new pod, not the old one");
    assertNotEquals(story.oldIp(), story.newIp(), "expected the replacement to get a new IP");
    assertTrue(story.newIp().startsWith("10.244."),
        "expected an IP from the cluster CIDR 10.244.0.0/16, got " + story.newIp());
  }

  @Test
  void printedStoryNamesBothIpsAndIsTheSameEveryRun() {
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    Story story = E01PodsAreEphemeral.run(new PrintStream(first, true, UTF_8));
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    E01PodsAreEphemeral.run(new PrintStream(second, true, UTF_8));
    String text = first.toString(UTF_8);
    assertEquals(text, second.toString(UTF_8), "expected the same story every run");
    assertTrue(text.contains("The replacement is " + story.newName() + " with IP "
        + story.newIp() + ", not " + story.oldIp()), "story text: " + text);
    assertTrue(text.contains("Running"), "expected the pod table in: " + text);
  }
}

package io.kubenetsim.core.kubectl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link DescribeWriter} against Go's {@code text/tabwriter} rules as kubectl configures it
 * (min width 0, padding 2): expected strings were worked out by hand from Go's {@code format}
 * and match real {@code kubectl describe service} output, e.g. {@code Port:} lines whose name
 * column is sized by that line alone.
 */
class DescribeWriterTest {

  @Test
  void firstColumnIsWidestKeyPlusTwoAcrossTheBlock() {
    String text = new DescribeWriter()
        .line("Name:\tweb")
        .line("Internal Traffic Policy:\tCluster")
        .render();
    assertEquals("Name:                     web\n"
        + "Internal Traffic Policy:  Cluster\n", text);
  }

  @Test
  void aSecondColumnIsSizedOnlyByTheConsecutiveLinesThatHaveIt() {
    // "Port:" and "NodePort:" lines are not adjacent, so each sizes its name column alone.
    String text = new DescribeWriter()
        .line("Port:\t<unset>\t80/TCP")
        .line("TargetPort:\t8080/TCP")
        .line("NodePort:\thttp\t31380/TCP")
        .render();
    assertEquals("Port:        <unset>  80/TCP\n"
        + "TargetPort:  8080/TCP\n"
        + "NodePort:    http  31380/TCP\n", text);
  }

  @Test
  void tabEndedCellsArePaddedEvenWhenNothingFollows() {
    String text = new DescribeWriter()
        .line("IP:\t")
        .line("Labels:\tapp=web")
        .line("\ttier=front")
        .render();
    assertEquals("IP:      \n"
        + "Labels:  app=web\n"
        + "         tier=front\n", text);
  }

  @Test
  void aLineWithoutTabsEndsTheBlock() {
    String text = new DescribeWriter()
        .line("A:\t1")
        .line("no tabs here")
        .line("Longer key:\t2")
        .render();
    assertEquals("A:  1\nno tabs here\nLonger key:  2\n", text);
  }
}

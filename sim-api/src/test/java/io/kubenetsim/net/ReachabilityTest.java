package io.kubenetsim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reachability tables print as upstream's e2e truth tables (header {@code -}, {@code .}
 * allowed, {@code X} denied, tab-separated), compare cell by cell with a readable list of
 * differences, and are values: equal tables are equal, whichever factory built them.
 */
class ReachabilityTest {
  private static final List<String> PODS = List.of("x/a", "x/b", "y/a");

  @Test
  void printsAsAnE2eTruthTable() {
    Reachability table = Reachability.expect(PODS, PODS, 80, Protocol.TCP, true)
        .denyTo("x/a").allowSelf().build();
    assertEquals(String.join("\n",
        "-\tx/a\tx/b\ty/a",
        "x/a\t.\t.\t.",
        "x/b\tX\t.\t.",
        "y/a\tX\t.\t."), table.toString());
    assertEquals(7, table.allowedCount());
  }

  @Test
  void differencesListTheCellsThatDisagreeInRowOrder() {
    Reachability expected = Reachability.expect(PODS, PODS, 80, Protocol.TCP, true).build();
    Reachability actual = Reachability.expect(PODS, PODS, 80, Protocol.TCP, true)
        .deny("y/a", "x/b").deny("x/a", "y/a").build();
    assertEquals(List.of("x/a -> y/a: expected ., got X", "y/a -> x/b: expected ., got X"),
        actual.differences(expected));
    assertTrue(actual.diff(expected).endsWith("2 cells differ:\n  x/a -> y/a: expected ., got X"
        + "\n  y/a -> x/b: expected ., got X"), actual.diff(expected));
    assertEquals(List.of(), expected.differences(expected));
  }

  @Test
  void tablesOverOtherPodsPortsOrProtocolsDoNotCompare() {
    Reachability tcp = Reachability.expect(PODS, PODS, 80, Protocol.TCP, true).build();
    Reachability udp = Reachability.expect(PODS, PODS, 80, Protocol.UDP, true).build();
    assertThrows(IllegalArgumentException.class, () -> tcp.differences(udp));
    assertNotEquals(tcp, udp);
  }

  @Test
  void everyFactoryGivesTheSameValue() {
    Reachability byName = Reachability.of(80, Protocol.TCP, PODS, PODS,
        (s, d) -> s.startsWith("x") || s.equals(d));
    Reachability byPosition = Reachability.ofCells(80, Protocol.TCP, PODS, PODS,
        (r, c) -> r < 2 || r == c);
    assertEquals(byName, byPosition);
    assertEquals(byName.hashCode(), byPosition.hashCode());
    assertFalse(byName.allowed("y/a", "x/a"));
  }

  @Test
  void unknownAndRepeatedNamesAreRefusedWithTheKnownOnes() {
    Reachability table = Reachability.expect(PODS, PODS, 80, Protocol.TCP, true).build();
    assertTrue(assertThrows(IllegalArgumentException.class, () -> table.allowed("z/a", "x/a"))
        .getMessage().contains("sources: [x/a, x/b, y/a]"));
    assertThrows(IllegalArgumentException.class, () -> Reachability.of(80, Protocol.TCP,
        List.of("x/a", "x/a"), PODS, (s, d) -> true));
  }

  @Test
  void whatToStringPrintsParsesBackToTheSameTable() {
    Reachability table = Reachability.of(80, Protocol.TCP, PODS, List.of("x/a", "y/a"),
        (s, d) -> s.startsWith("x") || s.equals(d));
    assertEquals(table, Reachability.parse(80, Protocol.TCP, table.toString()));
    assertEquals(table, Reachability.parse(80, Protocol.TCP, """
        -    x/a  y/a
        x/a  .    .
        x/b  .    .
        y/a  X    .
        """), "spaces and a text block's indentation read as tabs");
  }

  @Test
  void aMalformedTableNamesTheLineAndTheCell() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Reachability.parse(80,
        Protocol.TCP, "-\tx/a\nx/a\tY")).getMessage().contains("line 2: cell 1 is 'Y'"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Reachability.parse(80,
        Protocol.TCP, "-\tx/a\tx/b\nx/a\t.")).getMessage().contains("line 2: expected"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Reachability.parse(80,
        Protocol.TCP, "x/a\t.")).getMessage().startsWith("line 1: expected a header"));
  }
}

package io.kubenetsim.core.kubectl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The tabwriter rule: non-last columns are max(6, longest cell + 3) wide; the last is not. */
class TableWriterTest {

  @Test
  void shortColumnsGetTheMinimumWidthOfSix() {
    // "A" and "bb" are both shorter than 3, so their column is 6 wide, not 1 + 3 or 2 + 3.
    String table = TableWriter.render(List.of("a", "b"), List.of(List.of("bb", "c")));
    assertEquals("A     B\nbb    c\n", table);
  }

  @Test
  void longCellsWidenTheirColumnByThreeSpacesOfPadding() {
    String table = TableWriter.render(List.of("Name", "Ready", "Status"),
        List.of(List.of("web-5d9c8-x2kqz", "1/1", "Running"), List.of("db-0", "0/1", "Pending")));
    assertEquals(
        "NAME              READY   STATUS\n"
            + "web-5d9c8-x2kqz   1/1     Running\n"
            + "db-0              0/1     Pending\n",
        table);
  }

  @Test
  void headerIsUpperCasedIncludingMultiWordNames() {
    String table = TableWriter.render(List.of("Nominated Node", "Up-to-date"), List.of());
    assertEquals("NOMINATED NODE   UP-TO-DATE\n", table);
  }

  @Test
  void lastColumnIsNeverPaddedAndLinesHaveNoTrailingSpaces() {
    // An empty last cell would leave the previous column's padding dangling; it is stripped.
    String table = TableWriter.render(List.of("Name", "Selector"),
        List.of(List.of("web", ""), List.of("a-much-longer-name", "app=web")));
    assertEquals("NAME                 SELECTOR\nweb\na-much-longer-name   app=web\n", table);
  }

  @Test
  void widthCountsCodePointsAsGoCountsRunes() {
    // Each 𝄞 is one rune but two UTF-16 units: counting chars would make the column 13 wide.
    String table = TableWriter.render(List.of("a", "b"),
        List.of(List.of("𝄞𝄞𝄞𝄞𝄞", "x")));
    assertEquals("A       B\n𝄞𝄞𝄞𝄞𝄞   x\n", table);
  }

  @Test
  void rowWithWrongNumberOfCellsIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TableWriter.render(List.of("a", "b"), List.of(List.of("only-one"))));
    assertEquals(true, e.getMessage().contains("has 1 cells but the header"), e.getMessage());
  }
}

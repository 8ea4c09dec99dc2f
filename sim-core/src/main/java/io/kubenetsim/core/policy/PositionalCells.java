package io.kubenetsim.core.policy;

import io.kubenetsim.net.Reachability;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * A finished table's cells (a bit set per row), answered to {@link Reachability#of}, which
 * asks by name: it asks row by row, so each answer checks by identity that the names asked are
 * the next cell's, and looks them up only when not. One use, one thread.
 */
final class PositionalCells implements BiPredicate<String, String> {
  private final List<String> from;
  private final List<String> to;
  private final long[][] cells;
  private int row;
  private int column;
  private Map<String, Integer> rowIndex;
  private Map<String, Integer> columnIndex;

  PositionalCells(List<String> from, List<String> to, long[][] cells) {
    this.from = from;
    this.to = to;
    this.cells = cells;
  }

  @Override
  public boolean test(String source, String destination) {
    if (row >= from.size() || from.get(row) != source || to.get(column) != destination) {
      row = lookUp(source, true);
      column = lookUp(destination, false);
    }
    boolean allowed = Bits.get(cells[row], column);
    if (++column == to.size()) {
      column = 0;
      row++;
    }
    return allowed;
  }

  private int lookUp(String name, boolean isRow) {
    if (rowIndex == null) {
      rowIndex = positions(from);
      columnIndex = positions(to);
    }
    return (isRow ? rowIndex : columnIndex).get(name);
  }

  private static Map<String, Integer> positions(List<String> names) {
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      out.putIfAbsent(names.get(i), i);
    }
    return out;
  }
}

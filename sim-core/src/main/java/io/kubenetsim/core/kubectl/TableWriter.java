package io.kubenetsim.core.kubectl;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays out a table as {@code kubectl get} does: header names upper-cased, columns aligned the
 * way kubectl's tabwriter aligns them (cli-runtime {@code printers.GetNewTabWriter}: min width 6,
 * padding 3, pad character space).
 *
 * <p>Each column but the last is {@code max(6, longest cell + 3)} characters wide, counting
 * Unicode code points as Go's tabwriter counts runes; the last column is not padded.
 * Simplification: trailing spaces are stripped from every line, so an empty last cell leaves no
 * padding behind (real kubectl would print it). Stateless and thread-safe.
 *
 * <pre>{@code
 * TableWriter.render(List.of("Name", "Status"), List.of(List.of("web-0", "Running")));
 * // "NAME    STATUS\nweb-0   Running\n"
 * }</pre>
 */
public final class TableWriter {

  /** kubectl's {@code tabwriterMinWidth}. */
  static final int MIN_WIDTH = 6;

  /** kubectl's {@code tabwriterPadding}. */
  static final int PADDING = 3;

  private TableWriter() {}

  /**
   * {@return the table as text, one line per row after the header, each ending in a newline}
   *
   * @throws IllegalArgumentException when a row has a different number of cells than the header
   */
  public static String render(List<String> header, List<? extends List<String>> rows) {
    List<List<String>> lines = new ArrayList<>(rows.size() + 1);
    List<String> upper = new ArrayList<>(header.size());
    header.forEach(name -> upper.add(name.toUpperCase(Locale.ROOT)));
    lines.add(upper);
    for (List<String> row : rows) {
      checkArgument(row.size() == header.size(),
          "row %s has %s cells but the header %s has %s", row, row.size(), header, header.size());
      lines.add(row);
    }
    int[] widths = columnWidths(lines, header.size());
    StringBuilder out = new StringBuilder();
    for (List<String> line : lines) {
      appendLine(out, line, widths);
    }
    return out.toString();
  }

  /** The width of every column but the last; the last is never padded, so it needs none. */
  private static int[] columnWidths(List<List<String>> lines, int columns) {
    int[] widths = new int[columns];
    for (int c = 0; c < columns - 1; c++) {
      int width = MIN_WIDTH;
      for (List<String> line : lines) {
        width = Math.max(width, displayWidth(line.get(c)) + PADDING);
      }
      widths[c] = width;
    }
    return widths;
  }

  private static void appendLine(StringBuilder out, List<String> cells, int[] widths) {
    int start = out.length();
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c);
      out.append(cell);
      if (c < cells.size() - 1) {
        out.append(" ".repeat(widths[c] - displayWidth(cell)));
      }
    }
    int end = out.length();
    while (end > start && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
    out.append('\n');
  }

  private static int displayWidth(String cell) {
    return cell.codePointCount(0, cell.length());
  }
}

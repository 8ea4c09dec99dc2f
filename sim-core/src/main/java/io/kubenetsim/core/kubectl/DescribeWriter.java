package io.kubenetsim.core.kubectl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects {@code kubectl describe} text written with tab-separated cells and lays it out the
 * way kubectl's {@code tabbedString} does: Go's {@code text/tabwriter} with min width 0,
 * padding 2, pad character space and no flags ({@code tabwriter.NewWriter(buf, 0, 8, 2, ' ',
 * 0)} in kubectl {@code pkg/describe/describe.go}).
 *
 * <p>The layout rule, reproduced from Go's {@code Writer.format}: a cell is text ended by a tab;
 * the text after a line's last tab belongs to no column. A <em>column block</em> is a run of
 * consecutive lines that all have a tab-ended cell in that column; the column is as wide as its
 * widest cell plus 2 within its block, and blocks nest from left to right. Every tab-ended cell
 * is padded to its column's width, even an empty one and even when nothing follows, so a line
 * such as {@code IP:\t} ends in spaces exactly as real kubectl's does. Widths count Unicode code
 * points, as Go counts runes. Not thread-safe; use one writer per description.
 *
 * <pre>{@code
 * DescribeWriter w = new DescribeWriter();
 * w.line("Name:\tweb");
 * w.line("Port:\thttp\t80/TCP");
 * w.render();  // "Name:  web\nPort:  http  80/TCP\n"
 * }</pre>
 */
final class DescribeWriter {

  /** Go tabwriter's {@code padding} as kubectl sets it. */
  static final int PADDING = 2;

  /** kubectl's {@code maxAnnotationLen}: longer annotations print on their own lines. */
  static final int MAX_ANNOTATION_LENGTH = 140;

  /** kubectl's {@code skipAnnotations}: never printed by describe. */
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private final List<String[]> lines = new ArrayList<>();

  /** Adds one line; {@code text} holds no newline, its cells are separated by tabs. */
  DescribeWriter line(String text) {
    lines.add(text.split("\t", -1));
    return this;
  }

  /** kubectl's {@code printLabelsMultiline}: the first label beside the title, one per line. */
  DescribeWriter labels(String title, Map<String, String> labels) {
    if (labels.isEmpty()) {
      return line(title + ":\t<none>");
    }
    String prefix = title + ":\t";
    for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
      line(prefix + label.getKey() + "=" + label.getValue());
      prefix = "\t";
    }
    return this;
  }

  /**
   * kubectl's {@code printAnnotationsMultiline}: {@code key: value} sorted by key, the
   * last-applied configuration skipped; a value that is long or spans lines goes below its key,
   * each line indented two spaces and cut at 138 characters plus {@code ...}.
   */
  DescribeWriter annotations(String title, Map<String, String> annotations) {
    TreeMap<String, String> shown = new TreeMap<>(annotations);
    shown.remove(LAST_APPLIED);
    if (shown.isEmpty()) {
      return line(title + ":\t<none>");
    }
    String prefix = title + ":\t";
    for (Map.Entry<String, String> annotation : shown.entrySet()) {
      String key = annotation.getKey();
      String value = annotation.getValue();
      if (value.endsWith("\n")) {
        value = value.substring(0, value.length() - 1);
      }
      if (value.length() + key.length() + 2 > MAX_ANNOTATION_LENGTH || value.contains("\n")) {
        line(prefix + key + ":");
        for (String part : value.split("\n", -1)) {
          line("\t  " + shorten(part, MAX_ANNOTATION_LENGTH - 2));
        }
      } else {
        line(prefix + key + ": " + value);
      }
      prefix = "\t";
    }
    return this;
  }

  private static String shorten(String text, int max) {
    return text.length() > max ? text.substring(0, max) + "..." : text;
  }

  /** {@return the laid-out text, every line ending in a newline} */
  String render() {
    StringBuilder out = new StringBuilder();
    format(out, new ArrayList<>(), 0, lines.size());
    return out.toString();
  }

  /**
   * Go's {@code Writer.format}: finds the blocks of column {@code widths.size()} among lines
   * {@code [from, to)}, pushes each block's width and recurses into the next column; lines
   * outside any block are written with the widths known so far.
   */
  private void format(StringBuilder out, List<Integer> widths, int from, int to) {
    int column = widths.size();
    int line0 = from;
    int line = from;
    while (line < to) {
      if (column >= lines.get(line).length - 1) {
        line++;
        continue;
      }
      writeLines(out, widths, line0, line);
      int blockStart = line;
      int width = 0;
      while (line < to && column < lines.get(line).length - 1) {
        width = Math.max(width, displayWidth(lines.get(line)[column]) + PADDING);
        line++;
      }
      widths.add(width);
      format(out, widths, blockStart, line);
      widths.remove(widths.size() - 1);
      line0 = line;
    }
    writeLines(out, widths, line0, to);
  }

  private void writeLines(StringBuilder out, List<Integer> widths, int from, int to) {
    for (int i = from; i < to; i++) {
      String[] cells = lines.get(i);
      for (int c = 0; c < cells.length; c++) {
        out.append(cells[c]);
        if (c < widths.size() && c < cells.length - 1) {
          out.append(" ".repeat(Math.max(0, widths.get(c) - displayWidth(cells[c]))));
        }
      }
      out.append('\n');
    }
  }

  private static int displayWidth(String cell) {
    return cell.codePointCount(0, cell.length());
  }
}

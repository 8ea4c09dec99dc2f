package io.kubenetsim.core.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts YAML text into documents at {@code ---} lines, as kubectl's {@code YAMLReader} does, so
 * that a syntax error in one document does not hide the others and line numbers count from the
 * start of the document, as kubectl reports them.
 *
 * <p>Numbering follows what is written: every separator starts a document, except that text
 * before the first separator is a document only when it holds more than blank lines and
 * comments (a file may open with a licence header, then {@code ---}).
 */
final class DocumentSplitter {

  /** One document's text and its 1-based index in the file. */
  record Chunk(int index, String text, String badSeparator) {}

  private DocumentSplitter() {}

  static List<Chunk> split(String text) {
    List<Chunk> chunks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean first = true;
    String badSeparator = "";
    for (String line : text.split("\n", -1)) {
      String trimmedLine = stripCarriageReturn(line);
      if (trimmedLine.startsWith("---")) {
        String rest = trimmedLine.substring(3).strip();
        if (rest.isEmpty() || rest.startsWith("#")) {
          if (!first || hasContent(current)) {
            chunks.add(new Chunk(chunks.size() + 1, current.toString(), badSeparator));
          }
          first = false;
          current.setLength(0);
          badSeparator = "";
          continue;
        }
        if (badSeparator.isEmpty()) {
          badSeparator = rest;
        }
      }
      current.append(line).append('\n');
    }
    if (hasContent(current) || (!first && !current.toString().isBlank())) {
      chunks.add(new Chunk(chunks.size() + 1, current.toString(), badSeparator));
    }
    return chunks;
  }

  private static String stripCarriageReturn(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  /** {@return whether the text holds anything but blank lines and comment lines} */
  private static boolean hasContent(CharSequence text) {
    for (String line : text.toString().split("\n")) {
      String stripped = line.strip();
      if (!stripped.isEmpty() && !stripped.startsWith("#")) {
        return true;
      }
    }
    return false;
  }
}

package io.kubenetsim.core.kubectl;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one command line into words the way a POSIX shell does for simple input, so {@code
 * get pods -l 'app in (web, api)'} reaches the command as four words.
 *
 * <p>Supported: runs of spaces and tabs separate words; {@code '…'} keeps everything literally;
 * {@code "…"} keeps everything but lets {@code \"} and {@code \\} escape; outside quotes a
 * backslash escapes the next character; {@code ''} and {@code ""} make an empty word.
 * Simplification: no variables, globs, pipes or other shell syntax.
 *
 * <pre>{@code
 * ShellWords.split("get pods -l \"app=web\"");  // [get, pods, -l, app=web]
 * }</pre>
 */
public final class ShellWords {

  private ShellWords() {}

  /**
   * {@return the words of {@code line}}
   *
   * @throws IllegalArgumentException when a quote is not closed or the line ends in a lone
   *     backslash; close the quote or escape it
   */
  public static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '\'') {
        int close = line.indexOf('\'', i + 1);
        checkArgument(close >= 0, "unterminated ' quote at position %s in command line [%s]; "
            + "close the quote", i, line);
        word.append(line, i + 1, close);
        inWord = true;
        i = close + 1;
      } else if (c == '"') {
        i = readDoubleQuoted(line, i, word);
        inWord = true;
      } else if (c == '\\') {
        checkArgument(i + 1 < line.length(),
            "command line [%s] ends in a lone backslash; remove it or escape it as \\\\", line);
        word.append(line.charAt(i + 1));
        inWord = true;
        i += 2;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** Reads {@code "…"} starting at {@code open}; {@return the index after the closing quote} */
  private static int readDoubleQuoted(String line, int open, StringBuilder word) {
    int i = open + 1;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < line.length()
          && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
        word.append(line.charAt(i + 1));
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    throw new IllegalArgumentException("unterminated \" quote at position " + open
        + " in command line [" + line + "]; close the quote");
  }
}

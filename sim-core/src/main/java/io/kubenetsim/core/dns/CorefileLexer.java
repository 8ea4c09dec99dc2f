package io.kubenetsim.core.dns;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Corefile into tokens as caddy's {@code caddyfile/lexer.go} does: words separated by
 * white space; a word opened by {@code "} runs to the closing quote (only {@code \"} is an
 * escape inside, any other backslash is kept) and may span lines; {@code #} outside quotes
 * starts a comment to the end of the line; a leading byte order mark is dropped.
 */
final class CorefileLexer {
  private CorefileLexer() {}

  /**
   * One token.
   *
   * @param text the word, quotes removed (a quoted brace is still a brace, as in caddy)
   * @param line the line it starts on, from 1
   */
  record Token(String text, int line) {
    /** {@return the line the token ends on (a quoted token may span lines)} */
    int lastLine() {
      return line + (int) text.chars().filter(c -> c == '\n').count();
    }
  }

  static List<Token> tokens(String input) {
    List<Token> out = new ArrayList<>();
    String text = input.startsWith("\uFEFF") ? input.substring(1) : input;
    StringBuilder value = new StringBuilder();
    int line = 1;
    int start = 1;
    boolean comment = false;
    boolean quoted = false;
    boolean escaped = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (!escaped && c == '\\') {
          escaped = true;
          continue;
        }
        if (!escaped && c == '"') {
          quoted = false;
          out.add(new Token(value.toString(), start));
          value.setLength(0);
          continue;
        }
        if (c == '\n') {
          line++;
        }
        if (escaped && c != '"') {
          value.append('\\');
        }
        value.append(c);
        escaped = false;
        continue;
      }
      if (Character.isWhitespace(c)) {
        if (c == '\n') {
          line++;
          comment = false;
        }
        if (value.length() > 0) {
          out.add(new Token(value.toString(), start));
          value.setLength(0);
        }
        continue;
      }
      if (c == '#') {
        comment = true;
      }
      if (comment) {
        continue;
      }
      if (value.length() == 0) {
        start = line;
        if (c == '"') {
          quoted = true;
          continue;
        }
      }
      value.append(c);
    }
    if (value.length() > 0) {
      out.add(new Token(value.toString(), start));
    }
    return out;
  }
}

package io.kubenetsim.core.dns;

import io.kubenetsim.core.dns.CorefileLexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * A cursor over Corefile tokens with the moves and errors of caddy's {@code Dispenser}
 * ({@code caddyfile/dispenser.go}): {@code next} takes the next token, {@code nextArg} only one
 * on the same line, {@code nextBlock} walks the lines of a {@code { ... }} block, and the error
 * helpers format messages as caddy does ({@code Corefile:7 - Error during parsing: ...}).
 * Errors are thrown as {@link Failure} and caught by {@link Corefile#parse}.
 */
final class CorefileCursor {
  private final String file;
  private final String plugin;
  private final List<Token> tokens;
  private int cursor = -1;
  private int nesting;

  /** An error found while parsing; it carries the typed result. */
  static final class Failure extends RuntimeException {
    private final CorefileError error;

    Failure(CorefileError error) {
      super(error.message(), null, false, false);
      this.error = error;
    }

    CorefileError error() {
      return error;
    }
  }

  CorefileCursor(String file, List<Token> tokens) {
    this(file, "", tokens);
  }

  /** A cursor over one directive's tokens, whose errors start {@code plugin/<name>: }. */
  CorefileCursor(String file, String plugin, List<Token> tokens) {
    this.file = file;
    this.plugin = plugin;
    this.tokens = tokens;
  }

  String file() {
    return file;
  }

  /** {@return a new cursor over the same tokens, before the first} */
  CorefileCursor restart() {
    return new CorefileCursor(file, plugin, tokens);
  }

  boolean next() {
    if (cursor < tokens.size() - 1) {
      cursor++;
      return true;
    }
    return false;
  }

  /** Moves to the next token if it is on the same line (the first move always succeeds). */
  boolean nextArg() {
    if (cursor < 0) {
      cursor++;
      return true;
    }
    if (cursor < tokens.size() - 1
        && tokens.get(cursor).lastLine() == tokens.get(cursor + 1).line()) {
      cursor++;
      return true;
    }
    return false;
  }

  /** Walks into and through a block opened on the current line; false at its end. */
  boolean nextBlock() {
    if (nesting > 0) {
      if (!next()) {
        return false;
      }
      if (val().equals("}")) {
        nesting--;
        return false;
      }
      return true;
    }
    if (!nextArg()) {
      return false;
    }
    if (!val().equals("{")) {
      cursor--;
      return false;
    }
    if (!next() || val().equals("}")) {
      return false;
    }
    nesting++;
    return true;
  }

  /** {@return the rest of the line's tokens, stopping before a {@code {}} */
  List<String> remainingArgs() {
    List<String> args = new ArrayList<>();
    while (nextArg()) {
      if (val().equals("{")) {
        cursor--;
        break;
      }
      args.add(val());
    }
    return args;
  }

  String val() {
    return cursor < 0 || cursor >= tokens.size() ? "" : tokens.get(cursor).text();
  }

  int line() {
    return cursor < 0 || cursor >= tokens.size() ? 0 : tokens.get(cursor).line();
  }

  /** {@return whether the current token starts a line} */
  boolean isNewLine() {
    if (cursor < 1) {
      return true;
    }
    if (cursor > tokens.size() - 1) {
      return false;
    }
    return tokens.get(cursor - 1).lastLine() < tokens.get(cursor).line();
  }

  void back() {
    cursor--;
  }

  Token token() {
    return tokens.get(cursor);
  }

  Failure err(String message) {
    return invalid(file + ":" + line() + " - Error during parsing: " + message);
  }

  Failure argErr() {
    if (val().equals("{")) {
      return err("Unexpected token '{', expecting argument");
    }
    return err("Wrong argument count or unexpected line ending after '" + val() + "'");
  }

  Failure syntaxErr(String expected) {
    return invalid(file + ":" + line() + " - Syntax error: Unexpected token '" + val()
        + "', expecting '" + expected + "'");
  }

  Failure eofErr() {
    return err("Unexpected EOF");
  }

  /** {@return an error of CoreDNS's wording without a position (a plain {@code fmt.Errorf})} */
  Failure plain(String message) {
    return invalid(message);
  }

  private Failure invalid(String message) {
    int line = line() > 0 ? line() : tokens.isEmpty() ? 1 : tokens.get(0).line();
    String prefix = plugin.isEmpty() ? "" : "plugin/" + plugin + ": ";
    return new Failure(new CorefileError.Invalid(line, prefix + message));
  }
}

package io.kubenetsim.core.dns;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.dns.CorefileLexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a Corefile before any plugin reads its options, as caddy's {@code
 * caddyfile/parse.go} finds it: server blocks, each a line of keys ({@code .:53}, {@code
 * cluster.local example.org:1053}) and, in braces (optional when the file has one block), one
 * directive per line with its arguments and nested {@code { ... }} blocks. Directive names are
 * checked against CoreDNS's plugin list here ({@code Unknown directive 'x'}); caddy's {@code
 * import} and snippets are not simulated.
 */
final class CorefileStructure {

  /** One directive occurrence: its name token first, then its arguments and block. */
  record RawDirective(String name, int line, ImmutableList<Token> tokens) {}

  /** One server block. */
  record RawBlock(ImmutableList<Token> keys, ImmutableList<RawDirective> directives) {}

  private final CorefileCursor c;

  private CorefileStructure(CorefileCursor cursor) {
    this.c = cursor;
  }

  static List<RawBlock> parse(String file, String text) {
    return new CorefileStructure(new CorefileCursor(file, CorefileLexer.tokens(text))).all();
  }

  private List<RawBlock> all() {
    List<RawBlock> blocks = new ArrayList<>();
    while (c.next()) {
      blocks.add(block());
    }
    return blocks;
  }

  private RawBlock block() {
    List<Token> keys = new ArrayList<>();
    boolean eof = false;
    boolean expectingAnother = false;
    while (true) {
      String key = c.val();
      if (key.equals("import") && c.isNewLine()) {
        throw unmodelled("import");
      }
      if (key.equals("{")) {
        if (expectingAnother) {
          throw c.err("Expected another address but had '" + key + "' - check for extra comma");
        }
        break;
      }
      if (!key.isEmpty()) {
        expectingAnother = key.endsWith(",");
        String text = expectingAnother ? key.substring(0, key.length() - 1) : key;
        keys.add(new Token(text, c.line()));
      }
      boolean hasNext = c.next();
      if (expectingAnother && !hasNext) {
        throw c.eofErr();
      }
      if (!hasNext) {
        eof = true;
        break;
      }
      if (!expectingAnother && c.isNewLine()) {
        break;
      }
    }
    if (keys.size() == 1 && keys.get(0).text().startsWith("(")
        && keys.get(0).text().endsWith(")")) {
      throw unmodelled("snippet " + keys.get(0).text());
    }
    if (eof) {
      return new RawBlock(ImmutableList.copyOf(keys), ImmutableList.of());
    }
    boolean braced = c.val().equals("{");
    if (!braced) {
      c.back();
    }
    List<RawDirective> directives = directives();
    if (braced && !c.val().equals("}")) {
      throw c.syntaxErr("}");
    }
    return new RawBlock(ImmutableList.copyOf(keys), ImmutableList.copyOf(directives));
  }

  private List<RawDirective> directives() {
    List<RawDirective> out = new ArrayList<>();
    while (c.next()) {
      if (c.val().equals("}")) {
        break;
      }
      if (c.val().equals("import")) {
        throw unmodelled("import");
      }
      out.add(directive());
    }
    return out;
  }

  private RawDirective directive() {
    String name = c.val();
    int line = c.line();
    if (!CorefilePlugins.exists(name)) {
      throw c.err("Unknown directive '" + name + "'");
    }
    List<Token> tokens = new ArrayList<>();
    tokens.add(c.token());
    int nesting = 0;
    while (c.next()) {
      if (c.val().equals("{")) {
        nesting++;
      } else if (c.isNewLine() && nesting == 0) {
        c.back();
        break;
      } else if (c.val().equals("}") && nesting > 0) {
        nesting--;
      } else if (c.val().equals("}")) {
        throw c.err("Unexpected '}' because no matching opening brace");
      } else if (c.val().equals("import") && c.isNewLine()) {
        throw unmodelled("import");
      }
      tokens.add(c.token());
    }
    if (nesting > 0) {
      throw c.eofErr();
    }
    return new RawDirective(name, line, ImmutableList.copyOf(tokens));
  }

  private CorefileCursor.Failure unmodelled(String what) {
    return new CorefileCursor.Failure(new CorefileError.Unmodelled(c.line(), "", what,
        CorefilePlugins.MODELLED));
  }
}

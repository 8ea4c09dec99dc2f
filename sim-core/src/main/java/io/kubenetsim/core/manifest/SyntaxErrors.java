package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.parser.ParserException;

/**
 * Words a YAML or JSON syntax error as kubectl does: {@code error converting YAML to JSON: yaml:
 * line N: <problem>}, translating SnakeYAML's phrases into go-yaml's where they differ.
 *
 * <p>Line numbers count from the start of the document. go-yaml reports a parser error (as
 * opposed to a scanner error) at the 0-based line of the problem, which reads as the line
 * before it; that quirk is kept so messages match kubectl's.
 */
final class SyntaxErrors {

  private SyntaxErrors() {}

  /** {@return the message for a YAML document that does not parse} */
  static String yaml(JacksonException error) {
    Throwable cause = error.getCause();
    if (cause instanceof MarkedYAMLException) {
      MarkedYAMLException marked = (MarkedYAMLException) cause;
      return "error converting YAML to JSON: yaml: line " + goLine(marked) + ": "
          + goProblem(marked);
    }
    JsonLocation where = error.getLocation();
    int line = where == null ? 0 : where.getLineNr();
    return "error converting YAML to JSON: yaml: line " + line + ": "
        + error.getOriginalMessage();
  }

  /** {@return the message for JSON text that does not parse} */
  static String json(JacksonException error) {
    JsonLocation where = error.getLocation();
    int line = where == null ? 0 : where.getLineNr();
    String problem = error.getOriginalMessage();
    int newline = problem.indexOf('\n');
    return "json: line " + line + ": " + (newline < 0 ? problem : problem.substring(0, newline));
  }

  private static int goLine(MarkedYAMLException marked) {
    Mark problem = marked.getProblemMark();
    Mark context = marked.getContextMark();
    boolean parserError = marked instanceof ParserException;
    if (problem != null && problem.getLine() != 0) {
      return parserError ? problem.getLine() : problem.getLine() + 1;
    }
    return context == null ? 1 : context.getLine() + (parserError ? 0 : 1);
  }

  private static String goProblem(MarkedYAMLException marked) {
    String problem = String.valueOf(marked.getProblem());
    String context = String.valueOf(marked.getContext());
    if (problem.startsWith("mapping values are not allowed")) {
      return "mapping values are not allowed in this context";
    }
    if (problem.contains("that cannot start any token")) {
      return "found character that cannot start any token";
    }
    if (problem.startsWith("expected <block end>")) {
      return context.contains("collection") ? "did not find expected '-' indicator"
          : "did not find expected key";
    }
    if (problem.startsWith("found unexpected end of stream")) {
      return "found unexpected end of stream";
    }
    return problem;
  }
}

package io.kubenetsim.core.kubectl;

import io.kubenetsim.KubectlResult;
import java.util.List;

/**
 * Builds {@link KubectlResult}s, including the shell-mode JSON error rule: a command that asked
 * for {@code -o json} and failed prints {@code {"error": "<message>"}} on stdout (the message
 * stays on stderr too), so a script reading stdout as JSON always gets JSON. Stateless.
 *
 * <pre>{@code
 * KubectlResults.failure(1, "Error from server (NotFound): pods \"x\" not found");
 * KubectlResults.jsonError("pods \"x\" not found");  // {"error": "pods \"x\" not found"}\n
 * }</pre>
 */
public final class KubectlResults {

  private KubectlResults() {}

  /** {@return a result that printed nothing on stdout and {@code message} on stderr} */
  public static KubectlResult failure(int exitCode, String message) {
    return new KubectlResult(exitCode, "", withNewline(message));
  }

  /**
   * {@return {@code result}, with stdout replaced by a JSON error object when it failed,
   * printed nothing on stdout, and {@code argv} asked for {@code -o json}} A failed command that
   * did print its JSON (a {@code probe} whose connection was not established) keeps it.
   */
  public static KubectlResult applyJsonErrorRule(List<String> argv, KubectlResult result) {
    if (result.succeeded() || !requestsJson(argv) || !result.stdout().isEmpty()) {
      return result;
    }
    String message = result.stderr().strip();
    return new KubectlResult(result.exitCode(), jsonError(message), result.stderr());
  }

  /** {@return {@code {"error": "<message, JSON-escaped>"}} and a newline} */
  public static String jsonError(String message) {
    return "{\"error\": \"" + escapeJson(message) + "\"}\n";
  }

  /**
   * {@return whether {@code argv} asks for JSON output} Reads the words before {@code --} the
   * way pflag would ({@code -o json}, {@code -ojson}, {@code -o=json}, {@code --output json},
   * {@code --output=json}; the last one wins), without needing the command to parse: a command
   * that failed on a bad flag must still answer in JSON.
   */
  public static boolean requestsJson(List<String> argv) {
    String format = "";
    for (int i = 0; i < argv.size(); i++) {
      String arg = argv.get(i);
      if (arg.equals("--")) {
        break;
      } else if ((arg.equals("-o") || arg.equals("--output")) && i + 1 < argv.size()) {
        format = argv.get(++i);
      } else if (arg.startsWith("--output=")) {
        format = arg.substring("--output=".length());
      } else if (arg.startsWith("-o=")) {
        format = arg.substring(3);
      } else if (arg.startsWith("-o") && !arg.startsWith("--")) {
        format = arg.substring(2);
      }
    }
    return format.equals("json");
  }

  /** Escapes for a JSON string literal, per RFC 8259 section 7. */
  static String escapeJson(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  static String withNewline(String text) {
    return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
  }
}

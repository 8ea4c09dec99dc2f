package io.kubenetsim.core.kubectl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.kubenetsim.KubectlResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shell-mode JSON error rule and the escaping it relies on. */
class KubectlResultsTest {

  @Test
  void everyPflagSpellingOfOutputJsonIsRecognised() {
    for (List<String> argv : List.of(List.of("get", "pods", "-o", "json"),
        List.of("get", "-ojson"), List.of("get", "-o=json"), List.of("get", "--output", "json"),
        List.of("get", "--output=json"), List.of("get", "-o", "yaml", "-o", "json"))) {
      assertEquals(true, KubectlResults.requestsJson(argv), "argv " + argv);
    }
    for (List<String> argv : List.of(List.of("get", "pods"), List.of("get", "-o", "yaml"),
        List.of("get", "-o", "json", "-o", "wide"), List.of("get", "--", "-o", "json"),
        List.of("get", "-o"))) {
      assertEquals(false, KubectlResults.requestsJson(argv), "argv " + argv);
    }
  }

  @Test
  void failedJsonCommandPrintsAnErrorObjectOnStdoutAndKeepsStderr() {
    KubectlResult failed = KubectlResults.failure(1,
        "Error from server (NotFound): pods \"x\" not found");
    KubectlResult result =
        KubectlResults.applyJsonErrorRule(List.of("get", "pod", "x", "-ojson"), failed);
    assertEquals(1, result.exitCode());
    assertEquals("{\"error\": \"Error from server (NotFound): pods \\\"x\\\" not found\"}\n",
        result.stdout());
    assertEquals("Error from server (NotFound): pods \"x\" not found\n", result.stderr());
  }

  @Test
  void successfulOrNonJsonResultsAreLeftAlone() {
    KubectlResult ok = KubectlResult.ok("{}\n");
    assertSame(ok, KubectlResults.applyJsonErrorRule(List.of("get", "-o", "json"), ok));
    KubectlResult failed = KubectlResults.failure(2, "error: bad");
    assertSame(failed, KubectlResults.applyJsonErrorRule(List.of("get", "-o", "yaml"), failed));
  }

  @Test
  void escapingCoversQuotesBackslashesAndControlCharacters() {
    assertEquals("a\\\"b\\\\c\\nd\\te\\u0001", KubectlResults.escapeJson("a\"b\\c\nd\te\u0001"));
  }
}

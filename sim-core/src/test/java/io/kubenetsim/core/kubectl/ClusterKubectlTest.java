package io.kubenetsim.core.kubectl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.KubectlException;
import io.kubenetsim.KubectlResult;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Cluster#kubectl(String)} cannot be mistaken for success: a failing command throws
 * {@link KubectlException} with its exit code, output and message, so a test that forgets to
 * check the exit code still fails; {@link Cluster#kubectlResult(String)} returns every result
 * as a value for callers that inspect failures. Both forms take a line or {@code argv}.
 */
class ClusterKubectlTest {
  private Cluster c;

  @BeforeEach
  void aShopWithAServiceWithoutEndpoints() {
    c = KubeSim.cluster().nodes(1).seed(2).build();
    c.createNamespace("shop");
    c.pod("shop/debug").create();
    c.service("shop/empty").selector("app", "nothing").port(80).create();
    c.settle();
  }

  @Test
  void badInputThrowsWithExitCodeTwoAndKubectlsMessage() {
    KubectlException e = assertThrows(KubectlException.class, () -> c.kubectl("get ingress"));
    assertEquals(2, e.exitCode());
    assertEquals("", e.stdout());
    assertEquals("error: the server doesn't have a resource type \"ingress\"\n", e.stderr());
    assertEquals("get ingress", e.command());
    assertEquals("`get ingress` failed with exit code 2: error: the server doesn't have a "
        + "resource type \"ingress\"", e.getMessage());
    assertEquals(c.kubectlResult("get ingress"), e.result());
  }

  @Test
  void anUnknownNameThrowsToo() {
    KubectlException e = assertThrows(KubectlException.class,
        () -> c.kubectl(List.of("delete", "pod", "nope", "-n", "shop")));
    assertEquals(2, e.exitCode());
    assertEquals("Error from server (NotFound): pods \"nope\" not found\n", e.stderr());
    assertEquals("delete pod nope -n shop", e.command());
  }

  @Test
  void aFailedCheckThrowsWithExitCodeOneAndKeepsWhatItPrinted() {
    // probe prints its JSON even when the connection is refused; the exception keeps it.
    String probe = "probe --from shop/debug --to svc/shop/empty --port 80 -o json";
    KubectlException e = assertThrows(KubectlException.class, () -> c.kubectl(probe));
    assertEquals(1, e.exitCode());
    assertTrue(e.stdout().contains("\"allowed\": false"), e.stdout());
    assertTrue(e.getMessage().startsWith("`" + probe + "` failed with exit code 1: error: "),
        e.getMessage());
  }

  @Test
  void successReturnsTheSameResultAsTheResultVariantNotesOnStderrIncluded() {
    KubectlResult pods = c.kubectl("get pods -n shop");
    assertEquals(0, pods.exitCode());
    assertTrue(pods.stdout().startsWith("NAME    READY"), pods.stdout());
    KubectlResult none = c.kubectl(List.of("get", "pods"));
    assertEquals(new KubectlResult(0, "", "No resources found in default namespace.\n"), none);
    assertEquals(none, c.kubectlResult("get pods"));
  }

  @Test
  void theResultVariantReturnsFailuresAsValues() {
    assertEquals(new KubectlResult(2, "", "Error from server (NotFound): services \"nope\" "
        + "not found\n"), c.kubectlResult(List.of("describe", "svc", "nope", "-n", "shop")));
    assertEquals(1, c.kubectlResult("probe --from shop/debug --to svc/shop/empty --port 80")
        .exitCode());
  }

  @Test
  void aSucceededResultCannotBeThrown() {
    assertThrows(IllegalArgumentException.class,
        () -> new KubectlException("get pods", KubectlResult.ok("")));
  }
}

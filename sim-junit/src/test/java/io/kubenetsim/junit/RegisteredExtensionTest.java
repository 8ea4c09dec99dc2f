package io.kubenetsim.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.CloudProvider;
import io.kubenetsim.Cluster;
import io.kubenetsim.ProxyMode;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A registered extension builds the cluster its builder describes, customizer included. */
class RegisteredExtensionTest {

  @RegisterExtension
  static final KubeSimExtension SIM = KubeSimExtension.builder().nodes(1).seed(11)
      .proxyMode(ProxyMode.NFTABLES).cloudProvider(CloudProvider.NONE).namespaces("shop")
      .customize(b -> b.clusterDomain("corp.example")).build();

  @Test
  void theBuildersSettingsAndCustomizerShapeTheCluster(Cluster c) {
    assertEquals(1, c.nodes().size());
    assertEquals(11, c.seed());
    assertEquals(ProxyMode.NFTABLES, c.config().kubeProxy().mode());
    assertEquals(CloudProvider.NONE, c.config().cloudProvider());
    c.pod("shop/client").create();
    c.settle();
    assertTrue(c.getPod("shop/client").resolvConf().toString()
        .contains("search shop.svc.corp.example"), "the customizer's cluster domain");
  }

  /** Fails in its @BeforeEach, after the cluster was made. */
  static class FailsBeforeEach {
    @RegisterExtension
    static final KubeSimExtension SIM = KubeSimExtension.builder().seed(5).build();

    @BeforeEach
    void setUp(Cluster c) {
      c.createNamespace("shop");
      throw new IllegalStateException("set-up went wrong");
    }

    @Test
    void never(Cluster c) {}
  }

  @Test
  void aFailingSetUpGetsTheReportToo() {
    Throwable failure = FailingSample.failureOf(FailsBeforeEach.class);
    assertEquals("set-up went wrong", failure.getMessage());
    String report = Arrays.stream(failure.getSuppressed()).map(Throwable::getMessage)
        .findFirst().orElse("");
    assertTrue(report.contains("replay: @KubeSimTest(seed = 5, nodes = 3)"), report);
    assertTrue(report.contains("Created Namespace shop"), report);
    assertTrue(report.contains("no connection was made"), report);
  }
}

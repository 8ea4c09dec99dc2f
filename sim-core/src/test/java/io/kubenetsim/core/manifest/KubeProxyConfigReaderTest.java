package io.kubenetsim.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.KubeProxyConfiguration;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.manifest.ManifestException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * kube-proxy's configuration file reads as kube-proxy reads it: the mode (empty meaning
 * iptables, upstream's Linux default), masqueradeAll and minSyncPeriod under {@code iptables},
 * clusterCIDR and nodePortAddresses; unknown top-level fields and bad values are errors that
 * name the file and the field.
 */
class KubeProxyConfigReaderTest {

  @Test
  void aFullDocumentReadsEveryModelledField() {
    KubeProxyConfiguration c = KubeProxyConfigReader.read("""
        apiVersion: kubeproxy.config.k8s.io/v1alpha1
        kind: KubeProxyConfiguration
        mode: nftables
        clusterCIDR: 10.244.0.0/16
        nodePortAddresses: [primary]
        iptables:
          masqueradeAll: true
          minSyncPeriod: 2s
        conntrack:
          maxPerCore: 32768
        """, "kube-proxy.yaml");
    assertEquals(ProxyMode.NFTABLES, c.mode());
    assertEquals("10.244.0.0/16", c.clusterCIDR());
    assertEquals(List.of("primary"), c.nodePortAddresses());
    assertTrue(c.masqueradeAll());
    assertEquals(Duration.ofSeconds(2), c.minSyncPeriod());
  }

  @Test
  void anEmptyModeIsIptablesAsOnLinux() {
    assertEquals(ProxyMode.IPTABLES, KubeProxyConfigReader.read(
        "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n",
        "k.yaml").mode());
  }

  @Test
  void badDocumentsNameTheFileAndTheField() {
    String head = "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n";
    assertEquals("k.yaml: mode: Unsupported value: \"userspace\": supported values: "
        + "\"iptables\", \"ipvs\", \"nftables\"", assertThrows(ManifestException.class,
            () -> KubeProxyConfigReader.read(head + "mode: userspace\n", "k.yaml"))
        .getMessage());
    assertEquals("k.yaml: strict decoding error: unknown field \"modee\"",
        assertThrows(ManifestException.class,
            () -> KubeProxyConfigReader.read(head + "modee: ipvs\n", "k.yaml")).getMessage());
    assertTrue(assertThrows(ManifestException.class, () -> KubeProxyConfigReader.read(
        head + "iptables: {minSyncPeriod: soon}\n", "k.yaml")).getMessage()
        .contains("iptables.minSyncPeriod: invalid duration \"soon\""));
  }

  @Test
  void aConfigurationAmongManifestsConfiguresKubeProxyAndIsNotAppliedAsAnObject(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Path file = dir.resolve("all.yaml");
    java.nio.file.Files.writeString(file, """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop}
        ---
        apiVersion: kubeproxy.config.k8s.io/v1alpha1
        kind: KubeProxyConfiguration
        mode: nftables
        """);
    assertEquals(ProxyMode.NFTABLES, KubeProxyConfigReader.find(dir).orElseThrow().mode());
    List<ManifestDocument> objects = new ManifestReader().read(file);
    assertEquals(1, objects.size(), "only the Namespace is an API object: " + objects);
    assertEquals("Namespace", objects.get(0).object().kind());
  }
}

package io.kubenetsim.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.DetectLocalMode;
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
  void withoutClusterCidrKubeProxyHasNoLocalTrafficDetector() {
    // Upstream getLocalDetectors: ClusterCIDR mode with no CIDR logs and uses the no-op
    // detector; NodeCIDR needs none; a dual-stack list keeps the IPv4 range here.
    String head = "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n";
    KubeProxyConfiguration missing = KubeProxyConfigReader.read(head, "k.yaml");
    assertEquals("", missing.clusterCIDR());
    assertEquals(DetectLocalMode.CLUSTER_CIDR, missing.detectLocalMode());
    assertFalse(missing.detectsLocalTraffic());
    assertFalse(KubeProxyConfigReader.read(head + "clusterCIDR: \"\"\n", "k.yaml")
        .detectsLocalTraffic());
    KubeProxyConfiguration nodeCidr = KubeProxyConfigReader.read(head
        + "detectLocalMode: NodeCIDR\n", "k.yaml");
    assertEquals(DetectLocalMode.NODE_CIDR, nodeCidr.detectLocalMode());
    assertTrue(nodeCidr.detectsLocalTraffic());
    assertEquals("10.244.0.0/16", KubeProxyConfigReader.read(head
        + "clusterCIDR: fd00:10::/56,10.244.0.0/16\n", "k.yaml").clusterCIDR());
  }

  @Test
  void badDetectorSettingsAreRejectedWithTheField() {
    String head = "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n";
    assertEquals("k.yaml: clusterCIDR: Invalid value: \"10.244.0.0\": must be a valid CIDR "
        + "block (e.g. 10.100.0.0/16 or fde4:8dba:82e1::/48)", assertThrows(
            ManifestException.class, () -> KubeProxyConfigReader.read(head
                + "clusterCIDR: 10.244.0.0\n", "k.yaml")).getMessage());
    assertTrue(assertThrows(ManifestException.class, () -> KubeProxyConfigReader.read(head
        + "detectLocalMode: Magic\n", "k.yaml")).getMessage().startsWith("k.yaml: "
            + "detectLocalMode: Unsupported value: \"Magic\": supported values: "
            + "\"ClusterCIDR\", \"NodeCIDR\""));
    assertTrue(assertThrows(ManifestException.class, () -> KubeProxyConfigReader.read(head
        + "detectLocalMode: BridgeInterface\n", "k.yaml")).getMessage()
        .contains("not simulated"));
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

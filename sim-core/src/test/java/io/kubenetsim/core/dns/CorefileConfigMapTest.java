package io.kubenetsim.core.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableSortedMap;
import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.dns.DnsLookup;
import io.kubenetsim.dns.Rcode;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.manifest.ValidationException;
import io.kubenetsim.model.ConfigMap;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code kube-system/coredns} ConfigMap configures CoreDNS as in a kubeadm cluster: created
 * at bootstrap with kubeadm's Corefile; a change reaches the running processes through the
 * reload plugin ({@code plugin/reload}: checks every 30 s, keeps the old configuration when the
 * new one fails to load); a directive kube-netsim does not simulate is refused when written.
 */
class CorefileConfigMapTest {
  private static final String KUBEADM = Corefile.kubeadm("cluster.local");
  /** A pod name of an address no pod holds: {@code pods insecure} answers it anyway. */
  private static final String NOBODY = "10-244-200-200.shop.pod.cluster.local";

  private static Cluster cluster() {
    Cluster c = KubeSim.cluster().nodes(2).seed(3).build();
    c.createNamespace("shop");
    c.pod("shop/client").create();
    c.settle();
    return c;
  }

  private static void setCorefile(Cluster c, String text) {
    c.apply(new ConfigMap(ObjectMeta.named("kube-system", "coredns"),
        ImmutableSortedMap.of("Corefile", text), ImmutableSortedMap.of(), Optional.empty()));
  }

  @Test
  void bootstrapCreatesKubeadmsCorefile() {
    Cluster c = cluster();
    String yaml = c.kubectl("get configmap coredns -n kube-system -o yaml").stdout();
    assertTrue(yaml.contains("pods insecure"), yaml);
    assertTrue(yaml.contains("forward . /etc/resolv.conf"), yaml);
  }

  @Test
  void podsVerifiedTakesEffectAtTheNextReloadCheck() {
    Cluster c = cluster();
    PodHandle client = c.getPod("shop/client");
    assertEquals(Rcode.NOERROR, rcode(client, NOBODY), "pods insecure answers any address");

    setCorefile(c, KUBEADM.replace("pods insecure", "pods verified"));
    c.runFor(Duration.ofSeconds(29));
    assertEquals(Rcode.NOERROR, rcode(client, NOBODY), "the reload plugin has not looked yet");
    c.runFor(Duration.ofSeconds(2));
    assertEquals(Rcode.NXDOMAIN, rcode(client, NOBODY), "pods verified: no pod has that IP");
    String own = client.ip().orElseThrow().replace('.', '-') + ".shop.pod.cluster.local";
    assertEquals(Rcode.NOERROR, rcode(client, own), "a real pod's name still resolves");
    assertEquals(2, c.events().asList().stream().filter(e -> e.kind().equals("CorefileReloaded"))
        .count(), "both replicas reloaded");
  }

  @Test
  void theTtlOptionChangesTheAnswersTtl() {
    Cluster c = cluster();
    c.service("shop/web").selector("app", "web").port(80).create();
    c.settle();
    PodHandle client = c.getPod("shop/client");
    assertEquals(30, client.lookup("web", RecordType.A).answers().get(0).ttl());
    setCorefile(c, KUBEADM.replace("ttl 30", "ttl 7"));
    c.runFor(Duration.ofMinutes(1));
    assertEquals(7, client.lookup("web", RecordType.A).answers().get(0).ttl());
  }

  @Test
  void anInvalidCorefileIsStoredButTheRunningProcessesKeepTheirConfiguration() {
    Cluster c = cluster();
    setCorefile(c, KUBEADM.replace("ttl 30", "ttl 5000"));
    c.runFor(Duration.ofMinutes(1));
    assertEquals(2, c.events().asList().stream()
        .filter(e -> e.kind().equals("CorefileReloadFailed")).count());
    assertTrue(c.events().asList().stream().filter(e -> e.kind().equals("CorefileReloadFailed"))
        .allMatch(e -> e.detail().contains("ttl must be in range [0, 3600]")),
        c.events().toString());
    assertEquals(Rcode.NOERROR, rcode(c.getPod("shop/client"), NOBODY));
  }

  @Test
  void withoutTheReloadPluginOnlyARestartedProcessReadsTheNewCorefile() {
    Cluster c = cluster();
    setCorefile(c, KUBEADM.replace("    reload\n", ""));
    c.runFor(Duration.ofMinutes(1));
    setCorefile(c, KUBEADM.replace("    reload\n", "").replace("pods insecure", "pods disabled"));
    c.runFor(Duration.ofMinutes(1));
    PodHandle client = c.getPod("shop/client");
    // The first change had reload in the running Corefile; the second did not.
    assertEquals(Rcode.NOERROR, rcode(client, NOBODY));
    c.pods("kube-system", "k8s-app=kube-dns").forEach(PodHandle::crash);
    c.settle();
    assertEquals(Rcode.NXDOMAIN, rcode(client, NOBODY), "restarted processes read the file");
  }

  @Test
  void aDirectiveKubeNetsimDoesNotSimulateIsRefusedAndNothingChanges() {
    Cluster c = cluster();
    String before = c.kubectl("get configmap coredns -n kube-system -o yaml").stdout();
    ValidationException e = assertThrows(ValidationException.class, () -> setCorefile(c,
        KUBEADM.replace("    loop\n", "    autopath @kubernetes\n    loop\n")));
    assertTrue(e.getMessage().contains("data[Corefile]"), e.getMessage());
    assertTrue(e.getMessage().contains("kube-netsim does not simulate the 'autopath' plugin"),
        e.getMessage());
    assertEquals(before, c.kubectl("get configmap coredns -n kube-system -o yaml").stdout());
  }

  /**
   * {@code forward . 8.8.8.8} sends outside names to that address instead of the node's
   * resolver: with an egress policy on the CoreDNS pods that lets them reach only the node's
   * resolver (172.18.0.1), outside names fail (SERVFAIL) after the change, and work before it.
   */
  @Test
  void forwardTargetsComeFromTheCorefileAndTravelAsTraffic() {
    Cluster c = cluster();
    c.upstreamZone("internet").a("example.com", "93.184.216.34").create();
    c.networkPolicy("kube-system/coredns-egress").podSelector("k8s-app=kube-dns")
        .policyTypes("Egress").egress(r -> r.toIpBlock("172.18.0.1/32").port(53, Protocol.UDP))
        .create();
    c.settle();
    PodHandle client = c.getPod("shop/client");
    assertEquals(Rcode.NOERROR, rcode(client, "example.com"), "via the node's resolver");
    setCorefile(c, KUBEADM.replace("forward . /etc/resolv.conf", "forward . 8.8.8.8"));
    c.runFor(Duration.ofMinutes(1));
    assertEquals(Rcode.SERVFAIL, rcode(client, "example.com"), "8.8.8.8 is not allowed");
  }

  private static Rcode rcode(PodHandle client, String name) {
    DnsLookup lookup = client.lookup(name + ".", RecordType.A);
    return lookup.rcode().orElseThrow(() -> new AssertionError("timed out: " + lookup));
  }
}

package io.kubenetsim.core.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.core.ServiceInternals;
import io.kubenetsim.manifest.ValidationException;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceCIDR;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Services on a cluster started with {@code --service-cluster-ip-range
 * 10.96.0.0/12,fd00:10:96::/112}, through the API as a user applies them: the bootstrap
 * objects, IPv6 and dual-stack ClusterIPs, the upgrade and downgrade of upstream's {@code
 * TestUpgradeDowngrade} ({@code test/integration/dualstack/dualstack_test.go}) by re-applying
 * the manifest, ExternalName switches, and the EndpointSlices the controller writes for
 * IPv4-only pods.
 */
class DualStackServiceTest {
  private static final Cidr V6 = Cidr.parse("fd00:10:96::/112");
  private static final String WEB = "apiVersion: v1\nkind: Service\nmetadata: {name: web, "
      + "namespace: shop}\nspec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]"
      + "%s}\n";

  private Cluster c;

  @BeforeEach
  void dualStackClusterWithWebPods() {
    c = KubeSim.cluster().nodes(2).seed(9).serviceClusterIpRange("10.96.0.0/12",
        "fd00:10:96::/112").build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(2).label("app", "web").containerPort("http", 8080)
        .create();
    c.settle();
  }

  private ServiceSpec web() {
    return c.getService("shop/web").get().spec();
  }

  private void applyWeb(String extraSpec) {
    c.applyYaml(String.format(WEB, extraSpec));
    c.settle();
  }

  @Test
  void theDefaultServiceCidrHoldsBothRangesAndTheSystemServicesStayIpv4() {
    assertEquals(List.of("10.96.0.0/12", "fd00:10:96::/112"),
        c.get(ServiceCIDR.class, "", "kubernetes").orElseThrow().cidrs());
    for (String name : List.of("default/kubernetes", "kube-system/kube-dns")) {
      ServiceSpec spec = c.getService(name).get().spec();
      assertEquals("SingleStack", spec.ipFamilyPolicy(), name);
      assertEquals(List.of("IPv4"), spec.ipFamilies(), name);
    }
    assertEquals(List.of("10.96.0.1"), c.getService("default/kubernetes").clusterIPs());
    assertEquals(List.of("10.96.0.10"), c.getService("kube-system/kube-dns").clusterIPs());
  }

  @Test
  void anIpv6PrimaryRangePutsTheSystemServicesOnIpv6() {
    Cluster v6first = KubeSim.cluster().nodes(1).serviceClusterIpRange("fd00:10:96::/112",
        "10.96.0.0/12").build();
    assertEquals(List.of("fd00:10:96::1"), v6first.getService("default/kubernetes")
        .clusterIPs());
    assertEquals(List.of("fd00:10:96::a"), v6first.getService("kube-system/kube-dns")
        .clusterIPs());
    assertEquals(List.of("IPv6"), v6first.getService("kube-system/kube-dns").get().spec()
        .ipFamilies());
  }

  @Test
  void anIpv6ServiceGetsItsAddressFromTheIpv6Range() {
    // The case: handed an IPv4 address and refused before the fix.
    applyWeb(", ipFamilies: [IPv6]");
    IpAddress ip = IpAddress.parse(web().clusterIP());
    assertTrue(V6.contains(ip), ip + " is in " + V6);
    assertEquals(List.of(ip.toString()), web().clusterIPs());
    assertEquals("SingleStack", web().ipFamilyPolicy());
  }

  @Test
  void upgradeToDualStackAndDowngradeAgainByReapplying() {
    applyWeb("");
    String primary = web().clusterIP();
    int held = ServiceInternals.clusterIpCount(c);

    applyWeb(", ipFamilyPolicy: PreferDualStack");
    assertEquals(List.of("IPv4", "IPv6"), web().ipFamilies());
    assertEquals(primary, web().clusterIPs().get(0), "the primary never changes");
    String secondary = web().clusterIPs().get(1);
    assertTrue(V6.contains(IpAddress.parse(secondary)), secondary);
    assertEquals(held + 1, ServiceInternals.clusterIpCount(c));

    ValidationException e = assertThrows(ValidationException.class,
        () -> c.applyYaml(String.format(WEB, ", ipFamilies: [IPv4]")));
    assertEquals("spec.ipFamilyPolicy: Invalid value: \"PreferDualStack\": must be "
        + "'SingleStack' to release the secondary IP family", e.errors().get(0).toString());
    assertEquals(2, web().clusterIPs().size(), "a refused downgrade changes nothing");

    applyWeb(", ipFamilyPolicy: SingleStack");
    assertEquals(List.of("IPv4"), web().ipFamilies());
    assertEquals(List.of(primary), web().clusterIPs());
    assertEquals(held, ServiceInternals.clusterIpCount(c), secondary + " was released");
  }

  @Test
  void anUpgradeMayNameItsSecondaryAddress() {
    applyWeb("");
    applyWeb(", ipFamilyPolicy: RequireDualStack, clusterIPs: [" + web().clusterIP()
        + ", 'fd00:10:96::77']");
    assertEquals("fd00:10:96::77", web().clusterIPs().get(1));
  }

  @Test
  void externalNameToDualStackAllocatesBothAndBackReleasesBoth() {
    int before = ServiceInternals.clusterIpCount(c);
    c.applyYaml("apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n"
        + "spec: {type: ExternalName, externalName: db.example.com}\n");
    applyWeb(", type: ClusterIP, ipFamilyPolicy: RequireDualStack");
    assertEquals(2, web().clusterIPs().size());
    assertEquals(before + 2, ServiceInternals.clusterIpCount(c));
    c.applyYaml("apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n"
        + "spec: {type: ExternalName, externalName: db.example.com}\n");
    assertEquals(before, ServiceInternals.clusterIpCount(c), "both addresses released");
  }

  @Test
  void ipv4OnlyPodsFillTheIpv4SliceAndLeaveAnIpv6Placeholder() {
    // Upstream's reconciler keeps one set of slices per family of the Service; with no IPv6
    // pod address, the IPv6 set is the placeholder slice.
    applyWeb(", ipFamilyPolicy: PreferDualStack");
    List<EndpointSlice> slices = c.list(EndpointSlice.class).stream()
        .filter(s -> s.serviceName().equals("web")).toList();
    assertEquals(List.of("IPv4", "IPv6"), slices.stream().map(EndpointSlice::addressType)
        .sorted().toList());
    for (EndpointSlice slice : slices) {
      assertEquals(slice.addressType().equals("IPv4") ? 2 : 0, slice.endpoints().size(),
          slice.toString());
    }
  }

  @Test
  void aHandWrittenIpv6SliceIsAcceptedForASelectorlessService() {
    c.applyYaml("apiVersion: v1\nkind: Service\nmetadata: {name: ext, namespace: shop}\n"
        + "spec: {clusterIP: None, ports: [{port: 443}]}\n---\n"
        + "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: ext-1, "
        + "namespace: shop, labels: {kubernetes.io/service-name: ext}}\naddressType: IPv6\n"
        + "endpoints: [{addresses: ['2001:db8::7']}]\nports: [{port: 443}]\n");
    c.settle();
    assertEquals(List.of("IPv4", "IPv6"), c.getService("shop/ext").get().spec().ipFamilies());
    assertEquals(List.of("2001:db8::7"), c.get(EndpointSlice.class, "shop", "ext-1")
        .orElseThrow().endpoints().get(0).addresses());
  }

  @Test
  void anIpv6ServiceCidrOnASingleStackClusterIsStoredButServesNoService() {
    // Upstream builds allocators only for the families of --service-cluster-ip-range, and
    // defaulting asks them, so an IPv6 ServiceCIDR alone does not make the cluster IPv6.
    Cluster v4 = KubeSim.cluster().nodes(1).build();
    v4.apply(ServiceCIDR.of("extra-v6", List.of("fd00:20::/112")));
    assertEquals("NAME         CIDRS           AGE\n"
        + "extra-v6     fd00:20::/112   0s\n"
        + "kubernetes   10.96.0.0/12    0s\n", v4.kubectl("get servicecidrs").stdout());
    v4.createNamespace("shop");
    ValidationException e = assertThrows(ValidationException.class, () -> v4.applyYaml(
        String.format(WEB, ", ipFamilies: [IPv6]")));
    assertEquals("spec.ipFamilies[0]: Invalid value: \"IPv6\": not configured on this cluster",
        e.errors().get(0).toString());
    ValidationException asked = assertThrows(ValidationException.class, () -> v4.applyYaml(
        String.format(WEB, ", clusterIP: 'fd00:20::5'")));
    assertEquals("spec.clusterIPs[0]: Invalid value: [\"fd00:20::5\"]: IPv6 is not configured "
        + "on this cluster", asked.errors().get(0).toString());
  }

  @Test
  void aSecondIpv6ServiceCidrWidensTheIpv6RangeOfADualStackCluster() {
    c.apply(ServiceCIDR.of("extra-v6", List.of("fd00:10:97::/112")));
    applyWeb(", ipFamilies: [IPv6], clusterIP: 'fd00:10:97::5'");
    assertEquals(List.of("fd00:10:97::5"), web().clusterIPs());
    assertEquals(IpFamily.IPV6, IpAddress.parse(web().clusterIP()).family());
  }

  @Test
  void requireDualStackOnASingleStackClusterIsRefusedInUpstreamsWords() {
    Cluster v4 = KubeSim.cluster().nodes(1).build();
    v4.createNamespace("shop");
    ValidationException e = assertThrows(ValidationException.class, () -> v4.applyYaml(
        String.format(WEB, ", ipFamilyPolicy: RequireDualStack")));
    assertEquals("spec.ipFamilyPolicy: Invalid value: \"RequireDualStack\": this cluster is not "
        + "configured for dual-stack services", e.errors().get(0).toString());
    assertTrue(v4.get(Service.class, "shop", "web").isEmpty());
  }

  @Test
  void getServicecidrAsYaml() {
    String yaml = c.kubectl("get servicecidr kubernetes -o yaml").stdout();
    assertTrue(yaml.startsWith("apiVersion: networking.k8s.io/v1\nkind: ServiceCIDR\n"), yaml);
    assertTrue(yaml.contains("spec:\n  cidrs:\n  - 10.96.0.0/12\n  - fd00:10:96::/112\n"),
        yaml);
  }
}

package io.kubenetsim.core.manifest;

import static io.kubenetsim.core.manifest.ManifestAssertions.assertRoundTrips;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.DnsPolicy;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodDNSConfig;
import io.kubenetsim.model.PodDNSConfigOption;
import io.kubenetsim.model.PodTemplateSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code spec.dnsPolicy} and {@code spec.dnsConfig} in manifests (upstream {@code v1.PodSpec}
 * {@code DNSPolicy}, {@code *PodDNSConfig}): read with upstream's defaulting, written as kubectl
 * prints them (keys sorted, {@code omitempty}), and round-tripped for Pods and pod templates.
 */
class PodDnsManifestTest {
  private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: web, "
      + "namespace: shop}\nspec:\n  containers: [{name: web, image: nginx}]\n";

  private final ManifestReader reader = new ManifestReader();
  private final ManifestWriter writer = new ManifestWriter();

  @Test
  void dnsConfigIsReadWithOptionsValuesKeptDistinctFromAbsent() {
    Pod pod = read(POD + """
          dnsPolicy: None
          dnsConfig:
            nameservers: [1.2.3.4, "2001:db8::53"]
            searches: [ns1.svc.cluster-domain.example, my.dns.search.suffix]
            options:
            - {name: ndots, value: "2"}
            - {name: edns0}
            - {name: attempts, value: ""}
        """);
    assertEquals(DnsPolicy.NONE, pod.spec().dnsPolicy());
    assertEquals(Optional.of(new PodDNSConfig(ImmutableList.of("1.2.3.4", "2001:db8::53"),
        ImmutableList.of("ns1.svc.cluster-domain.example", "my.dns.search.suffix"),
        ImmutableList.of(PodDNSConfigOption.of("ndots", "2"), PodDNSConfigOption.flag("edns0"),
            PodDNSConfigOption.of("attempts", "")))), pod.spec().dnsConfig());
  }

  @Test
  void anAbsentOrEmptyPolicyIsClusterFirstAndNoConfigIsEmpty() {
    // SetDefaults_PodSpec: an unset dnsPolicy becomes ClusterFirst.
    assertEquals(DnsPolicy.CLUSTER_FIRST, read(POD).spec().dnsPolicy());
    assertEquals(DnsPolicy.CLUSTER_FIRST, read(POD + "  dnsPolicy: \"\"\n").spec().dnsPolicy());
    assertEquals(Optional.empty(), read(POD).spec().dnsConfig());
    assertEquals(Optional.of(PodDNSConfig.empty()),
        read(POD + "  dnsConfig: {}\n").spec().dnsConfig());
  }

  @Test
  void everyPolicyIsReadByItsApiName() {
    for (DnsPolicy policy : DnsPolicy.values()) {
      assertEquals(policy, read(POD + "  dnsPolicy: " + policy + "\n").spec().dnsPolicy());
    }
  }

  @Test
  void anUnsupportedPolicyIsReportedInValidationsWordsAndOrder() {
    // validateDNSPolicy lists the values as written in its switch, not sorted.
    ManifestDecodeException e = assertThrows(ManifestDecodeException.class,
        () -> reader.read(POD + "  dnsPolicy: clusterFirst\n", "p.yaml"));
    assertEquals("error decoding Pod \"shop/web\" from \"p.yaml\" (document 1): "
        + "spec.dnsPolicy: Unsupported value: \"clusterFirst\": supported values: "
        + "\"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\"", e.getMessage());
  }

  @Test
  void anUnsupportedPolicyInATemplateNamesTheTemplatePath() {
    String deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n"
        + "  template:\n    spec:\n      dnsPolicy: Host\n      containers: [{name: a}]\n";
    ManifestDecodeException e = assertThrows(ManifestDecodeException.class,
        () -> reader.read(deployment, "d.yaml"));
    assertTrue(e.getMessage().contains("spec.template.spec.dnsPolicy: Unsupported value: "
        + "\"Host\""), e.getMessage());
  }

  @Test
  void wrongTypesAreDecodeErrorsAsGoReportsThem() {
    ManifestDecodeException e = assertThrows(ManifestDecodeException.class,
        () -> reader.read(POD + "  dnsConfig: {nameservers: 1.1.1.1}\n", "p.yaml"));
    assertTrue(e.getMessage().contains("json: cannot unmarshal string into Go struct field "
        + "PodDNSConfig.spec.dnsConfig.nameservers of type []string"), e.getMessage());
  }

  @Test
  void dnsConfigIsWrittenWithSortedKeysAndOmitempty() {
    Pod pod = read(POD);
    pod = pod.withSpec(pod.spec().withDns(DnsPolicy.NONE, Optional.of(new PodDNSConfig(
        ImmutableList.of("1.2.3.4"), ImmutableList.of(),
        ImmutableList.of(PodDNSConfigOption.of("ndots", "2"), PodDNSConfigOption.flag("edns0"))))));
    String yaml = writer.toYaml(pod);
    assertTrue(yaml.contains("""
          dnsConfig:
            nameservers:
            - 1.2.3.4
            options:
            - name: ndots
              value: "2"
            - name: edns0
          dnsPolicy: None
        """), yaml);
    assertFalse(yaml.contains("searches"), "omitempty: " + yaml);
    Pod empty = pod.withSpec(pod.spec().withDns(DnsPolicy.DEFAULT,
        Optional.of(PodDNSConfig.empty())));
    assertTrue(writer.toYaml(empty).contains("  dnsConfig: {}\n  dnsPolicy: Default\n"),
        writer.toYaml(empty));
  }

  @Test
  void podsAndTemplatesRoundTripThroughYamlAndJson() {
    PodDNSConfig config = new PodDNSConfig(ImmutableList.of("10.0.0.10", "fd00::a"),
        ImmutableList.of("corp.example", "."), ImmutableList.of(PodDNSConfigOption.of("ndots",
            "1"), PodDNSConfigOption.flag("rotate"), PodDNSConfigOption.of("timeout", "")));
    Pod pod = read(POD);
    pod = pod.withSpec(pod.spec().withDns(DnsPolicy.CLUSTER_FIRST_WITH_HOST_NET,
        Optional.of(config)).withHostNetwork(true));
    Deployment deployment = Deployment.of("shop", "api", 2, Labels.of("app", "api"),
        Container.of("api", "nginx", List.of()));
    PodTemplateSpec template = deployment.spec().template();
    deployment = deployment.withSpec(deployment.spec().withTemplate(template.withSpec(
        template.spec().withDns(DnsPolicy.NONE, Optional.of(config)))));
    List<KubernetesObject> objects = List.of(pod, deployment);
    assertRoundTrips(writer, reader, objects, objects);
  }

  private Pod read(String yaml) {
    return (Pod) reader.read(yaml, "p.yaml").get(0).object();
  }
}

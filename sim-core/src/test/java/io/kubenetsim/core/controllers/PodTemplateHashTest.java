package io.kubenetsim.core.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.DnsPolicy;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.PodDNSConfig;
import io.kubenetsim.model.PodReadinessGate;
import io.kubenetsim.model.PodSpec;
import io.kubenetsim.model.PodTemplateSpec;
import io.kubenetsim.model.Probe;
import io.kubenetsim.net.Protocol;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PodTemplateHashTest {

  private static final Container WEB =
      Container.of("web", "nginx:1.27", List.of(ContainerPort.of("http", 8080)));

  private static PodTemplateSpec template(Labels labels, Map<String, String> annotations,
      Container container) {
    return new PodTemplateSpec(ObjectMeta.named("").withLabels(labels).withAnnotations(annotations),
        PodSpec.of(List.of(container)));
  }

  private static final PodTemplateSpec BASE = template(Labels.of("app", "web"), Map.of(), WEB);

  @Test
  void equalTemplatesHashEquallyAndReadLikeUpstreamNames() {
    // Proves the hash is a pure function of the template and uses only the safe alphabet.
    String hash = PodTemplateHash.of(BASE);
    assertEquals(hash, PodTemplateHash.of(template(Labels.of("app", "web"), Map.of(), WEB)));
    assertTrue(hash.matches("[bcdfghjklmnpqrstvwxz2456789]{1,10}"), hash);
  }

  @Test
  void everyPartOfTheTemplateChangesTheHash() {
    // Proves each change a rollout must notice gives a new hash (so a new ReplicaSet):
    // rollout restart (an annotation), a label, the image, a readiness probe, a host port.
    String base = PodTemplateHash.of(BASE);
    List<PodTemplateSpec> variants = List.of(
        template(Labels.of("app", "web"),
            Map.of("kubectl.kubernetes.io/restartedAt", "2026-01-01T00:00:02Z"), WEB),
        template(Labels.of("app", "web").with("tier", "front"), Map.of(), WEB),
        template(Labels.of("app", "web"), Map.of(),
            Container.of("web", "nginx:1.28", List.of(ContainerPort.of("http", 8080)))),
        template(Labels.of("app", "web"), Map.of(), WEB.withReadinessProbe(Probe.defaults())),
        template(Labels.of("app", "web"), Map.of(),
            WEB.withPorts(List.of(new ContainerPort("http", 8080, Protocol.TCP, 80)))));
    for (PodTemplateSpec variant : variants) {
      assertNotEquals(base, PodTemplateHash.of(variant), "same hash for " + variant);
    }
  }

  @Test
  void aReadinessGateChangesTheHashAndNoGatesKeepTheHashFromBeforeGatesWereModelled() {
    // 785c5ffd69 is what this hash gave BASE before PodSpec had readinessGates: templates
    // without gates keep their ReplicaSet and pod names; a gate is a template change.
    assertEquals("785c5ffd69", PodTemplateHash.of(BASE));
    PodTemplateSpec gated = BASE.withSpec(BASE.spec().withReadinessGates(
        List.of(PodReadinessGate.of("example.com/feature-1"))));
    assertNotEquals(PodTemplateHash.of(BASE), PodTemplateHash.of(gated));
    PodTemplateSpec otherGate = BASE.withSpec(BASE.spec().withReadinessGates(
        List.of(PodReadinessGate.of("example.com/feature-2"))));
    assertNotEquals(PodTemplateHash.of(gated), PodTemplateHash.of(otherGate));
  }

  @Test
  void aDnsConfigChangesTheHashAndNoneKeepsTheHashFromBeforeItWasModelled() {
    // dnsPolicy became an enum and dnsConfig an Optional; a template using neither keeps its
    // hash (asserted above), while a DNS change is a template change, as upstream.
    PodTemplateSpec withConfig = BASE.withSpec(BASE.spec().withDns(DnsPolicy.CLUSTER_FIRST,
        Optional.of(PodDNSConfig.empty().withSearch("corp.example"))));
    PodTemplateSpec withPolicy = BASE.withSpec(BASE.spec().withDns(DnsPolicy.DEFAULT,
        Optional.empty()));
    assertNotEquals(PodTemplateHash.of(BASE), PodTemplateHash.of(withConfig));
    assertNotEquals(PodTemplateHash.of(BASE), PodTemplateHash.of(withPolicy));
    assertNotEquals(PodTemplateHash.of(withConfig), PodTemplateHash.of(withPolicy));
  }
}

package io.kubenetsim.core.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.dns.RecordData;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.manifest.ManifestException;
import io.kubenetsim.model.UpstreamZone;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The UpstreamZone kind: records read into typed data from YAML, written back the same way,
 * listed by {@code get upstreamzones}; a record that does not fit its type is refused with its
 * field path and nothing is applied.
 */
class UpstreamZoneObjectTest {
  private static final String ZONE = String.join("\n",
      "apiVersion: sim.kubenetsim.io/v1alpha1",
      "kind: UpstreamZone",
      "metadata: {name: internet}",
      "records:",
      "- {name: example.com, type: A, data: 93.184.216.34}",
      "- {name: www.example.com, type: CNAME, data: example.com, ttl: 3600}",
      "- {name: _sip._tcp.example.com, type: SRV, data: 10 60 5060 sip.example.com}",
      "- {name: example.com, type: TXT, data: '\"v=spf1 -all\"'}",
      "");

  @Test
  void recordsAreReadIntoTypedDataAndWrittenBackAsTheyCame() {
    Cluster c = KubeSim.cluster().nodes(0).build();
    c.applyYaml(ZONE);
    UpstreamZone zone = c.list(UpstreamZone.class).get(0);
    assertEquals(4, zone.records().size());
    assertEquals(new RecordData.Srv(10, 60, 5060, io.kubenetsim.dns.DnsName.of(
        "sip.example.com")), zone.records().get(2).data());
    assertEquals(3600, zone.records().get(1).ttl());
    assertEquals(UpstreamZone.DEFAULT_TTL, zone.records().get(0).ttl());
    String yaml = c.kubectl("get upstreamzone internet -o yaml").stdout();
    assertTrue(yaml.contains("- data: 10 60 5060 sip.example.com.\n  name: _sip._tcp.example.com"),
        yaml);
    assertTrue(yaml.contains("- data: \"\\\"v=spf1 -all\\\"\"\n"), yaml);
    assertEquals(List.of("NAME       RECORDS   AGE", "internet   4         0s"),
        c.kubectl("get upstreamzones").stdout().lines().toList());
  }

  @Test
  void aRecordThatDoesNotFitItsTypeIsRefusedWithItsPathAndNothingChanges() {
    Cluster c = KubeSim.cluster().nodes(0).build();
    ManifestException e = assertThrows(ManifestException.class, () -> c.applyYaml(
        ZONE.replace("data: 93.184.216.34", "data: fd00::1").replace("type: TXT", "type: SPF")));
    String message = e.getMessage();
    assertTrue(message.contains("records[0].data: Invalid value: \"fd00::1\": an A record holds"
        + " an IPv4 address, got fd00::1"), message);
    assertTrue(message.contains("records[3].type: Unsupported value: \"SPF\""), message);
    assertEquals(List.of(), c.list(UpstreamZone.class));
  }

  @Test
  void theBuilderMakesTheSameObject() {
    Cluster c = KubeSim.cluster().nodes(0).build();
    UpstreamZone built = c.upstreamZone("internet").a("example.com", "93.184.216.34")
        .ttl(3600).cname("www.example.com", "example.com").create();
    assertEquals(RecordType.CNAME, built.records().get(1).type());
    assertEquals(3600, built.records().get(1).ttl());
    assertThrows(IllegalArgumentException.class,
        () -> c.upstreamZone("x").record("example.com", RecordType.MX, "mail.example.com"));
  }
}

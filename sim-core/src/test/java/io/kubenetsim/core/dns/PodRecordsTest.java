package io.kubenetsim.core.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.dns.RecordType;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pod records {@code a-b-c-d.<ns>.pod.<zone>} under each {@code pods} mode, after upstream's
 * {@code handler_pod_disabled_test.go}, {@code handler_pod_insecure_test.go} and {@code
 * handler_pod_verified_test.go}: disabled is always NXDOMAIN; insecure returns the address
 * written in the name when the namespace exists; verified only when a pod of that namespace
 * has that IP. The layout has pod {@code podns/pod1} at 10.240.0.1 and {@code podns/pod6} at
 * fd00::6.
 */
class PodRecordsTest {
  private static DnsFixture cluster;

  record Case(String mode, String name, String type, String expected) {
    @Override
    public String toString() {
      return "pods " + mode + ": " + name + " " + type;
    }
  }

  @BeforeAll
  static void cluster() {
    cluster = Layout.build();
    cluster.pod("podns/pod6", "fd00::6").settle();
  }

  static Stream<Case> cases() {
    String nx = "NXDOMAIN | soa=cluster.local. 5";
    String nodata = "NODATA | soa=cluster.local. 5";
    String pod1 = "NOERROR | 10-240-0-1.podns.pod.cluster.local. 5 A 10.240.0.1";
    return Stream.of(
        new Case("disabled", "10-240-0-1.podns.pod.cluster.local", "A", nx),
        // Disabled is checked before the empty pod label: even the namespace name is NXDOMAIN.
        new Case("disabled", "podns.pod.cluster.local", "A", nx),
        new Case("insecure", "10-240-0-1.podns.pod.cluster.local", "A", pod1),
        new Case("insecure", "172-0-0-2.podns.pod.cluster.local", "A",
            "NOERROR | 172-0-0-2.podns.pod.cluster.local. 5 A 172.0.0.2"),
        new Case("insecure", "172-0-0-2.podns.pod.cluster.local", "AAAA", nodata),
        new Case("insecure", "fd00--6.podns.pod.cluster.local", "AAAA",
            "NOERROR | fd00--6.podns.pod.cluster.local. 5 AAAA fd00::6"),
        new Case("insecure", "blah.podns.pod.cluster.local", "A", nx),
        new Case("insecure", "blah.podns.pod.cluster.local", "AAAA", nx),
        new Case("insecure", "blah.podns.pod.cluster.local", "MX", nx),
        new Case("insecure", "10-240-0-1.pod-nons.pod.cluster.local", "A", nx),
        new Case("insecure", "podns.pod.cluster.local", "A", nodata),
        new Case("verified", "10-240-0-1.podns.pod.cluster.local", "A", pod1),
        new Case("verified", "fd00--6.podns.pod.cluster.local", "AAAA",
            "NOERROR | fd00--6.podns.pod.cluster.local. 5 AAAA fd00::6"),
        new Case("verified", "172-0-0-2.podns.pod.cluster.local", "A", nx),
        new Case("verified", "10-240-0-1.testns.pod.cluster.local", "A", nx),
        new Case("verified", "podns.pod.cluster.local", "A", nodata),
        new Case("verified", "pod-nons.pod.cluster.local", "A", nx));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void podRecordsFollowThePodsMode(Case c) {
    CoreDnsServer server = cluster.server(DnsFixture.corefile("kubernetes cluster.local",
        "pods " + c.mode()));
    assertEquals(c.expected(), DnsFixture.summary(server.answer(DnsFixture.question(c.name(),
        RecordType.parse(c.type())))));
  }
}

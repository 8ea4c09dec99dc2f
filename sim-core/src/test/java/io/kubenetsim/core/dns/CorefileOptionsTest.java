package io.kubenetsim.core.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.dns.RecordType;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kubernetes stanza's options change answers as upstream's plugin does: the same question
 * asked with and without the option ({@code plugin/kubernetes/kubernetes.go} {@code
 * findServices} and {@code endpointHostname}, {@code handler_ignore_emptyservice_test.go},
 * {@code kubernetes_test.go} {@code TestEndpointHostname}, {@code setup.go} for {@code
 * noendpoints}, {@code fallthrough} and the zones of the {@code kubernetes} line). The {@code
 * pods} modes and {@code ttl} have their own tables ({@link PodRecordsTest}, {@link
 * CaseAndTtlTest}).
 */
class CorefileOptionsTest {
  private static DnsFixture cluster;

  record Case(String why, String kubernetesLine, String option, String name, String type,
      String expected) {
    @Override
    public String toString() {
      return why + ": " + (option.isEmpty() ? "(none)" : option) + " " + name + " " + type;
    }
  }

  @BeforeAll
  static void cluster() {
    cluster = Layout.build();
    // Names the outside world knows: reached only when the kubernetes plugin falls through.
    cluster.world.add("legacy.testns.svc.cluster.local A 192.0.2.10");
    cluster.world.add("www.example.internal A 192.0.2.20");
  }

  static Stream<Case> cases() {
    String k = "kubernetes cluster.local";
    String nx = "NXDOMAIN | soa=cluster.local. 5";
    String h = "hdls1.testns.svc.cluster.local.";
    return Stream.of(
        // noendpoints: no endpoint cache, so headless Services and endpoint names vanish
        // while cluster IPs still resolve.
        new Case("headless", k, "", "hdls1.testns.svc.cluster.local", "AAAA",
            "NOERROR | " + h + " 5 AAAA 5678:abcd::1 | " + h + " 5 AAAA 5678:abcd::2"),
        new Case("headless", k, "noendpoints", "hdls1.testns.svc.cluster.local", "AAAA", nx),
        new Case("endpoint name", k, "", "172-0-0-1.svc1.testns.svc.cluster.local", "A",
            "NOERROR | 172-0-0-1.svc1.testns.svc.cluster.local. 5 A 172.0.0.1"),
        new Case("endpoint name", k, "noendpoints", "172-0-0-1.svc1.testns.svc.cluster.local",
            "A", nx),
        new Case("headless SRV", k, "noendpoints", "_http._tcp.hdls1.testns.svc.cluster.local",
            "SRV", nx),
        new Case("cluster IP", k, "noendpoints", "svc1.testns.svc.cluster.local", "A",
            "NOERROR | svc1.testns.svc.cluster.local. 5 A 10.0.0.1"),
        // ignore empty_service: a ClusterIP Service without endpoints is NXDOMAIN; headless
        // ones and ones with endpoints are untouched.
        new Case("empty service", k, "", "svcempty.testns.svc.cluster.local", "A",
            "NOERROR | svcempty.testns.svc.cluster.local. 5 A 10.0.0.2"),
        new Case("empty service", k, "ignore empty_service", "svcempty.testns.svc.cluster.local",
            "A", nx),
        new Case("service with endpoints", k, "ignore empty_service",
            "svc1.testns.svc.cluster.local", "A",
            "NOERROR | svc1.testns.svc.cluster.local. 5 A 10.0.0.1"),
        new Case("headless", k, "ignore empty_service", "hdls1.testns.svc.cluster.local", "AAAA",
            "NOERROR | " + h + " 5 AAAA 5678:abcd::1 | " + h + " 5 AAAA 5678:abcd::2"),
        // endpoint_pod_names: the pod's name replaces the dashed IP; a hostname still wins.
        new Case("pod name label", k, "", "hdls1-a.hdls1.testns.svc.cluster.local", "A", nx),
        new Case("pod name label", k, "endpoint_pod_names",
            "hdls1-a.hdls1.testns.svc.cluster.local", "A",
            "NOERROR | hdls1-a." + h + " 5 A 172.0.0.2"),
        new Case("dashed IP label", k, "endpoint_pod_names",
            "172-0-0-2.hdls1.testns.svc.cluster.local", "A", nx),
        new Case("hostname label", k, "endpoint_pod_names",
            "dup-name.hdls1.testns.svc.cluster.local", "A",
            "NOERROR | dup-name." + h + " 5 A 172.0.0.4 | dup-name." + h + " 5 A 172.0.0.5"),
        // fallthrough: an NXDOMAIN in a covered zone goes on to forward; NODATA does not.
        new Case("unknown service", k, "", "legacy.testns.svc.cluster.local", "A", nx),
        new Case("unknown service", k, "fallthrough", "legacy.testns.svc.cluster.local", "A",
            "NOERROR | legacy.testns.svc.cluster.local. 300 A 192.0.2.10"),
        new Case("zone not covered", k, "fallthrough example.org",
            "legacy.testns.svc.cluster.local", "A", nx),
        new Case("zone covered", k, "fallthrough example.org cluster.local",
            "legacy.testns.svc.cluster.local", "A",
            "NOERROR | legacy.testns.svc.cluster.local. 300 A 192.0.2.10"),
        new Case("wrong type stays NODATA", k, "fallthrough", "svc1.testns.svc.cluster.local",
            "MX", "NODATA | soa=cluster.local. 5"),
        // Extra zones on the kubernetes line: Services answer under each of them; names
        // outside the zones go to forward.
        new Case("second zone", "kubernetes cluster.local example.internal", "",
            "svc1.testns.svc.example.internal", "A",
            "NOERROR | svc1.testns.svc.example.internal. 5 A 10.0.0.1"),
        new Case("second zone's negative", "kubernetes cluster.local example.internal", "",
            "www.example.internal", "A", "NXDOMAIN | soa=example.internal. 5"),
        new Case("only the first zone", k, "", "www.example.internal", "A",
            "NOERROR | www.example.internal. 300 A 192.0.2.20"),
        // namespaces: only the listed namespaces exist for the plugin.
        new Case("namespace not exposed", k, "namespaces podns",
            "svc1.testns.svc.cluster.local", "A", nx),
        new Case("namespace exposed", k, "namespaces testns",
            "svc1.testns.svc.cluster.local", "A",
            "NOERROR | svc1.testns.svc.cluster.local. 5 A 10.0.0.1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void optionsChangeAnswers(Case c) {
    String corefile = c.option().isEmpty() ? DnsFixture.corefile(c.kubernetesLine())
        : DnsFixture.corefile(c.kubernetesLine(), c.option());
    CoreDnsServer server = cluster.server(corefile);
    assertEquals(c.expected(), DnsFixture.summary(server.answer(DnsFixture.question(c.name(),
        RecordType.parse(c.type())))));
  }
}

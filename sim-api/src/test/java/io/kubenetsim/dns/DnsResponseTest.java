package io.kubenetsim.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.net.IpAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two kinds of "no" (RFC 2308 §1): NXDOMAIN (no such name) and NODATA (NOERROR, empty
 * answer), both with the zone's SOA in authority; and the dig-like rendering.
 */
class DnsResponseTest {
  private static final DnsQuestion QUESTION =
      DnsQuestion.of("web.shop.svc.cluster.local", RecordType.AAAA);
  private static final ResourceRecord SOA = new ResourceRecord(DnsName.of("cluster.local"), 5,
      new RecordData.Soa(DnsName.of("ns.dns.cluster.local"),
          DnsName.of("hostmaster.cluster.local"), 1, 7200, 1800, 86400, 5));

  @Test
  void noDataIsNoErrorWithoutAnswers() {
    DnsResponse noData = DnsResponse.of(QUESTION, Rcode.NOERROR, List.of(), List.of(SOA),
        List.of());
    assertTrue(noData.isNoData());
    assertFalse(noData.hasAnswer());
    assertTrue(noData.toString().startsWith(";; status: NOERROR (NODATA), flags: aa\n"),
        noData.toString());
  }

  @Test
  void nxdomainIsNotNoData() {
    DnsResponse nxdomain = DnsResponse.of(QUESTION, Rcode.NXDOMAIN, List.of(), List.of(SOA),
        List.of());
    assertFalse(nxdomain.isNoData());
    assertFalse(nxdomain.hasAnswer());
    assertEquals(";; status: NXDOMAIN, flags: aa\n"
        + ";; QUESTION SECTION:\n"
        + ";web.shop.svc.cluster.local. IN AAAA\n"
        + "\n;; AUTHORITY SECTION:\n"
        + "cluster.local. 5 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 1 7200 1800 "
        + "86400 5\n", nxdomain.toString());
  }

  @Test
  void anAnswerListsItsAddressesInOrder() {
    DnsName name = QUESTION.name();
    DnsResponse answer = DnsResponse.of(DnsQuestion.of("web.shop.svc.cluster.local",
        RecordType.A), Rcode.NOERROR, List.of(
            new ResourceRecord(name, 5, new RecordData.Cname(DnsName.of("x.example.com"))),
            new ResourceRecord(DnsName.of("x.example.com"), 5,
                new RecordData.A(IpAddress.parse("10.0.0.2"))),
            new ResourceRecord(DnsName.of("x.example.com"), 5,
                new RecordData.A(IpAddress.parse("10.0.0.1")))), List.of(), List.of());
    assertTrue(answer.hasAnswer());
    assertFalse(answer.isNoData());
    assertEquals(List.of(IpAddress.parse("10.0.0.2"), IpAddress.parse("10.0.0.1")),
        answer.addresses());
  }

  @Test
  void serverFailureIsNeitherAnswerNorNoData() {
    DnsResponse servfail = new DnsResponse(QUESTION, Rcode.SERVFAIL, false,
        com.google.common.collect.ImmutableList.of(), com.google.common.collect.ImmutableList.of(),
        com.google.common.collect.ImmutableList.of());
    assertFalse(servfail.isNoData());
    assertFalse(servfail.hasAnswer());
    assertTrue(servfail.toString().startsWith(";; status: SERVFAIL\n"), servfail.toString());
  }
}

package io.kubenetsim.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.net.IpAddress;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Record data in presentation form, as {@code dig} prints it after the type (RFC 1035 §5.1,
 * RFC 2782 for SRV), and read back from the same text; a record line as {@code dig} prints it.
 */
class RecordDataTest {

  record Form(RecordData data, String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  static Stream<Form> forms() {
    DnsName web = DnsName.of("web.shop.svc.cluster.local");
    return Stream.of(
        new Form(new RecordData.A(IpAddress.parse("10.96.0.10")), "10.96.0.10"),
        new Form(new RecordData.Aaaa(IpAddress.parse("fd00::a")), "fd00::a"),
        new Form(new RecordData.Cname(DnsName.of("example.com")), "example.com."),
        new Form(new RecordData.Ptr(web), "web.shop.svc.cluster.local."),
        new Form(new RecordData.Ns(DnsName.of("ns.dns.cluster.local")),
            "ns.dns.cluster.local."),
        new Form(new RecordData.Mx(10, DnsName.of("mail.example.com")),
            "10 mail.example.com."),
        new Form(new RecordData.Srv(0, 50, 80, web), "0 50 80 web.shop.svc.cluster.local."),
        new Form(RecordData.Txt.of("1.1.0"), "\"1.1.0\""),
        new Form(RecordData.Txt.of("a \"quoted\" word", "b\\c"),
            "\"a \\\"quoted\\\" word\" \"b\\\\c\""),
        new Form(new RecordData.Soa(DnsName.of("ns.dns.cluster.local"),
            DnsName.of("hostmaster.cluster.local"), 1767225600, 7200, 1800, 86400, 30),
            "ns.dns.cluster.local. hostmaster.cluster.local. 1767225600 7200 1800 86400 30"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void toStringIsThePresentationFormAndParseReadsItBack(Form form) {
    assertEquals(form.text(), form.data().toString());
    assertEquals(form.data(), RecordData.parse(form.data().type(), form.text()));
  }

  @Test
  void aBareTxtWordIsOneString() {
    assertEquals(RecordData.Txt.of("v=spf1", "-all"),
        RecordData.parse(RecordType.TXT, "v=spf1 -all"));
  }

  @Test
  void dataOfTheWrongShapeIsRejectedWithTheExpectedForm() {
    IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
        () -> RecordData.parse(RecordType.A, "fd00::1"));
    assertTrue(a.getMessage().contains("an A record holds an IPv4 address"), a.getMessage());
    IllegalArgumentException srv = assertThrows(IllegalArgumentException.class,
        () -> RecordData.parse(RecordType.SRV, "0 50 web.example.com"));
    assertTrue(srv.getMessage().contains("PRIORITY WEIGHT PORT TARGET"), srv.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> RecordData.parse(RecordType.MX, "ten mail.example.com"));
    assertThrows(IllegalArgumentException.class, () -> RecordData.parse(RecordType.TXT, ""));
  }

  @Test
  void aRecordLineIsWhatDigPrintsAndParsesBack() {
    ResourceRecord rr = new ResourceRecord(DnsName.of("web.shop.svc.cluster.local"), 30,
        new RecordData.A(IpAddress.parse("10.96.0.15")));
    assertEquals("web.shop.svc.cluster.local. 30 IN A 10.96.0.15", rr.toString());
    assertEquals(rr, ResourceRecord.parse(rr.toString()));
    assertEquals(RecordType.A, rr.type());
  }

  @Test
  void aShortRecordLineGetsTheDefaultTtl() {
    ResourceRecord rr = ResourceRecord.parse("example.com A 93.184.216.34");
    assertEquals("example.com. 300 IN A 93.184.216.34", rr.toString());
    assertEquals(ImmutableList.of("1.1.0"), ((RecordData.Txt) ResourceRecord.parse(
        "dns-version.cluster.local 28800 TXT \"1.1.0\"").data()).strings());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ResourceRecord.parse("example.com HINFO x"));
    assertTrue(e.getMessage().contains("\"HINFO\" is not a record type"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ResourceRecord.parse("example.com A"));
  }
}

package io.kubenetsim.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.model.IPBlock;
import io.kubenetsim.net.IpAddress;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ipBlock matching, row by row: an address matches when it is in {@code cidr} and in none of
 * {@code except} (upstream's {@code IPBlock}), in either family and at the edges of prefix
 * lengths (0, 32, 64, 128); a cidr written with host bits is read as Go's ParseCIDR reads it
 * (the bits are ignored), and the loose forms validation accepts mean what they mean there;
 * text that is no CIDR matches nothing; families never mix.
 */
class AddressBlockTest {

  record Row(String cidr, List<String> except, String address, boolean contains) {}

  static Stream<Row> rows() {
    return Stream.of(
        new Row("10.0.0.0/8",          List.of(),               "10.1.2.3",      true),
        new Row("10.0.0.0/8",          List.of(),               "11.0.0.0",      false),
        new Row("10.0.0.0/8",          List.of("10.1.0.0/16"),  "10.1.2.3",      false),
        new Row("10.0.0.0/8",          List.of("10.1.0.0/16"),  "10.2.0.1",      true),
        new Row("10.0.0.0/8",          List.of("10.1.2.3/32"),  "10.1.2.4",      true),
        new Row("10.244.1.7/24",       List.of(),               "10.244.1.200",  true),
        new Row("0.0.0.0/0",           List.of(),               "203.0.113.9",   true),
        new Row("0.0.0.0/0",           List.of(),               "2001:db8::1",   false),
        new Row("172.18.0.3/32",       List.of(),               "172.18.0.3",    true),
        new Row("172.18.0.3/32",       List.of(),               "172.18.0.4",    false),
        new Row("2001:db8::/32",       List.of(),               "2001:db8:1::5", true),
        new Row("2001:db8::/32",       List.of(),               "2001:db9::5",   false),
        new Row("2001:db8::/64",       List.of(),               "2001:db8::ffff", true),
        new Row("2001:db8::/64",       List.of(),               "2001:db8:0:1::", false),
        new Row("2001:db8::/16",       List.of("2001:db8::/96"), "2001:db8::7",  false),
        new Row("2001:db8::/16",       List.of("2001:db8::/96"), "2001:db8::1:0:7", true),
        new Row("fd00::1/128",         List.of(),               "fd00::1",       true),
        new Row("fd00::1/128",         List.of(),               "fd00::2",       false),
        new Row("::/0",                List.of(),               "10.0.0.1",      false),
        new Row("not-a-cidr",          List.of(),               "10.0.0.1",      false),
        new Row("10.0.0.0/33",         List.of(),               "10.0.0.1",      false),
        // Forms the API server's validation accepts (Go's ParseCIDRSloppy) must mean the same
        // here, or a valid except would be dropped and let traffic through.
        new Row("10.0.0.0/8",          List.of("010.244.0.0/24"), "10.244.0.2",  false),
        new Row("10.0.0.0/8",          List.of("010.244.0.0/24"), "10.245.0.2",  true),
        new Row("::ffff:10.0.0.0/104", List.of(),               "10.1.2.3",      true),
        new Row("10.0.0.0/0008",       List.of(),               "10.1.2.3",      true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void anAddressIsInTheCidrAndInNoExcept(Row row) {
    AddressBlock block = AddressBlock.compile(IPBlock.of(row.cidr(), row.except()));
    assertEquals(row.contains(), block.contains(IpAddress.parse(row.address())),
        block + " contains " + row.address());
  }
}

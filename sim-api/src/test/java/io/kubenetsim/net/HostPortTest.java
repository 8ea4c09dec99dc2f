package io.kubenetsim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link HostPort} reads and prints {@code ip:port} as Go's {@code net.JoinHostPort} writes it
 * (brackets around IPv6), round-trips, refuses anything else, and sorts as kube-proxy sorts
 * endpoints: by text.
 */
class HostPortTest {

  @Test
  void parsesAndPrintsBackTheSameText() {
    for (String text : List.of("10.244.1.5:8080", "[fd00::5]:53", "0.0.0.0:1",
        "[2001:db8::1]:65535")) {
      assertEquals(text, HostPort.parse(text).toString());
    }
    HostPort v6 = HostPort.parse("[fd00::5]:53");
    assertEquals(IpAddress.parse("fd00::5"), v6.ip());
    assertEquals(53, v6.port());
  }

  @Test
  void refusesWhatIsNotAnAddressAndAPort() {
    //         text                 why
    for (String text : List.of(
        "10.244.1.5",             // no port
        "10.244.1.5:",            // empty port
        "10.244.1.5:0",           // port out of range
        "10.244.1.5:65536",       // port out of range
        "web:80",                 // a name, not an address
        "fd00::5:53",             // IPv6 without brackets
        "[10.0.0.1]:80",          // IPv4 in brackets
        "10.244.1.5:80x",         // not a number
        "")) {
      assertEquals(Optional.empty(), HostPort.tryParse(text), text);
    }
    assertTrue(assertThrows(IllegalArgumentException.class, () -> HostPort.parse("web:80"))
        .getMessage().contains("\"web:80\" is not an address and port"));
  }

  @Test
  void sortsByTextAsKubeProxyDoes() {
    List<HostPort> sorted = List.of(HostPort.parse("10.0.0.2:80"), HostPort.parse("10.0.0.10:80"))
        .stream().sorted(HostPort.BY_TEXT).toList();
    assertEquals(List.of(HostPort.parse("10.0.0.10:80"), HostPort.parse("10.0.0.2:80")), sorted);
  }

  @Test
  void theRulesVerdictMapsInOnePlace() {
    assertEquals(ConnectionVerdict.ESTABLISHED, RuleOutcome.DNAT.verdict());
    assertEquals(ConnectionVerdict.REJECTED, RuleOutcome.REJECT.verdict());
    assertEquals(ConnectionVerdict.TIMED_OUT, RuleOutcome.DROP.verdict());
    assertEquals(ConnectionVerdict.UNTOUCHED, RuleOutcome.UNTOUCHED.verdict());
  }
}

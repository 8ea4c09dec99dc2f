package io.kubenetsim.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.net.IpAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * resolv.conf as the kubelet writes it for ClusterFirst (reference §7.3: search, nameserver,
 * options lines) and glibc's reading of its options: {@code res_setoptions} clamps ndots to
 * 15, timeout to 30 and attempts to 5, the last occurrence wins, unreadable values are ignored.
 */
class ResolvConfTest {

  @Test
  void clusterFirstFileHasSearchNameserverAndOptionsLines() {
    ResolvConf conf = ResolvConf.of(List.of(IpAddress.parse("10.96.0.10")),
        List.of("shop.svc.cluster.local", "svc.cluster.local", "cluster.local"),
        List.of(ResolvOption.of("ndots", "5")));
    assertEquals("search shop.svc.cluster.local svc.cluster.local cluster.local\n"
        + "nameserver 10.96.0.10\n"
        + "options ndots:5\n", conf.toString());
    assertEquals(5, conf.ndots());
  }

  @Test
  void emptyLinesAreLeftOutAndDefaultsApply() {
    ResolvConf conf = ResolvConf.of(List.of(IpAddress.parse("10.96.0.10"),
        IpAddress.parse("fd00::a")), List.of(), List.of(ResolvOption.flag("edns0")));
    assertEquals("nameserver 10.96.0.10\nnameserver fd00::a\noptions edns0\n", conf.toString());
    assertEquals(ResolvConf.DEFAULT_NDOTS, conf.ndots());
    assertEquals(ResolvConf.DEFAULT_TIMEOUT_SECONDS, conf.timeoutSeconds());
    assertEquals(ResolvConf.DEFAULT_ATTEMPTS, conf.attempts());
  }

  @ParameterizedTest(name = "{0}:{1} -> {2}")
  @CsvSource({
      "ndots, 5, 5",
      "ndots, 20, 15",
      "ndots, -1, 0",
      "ndots, x, 1",
      "timeout, 0, 1",
      "timeout, 90, 30",
      "attempts, 9, 5",
      "attempts, 0, 1",
  })
  void integerOptionsAreClamped(String name, String value, int expected) {
    ResolvConf conf = ResolvConf.of(List.of(), List.of(), List.of(ResolvOption.of(name, value)));
    int actual = switch (name) {
      case "ndots" -> conf.ndots();
      case "timeout" -> conf.timeoutSeconds();
      default -> conf.attempts();
    };
    assertEquals(expected, actual);
  }

  @Test
  void theLastOccurrenceOfAnOptionWins() {
    ResolvConf conf = ResolvConf.of(List.of(), List.of(), List.of(ResolvOption.of("ndots", "2"),
        ResolvOption.of("ndots", "3")));
    assertEquals(3, conf.ndots());
    assertEquals("options ndots:2 ndots:3\n", conf.toString());
  }
}

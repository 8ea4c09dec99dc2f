package io.kubenetsim.core.proxy.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ProxyPacket.Hook;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind of match the packer handles, as rows: a one-rule chain, an IPv4 packet (source,
 * destination, port, protocol; whether each address is the node's own) and whether the packed
 * rule lets the packet through. Kube-proxy's shared chains use few of these (no negated or
 * other-family addresses), so the walk-level property cannot reach the rest; they are here.
 * "slow" rows are the rules left to the rule objects: the packed scan stops at them.
 */
class PackedRulesTest {

  record Row(String name, List<Match> matches, String source, String destination, int port,
      Protocol protocol, boolean sourceLocal, boolean destinationLocal, boolean stops) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Match.Destination dst(String cidr, boolean negated) {
    return new Match.Destination(Cidr.parse(cidr), cidr, negated);
  }

  private static Match.Source src(String cidr, boolean negated) {
    return new Match.Source(Cidr.parse(cidr), cidr, negated);
  }

  private static Row row(String name, List<Match> matches, String source, String destination,
      int port, boolean stops) {
    return new Row(name, matches, source, destination, port, Protocol.TCP, false, false, stops);
  }

  static Stream<Row> rows() {
    Match tcp = new Match.ProtocolMatch(Protocol.TCP);
    Match udp = new Match.ProtocolMatch(Protocol.UDP);
    Match comment = new Match.Comment("ns/svc:http cluster IP");
    Match port80 = new Match.DestinationPort(80);
    String pod = "10.0.0.7";
    String vip = "172.30.0.41";
    return Stream.of(
        row("no matches", List.of(), pod, vip, 80, true),
        row("comment only", List.of(comment), pod, vip, 80, true),
        row("cluster IP rule", List.of(comment, tcp, dst(vip + "/32", false), port80), pod,
            vip, 80, true),
        row("other address", List.of(tcp, dst(vip + "/32", false), port80), pod,
            "172.30.0.42", 80, false),
        row("other port", List.of(tcp, dst(vip + "/32", false), port80), pod, vip, 81, false),
        row("other protocol", List.of(udp, dst(vip + "/32", false), port80), pod, vip, 80,
            false),
        row("destination prefix", List.of(dst("172.30.0.0/16", false)), pod, vip, 80, true),
        row("destination /0", List.of(dst("0.0.0.0/0", false)), pod, vip, 80, true),
        row("negated destination, inside", List.of(dst("172.30.0.0/16", true)), pod, vip, 80,
            false),
        row("negated destination, outside", List.of(dst("10.0.0.0/8", true)), pod, vip, 80,
            true),
        row("source prefix, inside", List.of(src("10.0.0.0/8", false)), pod, vip, 80, true),
        row("source prefix, outside", List.of(src("10.0.0.0/8", false)), "192.168.0.2", vip, 80,
            false),
        row("negated source, inside", List.of(src("10.0.0.0/8", true)), pod, vip, 80, false),
        row("negated source, outside", List.of(src("10.0.0.0/8", true)), "192.168.0.2", vip,
            80, true),
        row("IPv6 destination", List.of(dst("fd00::/64", false)), pod, vip, 80, false),
        row("negated IPv6 destination", List.of(dst("fd00::/64", true)), pod, vip, 80, true),
        row("IPv6 source", List.of(src("fd00::/64", false)), pod, vip, 80, false),
        row("negated IPv6 source", List.of(src("fd00::/64", true)), pod, vip, 80, true),
        row("conntrack state", List.of(new Match.KernelState("-m conntrack --ctstate NEW")),
            pod, vip, 80, false),
        new Row("dst-type LOCAL, local", List.of(new Match.AddressTypeLocal(false)), pod,
            "192.168.0.2", 30080, Protocol.TCP, false, true, true),
        new Row("dst-type LOCAL, not local", List.of(new Match.AddressTypeLocal(false)), pod,
            vip, 80, Protocol.TCP, false, false, false),
        new Row("src-type LOCAL, local", List.of(new Match.AddressTypeLocal(true)),
            "192.168.0.2", vip, 80, Protocol.TCP, true, false, true),
        new Row("src-type LOCAL, not local", List.of(new Match.AddressTypeLocal(true)), pod,
            vip, 80, Protocol.TCP, false, false, false),
        row("port 65535", List.of(new Match.DestinationPort(65535)), pod, vip, 65535, true),
        row("port 0", List.of(new Match.DestinationPort(0)), pod, vip, 65535, false),
        row("slow: statistic", List.of(new Match.Statistic(2)), pod, vip, 80, true),
        row("slow: recent", List.of(new Match.RecentCheck("KUBE-SEP-X", Duration.ofSeconds(10))),
            pod, vip, 80, true),
        row("slow: two destinations", List.of(dst("10.0.0.0/8", false),
            dst("172.30.0.0/16", false)), pod, vip, 80, true),
        row("slow even when never matching", List.of(new Match.Statistic(2),
            new Match.KernelState("-m mark --mark 0x4000/0x4000")), pod, vip, 80, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void packedRuleLetsThroughExactlyWhatItsMatchesDo(Row row) {
    PackedRules packed = PackedRules.of(List.of(Rule.of("KUBE-SERVICES", row.matches(),
        Target.of("ACCEPT"))));
    ProxyPacket packet = new ProxyPacket(IpAddress.parse(row.source()),
        IpAddress.parse(row.destination()), row.port(), row.protocol(), Hook.PREROUTING);
    long key = PackedRules.key(packet.destination(), packet.destinationPort(), packet.protocol());
    int next = packed.next(0, key, (int) packet.source().low(),
        (int) packet.destination().low(), row.sourceLocal(), row.destinationLocal());
    assertEquals(row.stops() ? 0 : 1, next, () -> row + ": " + row.matches());
  }
}

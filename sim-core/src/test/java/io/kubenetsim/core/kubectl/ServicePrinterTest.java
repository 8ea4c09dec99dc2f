package io.kubenetsim.core.kubectl;

import static io.kubenetsim.core.kubectl.Fixtures.NOW;
import static io.kubenetsim.core.kubectl.ServiceFixtures.clusterIp;
import static io.kubenetsim.core.kubectl.ServiceFixtures.externalName;
import static io.kubenetsim.core.kubectl.ServiceFixtures.headless;
import static io.kubenetsim.core.kubectl.ServiceFixtures.hostname;
import static io.kubenetsim.core.kubectl.ServiceFixtures.loadBalancer;
import static io.kubenetsim.core.kubectl.ServiceFixtures.nodePort;
import static io.kubenetsim.core.kubectl.ServiceFixtures.port;
import static io.kubenetsim.core.kubectl.ServiceFixtures.withExternalIps;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.model.LoadBalancerIngress;
import io.kubenetsim.model.Service;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The cell rules of {@code kubectl get services}, one row per rule of upstream's {@code
 * printService} / {@code getServiceExternalIP} / {@code makePortString}: each case names the
 * Service state, whether {@code -o wide} is on, and the exact cells expected, so a changed
 * rule fails the row that states it.
 */
class ServicePrinterTest {

  private static final Duration AGE = Duration.ofMinutes(5);
  private static final ServicePrinter PRINTER = new ServicePrinter();

  private static Service web() {
    return clusterIp("shop", "web", "10.96.45.12", AGE, port("", 80, Protocol.TCP, 8080, 0));
  }

  private static Service lb(LoadBalancerIngress... ingress) {
    return loadBalancer(clusterIp("shop", "web", "10.96.45.12", AGE,
        port("", 80, Protocol.TCP, 8080, 31380)), ingress);
  }

  static Stream<Arguments> externalIpCells() {
    return Stream.of(
        // case, service, wide, expected EXTERNAL-IP cell
        Arguments.of("clusterIP none", web(), false, "<none>"),
        Arguments.of("clusterIP externalIPs", withExternalIps(web(), "198.51.100.7",
            "198.51.100.8"), false, "198.51.100.7,198.51.100.8"),
        Arguments.of("nodePort none", nodePort(web()), false, "<none>"),
        Arguments.of("nodePort externalIPs", withExternalIps(nodePort(web()), "198.51.100.7"),
            false, "198.51.100.7"),
        Arguments.of("lb pending", lb(), false, "<pending>"),
        Arguments.of("lb pending wide", lb(), true, "<pending>"),
        Arguments.of("lb one ip", lb(LoadBalancerIngress.ip("203.0.113.10")), false,
            "203.0.113.10"),
        Arguments.of("lb hostname without ip", lb(hostname("lb.example.com")), false,
            "lb.example.com"),
        Arguments.of("lb ip wins over hostname", lb(new LoadBalancerIngress("203.0.113.10",
            "lb.example.com", "VIP")), false, "203.0.113.10"),
        Arguments.of("lb unsorted ips sorted", lb(LoadBalancerIngress.ip("203.0.113.20"),
            LoadBalancerIngress.ip("198.51.100.3"), LoadBalancerIngress.ip("203.0.113.5")),
            false, "198.51.100.3,203.0.113.20,203.0.113.5"),
        Arguments.of("lb duplicates once", lb(LoadBalancerIngress.ip("192.168.10.1"),
            LoadBalancerIngress.ip("10.0.0.1"), LoadBalancerIngress.ip("192.168.10.1")), false,
            "10.0.0.1,192.168.10.1"),
        Arguments.of("lb duplicates once wide", lb(LoadBalancerIngress.ip("192.168.10.1"),
            LoadBalancerIngress.ip("10.0.0.1"), LoadBalancerIngress.ip("192.168.10.1")), true,
            "10.0.0.1,192.168.10.1"),
        Arguments.of("lb exactly 16 chars", lb(LoadBalancerIngress.ip("1.2.3.4"),
            LoadBalancerIngress.ip("5.6.7.89")), false, "1.2.3.4,5.6.7.89"),
        Arguments.of("lb sorts as strings", lb(LoadBalancerIngress.ip("10.0.0.9"),
            LoadBalancerIngress.ip("10.0.0.10")), true, "10.0.0.10,10.0.0.9"),
        Arguments.of("lb hostnames and ips sorted together", lb(hostname("b.example.com"),
            LoadBalancerIngress.ip("203.0.113.5"), hostname("a.example.com")), false,
            "203.0.113.5,a.example.com,b.example.com"),
        Arguments.of("lb duplicate hostname once", lb(hostname("lb.example.com"),
            hostname("lb.example.com")), false, "lb.example.com"),
        Arguments.of("lb empty entry skipped", lb(new LoadBalancerIngress("", "", "")), false,
            "<pending>"),
        Arguments.of("lb ingress then externalIPs", withExternalIps(
            lb(LoadBalancerIngress.ip("203.0.113.10")), "198.51.100.7"), false,
            "203.0.113.10,198.51.100.7"),
        Arguments.of("lb sorted ingress then externalIPs as given", withExternalIps(lb(
            LoadBalancerIngress.ip("203.0.113.11"), LoadBalancerIngress.ip("203.0.113.10")),
            "198.51.100.9", "198.51.100.7"), false,
            "203.0.113.10,203.0.113.11,198.51.100.9,198.51.100.7"),
        Arguments.of("lb ingress ip also in externalIPs printed twice", withExternalIps(
            lb(LoadBalancerIngress.ip("203.0.113.10")), "203.0.113.10"), false,
            "203.0.113.10,203.0.113.10"),
        Arguments.of("lb only externalIPs", withExternalIps(lb(), "198.51.100.7"), false,
            "198.51.100.7"),
        Arguments.of("externalName", externalName("shop", "db", "db.example.com", AGE), false,
            "db.example.com"),
        Arguments.of("unknown type", web().withSpec(web().spec().with(b -> {
          b.type = "Weird";
          return b;
        })), false, "<unknown>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("externalIpCells")
  void externalIpCellFollowsTheTypeRules(String name, Service service, boolean wide,
      String expected) {
    assertEquals(expected, PRINTER.row(service, NOW, wide).get(3),
        "EXTERNAL-IP for " + name + " (wide=" + wide + ")");
  }

  @Test
  void clusterIpCellIsThePrimaryAddressNoneOrNoneInBrackets() {
    Service dualStack = web().withSpec(web().spec().with(b -> {
      b.clusterIPs = List.of("10.96.45.12", "fd00::45:12");
      return b;
    }));
    assertEquals("10.96.45.12", PRINTER.row(dualStack, NOW, false).get(2));
    assertEquals("None", PRINTER.row(headless(web()), NOW, false).get(2));
    assertEquals("<none>",
        PRINTER.row(externalName("shop", "db", "db.example.com", AGE), NOW, false).get(2));
  }

  @Test
  void portsCellJoinsPortNodePortAndProtocolWithoutSpaces() {
    Service dns = clusterIp("kube-system", "kube-dns", "10.96.0.10", AGE,
        port("dns", 53, Protocol.UDP, 53, 0), port("dns-tcp", 53, Protocol.TCP, 53, 0),
        port("metrics", 9153, Protocol.TCP, 9153, 0));
    assertEquals("53/UDP,53/TCP,9153/TCP", PRINTER.row(dns, NOW, false).get(4));
    Service np = nodePort(clusterIp("shop", "api", "10.96.7.7", AGE,
        port("http", 80, Protocol.TCP, 8080, 31234), port("https", 443, Protocol.TCP, 8443,
            30443)));
    assertEquals("80:31234/TCP,443:30443/TCP", PRINTER.row(np, NOW, false).get(4));
    assertEquals("<none>",
        PRINTER.row(externalName("shop", "db", "db.example.com", AGE), NOW, false).get(4));
  }

  @Test
  void wideAddsTheSelectorSortedByKeyOrNone() {
    Service web = web().withSpec(web().spec().with(b -> {
      b.selector = Map.of("tier", "front", "app", "web");
      return b;
    }));
    assertEquals(List.of("web", "ClusterIP", "10.96.45.12", "<none>", "80/TCP", "5m",
        "app=web,tier=front"), PRINTER.row(web, NOW, true));
    assertEquals("<none>",
        PRINTER.row(externalName("shop", "db", "db.example.com", AGE), NOW, true).get(6));
    assertEquals(List.of("Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age",
        "Selector"), PRINTER.columns(true));
    assertEquals(6, PRINTER.row(web, NOW, false).size(), "no selector cell without -o wide");
  }

  @Test
  void longExternalIpListIsNeverClippedWithOrWithoutWide() {
    // The API server builds every table with Wide: true, so the 16-character cut upstream's
    // loadBalancerStatusStringer makes for narrow output never reaches kubectl.
    Service many = withExternalIps(lb(LoadBalancerIngress.ip("203.0.113.10"),
        LoadBalancerIngress.ip("203.0.113.11"), hostname("web.shop.example.com")),
        "198.51.100.7");
    String expected = "203.0.113.10,203.0.113.11,web.shop.example.com,198.51.100.7";
    assertEquals(expected, PRINTER.row(many, NOW, false).get(3), "EXTERNAL-IP without -o wide");
    assertEquals(expected, PRINTER.row(many, NOW, true).get(3), "EXTERNAL-IP with -o wide");
  }

  @Test
  void getServicesPrintsTheSameExternalIpColumnWithAndWithoutWide() {
    // Through the get verb and the table writer: the narrow and wide tables differ only by
    // the SELECTOR column; the long EXTERNAL-IP cell appears whole in both.
    Service many = lb(LoadBalancerIngress.ip("203.0.113.11"),
        LoadBalancerIngress.ip("203.0.113.10"), LoadBalancerIngress.ip("203.0.113.11"));
    KubectlCommand kubectl = new KubectlCommand(new FakeCluster(NOW, List.of(many)),
        KubectlCommandTest.FORMATTER);
    String narrow = kubectl.run("get svc -n shop").stdout();
    String wide = kubectl.run("get svc -n shop -o wide").stdout();
    assertEquals(String.join("\n",
        "NAME   TYPE           CLUSTER-IP    EXTERNAL-IP                 PORT(S)        AGE",
        "web    LoadBalancer   10.96.45.12   203.0.113.10,203.0.113.11   80:31380/TCP   5m",
        ""), narrow);
    assertEquals(String.join("\n",
        "NAME   TYPE           CLUSTER-IP    EXTERNAL-IP                 PORT(S)        AGE"
            + "   SELECTOR",
        "web    LoadBalancer   10.96.45.12   203.0.113.10,203.0.113.11   80:31380/TCP   5m "
            + "   app=web",
        ""), wide);
  }

  @Test
  void unsetTypePrintsAsTheDefaultClusterIp() {
    Service raw = web().withSpec(web().spec().with(b -> {
      b.type = "";
      return b;
    }));
    assertEquals("ClusterIP", PRINTER.row(raw, NOW, false).get(1));
    assertEquals("<none>", PRINTER.row(raw, NOW, false).get(3));
  }
}

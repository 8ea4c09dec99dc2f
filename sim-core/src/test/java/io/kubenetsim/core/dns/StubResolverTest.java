package io.kubenetsim.core.dns;

import static io.kubenetsim.core.dns.ScriptedTransport.Step.ANSWER;
import static io.kubenetsim.core.dns.ScriptedTransport.Step.FORMERR;
import static io.kubenetsim.core.dns.ScriptedTransport.Step.ICMP_REJECT;
import static io.kubenetsim.core.dns.ScriptedTransport.Step.NODATA;
import static io.kubenetsim.core.dns.ScriptedTransport.Step.NXDOMAIN;
import static io.kubenetsim.core.dns.ScriptedTransport.Step.REFUSED;
import static io.kubenetsim.core.dns.ScriptedTransport.Step.SERVFAIL;
import static io.kubenetsim.core.dns.ScriptedTransport.Step.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubenetsim.dns.DnsAttempt;
import io.kubenetsim.dns.DnsLookup;
import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.Rcode;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.dns.ResolvConf;
import io.kubenetsim.dns.ResolvOption;
import io.kubenetsim.net.IpAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stub resolver against a scripted network: which names are asked, of which server, in what
 * order, and what the application gets back, following glibc's {@code __res_context_search}
 * ({@code res_query.c}) and {@code __res_context_send}/{@code send_dg} ({@code res_send.c}).
 * The pod is in namespace {@code shop} with the kubelet's ClusterFirst resolv.conf and kube-dns
 * at {@code 10.96.0.10}.
 */
class StubResolverTest {
  private static final String DNS = "10.96.0.10";
  private static final ResolvConf POD = ResolvConf.of(List.of(IpAddress.parse(DNS)),
      SearchListTest.CLUSTER_SEARCH, List.of(ResolvOption.of("ndots", "5")));

  private final ScriptedTransport net = new ScriptedTransport();
  private final StubResolver resolver = new StubResolver(net);

  /** One lookup: the script, then the names asked and what came back. */
  record Case(String name, String query, ResolvConf conf, ScriptedTransport net,
      List<String> asked, Optional<String> outcome, long seconds) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> searches() {
    return Stream.of(
        new Case("a Service in the pod's namespace answers first", "web", POD,
            new ScriptedTransport().on(DNS, "web.shop.svc.cluster.local", ANSWER),
            List.of("web.shop.svc.cluster.local."), Optional.of("answer"), 0),
        new Case("a Service in another namespace costs one NXDOMAIN", "web.billing", POD,
            new ScriptedTransport().on(DNS, "web.billing.svc.cluster.local", ANSWER),
            List.of("web.billing.shop.svc.cluster.local.", "web.billing.svc.cluster.local."),
            Optional.of("answer"), 0),
        new Case("an outside name costs three NXDOMAINs", "example.com", POD,
            new ScriptedTransport().on(DNS, "example.com", ANSWER),
            List.of("example.com.shop.svc.cluster.local.", "example.com.svc.cluster.local.",
                "example.com.cluster.local.", "example.com."), Optional.of("answer"), 0),
        new Case("a trailing dot asks once and takes even NXDOMAIN", "example.com.", POD,
            new ScriptedTransport(), List.of("example.com."), Optional.of("NXDOMAIN example.com."),
            0),
        new Case("ndots:1 asks example.com as written first", "example.com",
            withOptions(ResolvOption.of("ndots", "1")),
            new ScriptedTransport().on(DNS, "example.com", ANSWER), List.of("example.com."),
            Optional.of("answer"), 0),
        new Case("nothing found: the last NXDOMAIN, from the name as written", "nope", POD,
            new ScriptedTransport(), List.of("nope.shop.svc.cluster.local.",
                "nope.svc.cluster.local.", "nope.cluster.local.", "nope."),
            Optional.of("NXDOMAIN nope."), 0),
        new Case("NODATA moves on, and is what comes back", "db", POD,
            new ScriptedTransport().on(DNS, "db.shop.svc.cluster.local", NODATA),
            List.of("db.shop.svc.cluster.local.", "db.svc.cluster.local.",
                "db.cluster.local.", "db."), Optional.of("NODATA db.shop.svc.cluster.local."), 0),
        new Case("NODATA and then an answer: the answer", "db", POD,
            new ScriptedTransport().on(DNS, "db.shop.svc.cluster.local", NODATA)
                .on(DNS, "db.svc.cluster.local", ANSWER),
            List.of("db.shop.svc.cluster.local.", "db.svc.cluster.local."),
            Optional.of("answer"), 0),
        new Case("SERVFAIL moves on (each attempt asked), and is what comes back", "api", POD,
            new ScriptedTransport().on(DNS, "api.svc.cluster.local", SERVFAIL),
            List.of("api.shop.svc.cluster.local.", "api.svc.cluster.local.",
                "api.svc.cluster.local.", "api.cluster.local.", "api."),
            Optional.of("SERVFAIL api.svc.cluster.local."), 0),
        new Case("NODATA outranks SERVFAIL", "api", POD,
            new ScriptedTransport().on(DNS, "api.shop.svc.cluster.local", SERVFAIL)
                .on(DNS, "api.cluster.local", NODATA),
            List.of("api.shop.svc.cluster.local.", "api.shop.svc.cluster.local.",
                "api.svc.cluster.local.", "api.cluster.local.", "api."),
            Optional.of("NODATA api.cluster.local."), 0),
        new Case("a SERVFAIL once, then an answer on the second attempt", "api", POD,
            new ScriptedTransport().on(DNS, "api.shop.svc.cluster.local", SERVFAIL, ANSWER),
            List.of("api.shop.svc.cluster.local.", "api.shop.svc.cluster.local."),
            Optional.of("answer"), 0),
        new Case("a timeout stops the search list, the name as written is still asked", "web",
            POD, new ScriptedTransport().on(DNS, "web.shop.svc.cluster.local", TIMEOUT),
            List.of("web.shop.svc.cluster.local.", "web.shop.svc.cluster.local.", "web."),
            Optional.of("NXDOMAIN web."), 10),
        new Case("every query times out: 10 s per name asked, nothing back", "web", POD,
            new ScriptedTransport().on(DNS, "web.shop.svc.cluster.local", TIMEOUT)
                .on(DNS, "web", TIMEOUT),
            List.of("web.shop.svc.cluster.local.", "web.shop.svc.cluster.local.", "web.",
                "web."), Optional.empty(), 20),
        new Case("a REFUSED reply stops the search list like a timeout, at no cost", "web",
            POD, new ScriptedTransport().on(DNS, "web.shop.svc.cluster.local", REFUSED),
            List.of("web.shop.svc.cluster.local.", "web.shop.svc.cluster.local.", "web."),
            Optional.of("NXDOMAIN web."), 0),
        new Case("FORMERR stops the search list", "web", POD,
            new ScriptedTransport().on(DNS, "web.shop.svc.cluster.local", FORMERR),
            List.of("web.shop.svc.cluster.local.", "web."), Optional.of("NXDOMAIN web."), 0),
        new Case("a rejected datagram (no CoreDNS endpoints) ends the lookup at once", "web",
            POD, new ScriptedTransport().on(DNS, "web.shop.svc.cluster.local", ICMP_REJECT),
            List.of("web.shop.svc.cluster.local.", "web.shop.svc.cluster.local."),
            Optional.empty(), 0),
        new Case("asked first as written: its outcome outranks later NODATA", "a.b.c.d.e.f",
            POD, new ScriptedTransport().on(DNS, "a.b.c.d.e.f", SERVFAIL)
                .on(DNS, "a.b.c.d.e.f.shop.svc.cluster.local", NODATA),
            List.of("a.b.c.d.e.f.", "a.b.c.d.e.f.", "a.b.c.d.e.f.shop.svc.cluster.local.",
                "a.b.c.d.e.f.svc.cluster.local.", "a.b.c.d.e.f.cluster.local."),
            Optional.of("SERVFAIL a.b.c.d.e.f."), 0),
        new Case("asked first as written and timed out: the search list is still tried",
            "a.b.c.d.e.f", POD, new ScriptedTransport().on(DNS, "a.b.c.d.e.f", TIMEOUT)
                .on(DNS, "a.b.c.d.e.f.svc.cluster.local", ANSWER),
            List.of("a.b.c.d.e.f.", "a.b.c.d.e.f.", "a.b.c.d.e.f.shop.svc.cluster.local.",
                "a.b.c.d.e.f.svc.cluster.local."), Optional.of("answer"), 10));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("searches")
  void theSearchFollowsGlibc(Case c) {
    DnsLookup lookup = new StubResolver(c.net()).lookup(c.query(), RecordType.A, c.conf());
    assertEquals(c.asked(), lookup.tried().stream().map(a -> a.question().name().toString())
        .toList(), "names asked");
    assertEquals(c.outcome(), lookup.response().map(r -> r.hasAnswer() ? "answer"
        : (r.isNoData() ? "NODATA" : r.rcode().toString()) + " " + r.question().name()),
        "what the application gets");
    assertEquals(Duration.ofSeconds(c.seconds()), lookup.elapsed());
  }

  @Test
  void anAnswerNamesTheQueryThatFoundItAndItsAddresses() {
    net.on(DNS, "web.billing.svc.cluster.local", ANSWER);
    DnsLookup lookup = resolver.lookup("web.billing", RecordType.A, POD);
    assertEquals(true, lookup.resolved());
    assertEquals(Optional.of(DnsName.of("web.billing.svc.cluster.local")),
        lookup.answeredName());
    assertEquals(List.of(ScriptedTransport.ADDRESS), lookup.addresses());
    assertEquals("web.billing", lookup.query());
    assertEquals(POD, lookup.resolvConf());
  }

  @Test
  void attemptsGoRoundTheNameserversInOrderEachWithItsOwnWait() {
    // Three servers, timeout:2, attempts:2: send_dg waits 2 s for the first server,
    // (2 << 1) / 3 = 1 s for the second and (2 << 2) / 3 = 2 s for the third.
    ResolvConf three = ResolvConf.of(List.of(IpAddress.parse("10.0.0.1"),
        IpAddress.parse("10.0.0.2"), IpAddress.parse("10.0.0.3")), List.of(), List.of(
            ResolvOption.of("timeout", "2"), ResolvOption.of("attempts", "2")));
    for (String server : List.of("10.0.0.1", "10.0.0.2", "10.0.0.3")) {
      net.on(server, "example.com", TIMEOUT);
    }
    DnsLookup lookup = resolver.lookup("example.com.", RecordType.A, three);
    assertEquals(List.of("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.1", "10.0.0.2",
        "10.0.0.3"), servers(lookup.tried()));
    assertEquals(Duration.ofSeconds(10), lookup.elapsed());
    assertEquals(true, lookup.timedOut());
  }

  @Test
  void theSecondServerAnswersWhenTheFirstTimesOut() {
    ResolvConf two = ResolvConf.of(List.of(IpAddress.parse("10.0.0.1"),
        IpAddress.parse("10.0.0.2")), List.of(), List.of());
    net.on("10.0.0.1", "example.com", TIMEOUT).on("10.0.0.2", "example.com", ANSWER);
    DnsLookup lookup = resolver.lookup("example.com", RecordType.A, two);
    assertEquals(List.of("10.0.0.1", "10.0.0.2"), servers(lookup.tried()));
    assertEquals(Duration.ofSeconds(5), lookup.elapsed());
    assertEquals(true, lookup.resolved());
  }

  @Test
  void aServfailFromTheFirstServerIsRetriedAtTheSecondAtOnce() {
    ResolvConf two = ResolvConf.of(List.of(IpAddress.parse("10.0.0.1"),
        IpAddress.parse("10.0.0.2")), List.of(), List.of());
    net.on("10.0.0.1", "example.com", SERVFAIL).on("10.0.0.2", "example.com", ANSWER);
    DnsLookup lookup = resolver.lookup("example.com", RecordType.A, two);
    assertEquals(List.of("10.0.0.1", "10.0.0.2"), servers(lookup.tried()));
    assertEquals(List.of(Optional.of(Rcode.SERVFAIL), Optional.of(Rcode.NOERROR)),
        lookup.tried().stream().map(DnsAttempt::rcode).toList());
    assertEquals(Duration.ZERO, lookup.elapsed());
  }

  @Test
  void onlyTheFirstThreeNameserversAreAskedAndNoneMeansTheLocalMachine() {
    ResolvConf four = ResolvConf.of(List.of(IpAddress.parse("10.0.0.1"),
        IpAddress.parse("10.0.0.2"), IpAddress.parse("10.0.0.3"), IpAddress.parse("10.0.0.4")),
        List.of(), List.of(ResolvOption.of("attempts", "1")));
    assertEquals(List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"),
        servers(resolver.lookup("x.", RecordType.A, setAll(four, SERVFAIL)).tried()));
    ResolvConf none = ResolvConf.of(List.of(), List.of(), List.of());
    net.on("127.0.0.1", "x", SERVFAIL);
    assertEquals(List.of("127.0.0.1", "127.0.0.1"),
        servers(resolver.lookup("x.", RecordType.A, none).tried()), "two attempts");
  }

  @Test
  void anInvalidNameSendsNothing() {
    assertThrows(IllegalArgumentException.class,
        () -> resolver.lookup("web..shop", RecordType.A, POD));
  }

  @Test
  void theTimeoutFormulaIsSendDgs() {
    assertEquals(5, StubResolverQuery.timeoutSeconds(5, 0, 1));
    assertEquals(5, StubResolverQuery.timeoutSeconds(5, 1, 2), "(5 << 1) / 2");
    assertEquals(3, StubResolverQuery.timeoutSeconds(5, 1, 3), "(5 << 1) / 3");
    assertEquals(6, StubResolverQuery.timeoutSeconds(5, 2, 3), "(5 << 2) / 3");
    assertEquals(1, StubResolverQuery.timeoutSeconds(1, 1, 3), "at least one second");
  }

  private ResolvConf setAll(ResolvConf conf, ScriptedTransport.Step step) {
    conf.nameservers().forEach(ns -> net.on(ns.toString(), "x", step));
    return conf;
  }

  private static List<String> servers(List<DnsAttempt> tried) {
    return tried.stream().map(a -> a.server().toString()).toList();
  }

  private static ResolvConf withOptions(ResolvOption... options) {
    return ResolvConf.of(POD.nameservers(), POD.searches(), List.of(options));
  }
}

package io.kubenetsim.core.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.ResolvConf;
import io.kubenetsim.dns.ResolvOption;
import io.kubenetsim.net.IpAddress;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The order of names glibc's {@code __res_context_search} asks, with the reference's examples
 * (kubernetes-networking-reference §7.3, resolv.conf(5) on {@code ndots}) for a pod in
 * namespace {@code shop} with the kubelet's ClusterFirst resolv.conf.
 */
class SearchListTest {
  static final List<String> CLUSTER_SEARCH =
      List.of("shop.svc.cluster.local", "svc.cluster.local", "cluster.local");
  static final ResolvConf POD = conf(CLUSTER_SEARCH, ResolvOption.of("ndots", "5"));

  static Stream<Arguments> cases() {
    ResolvConf ndots1 = conf(CLUSTER_SEARCH, ResolvOption.of("ndots", "5"),
        ResolvOption.of("ndots", "1"));
    return Stream.of(
        Arguments.of("a Service in the pod's namespace", POD, "web", List.of(
            "web.shop.svc.cluster.local.", "web.svc.cluster.local.", "web.cluster.local.",
            "web.")),
        Arguments.of("a Service in another namespace", POD, "web.billing", List.of(
            "web.billing.shop.svc.cluster.local.", "web.billing.svc.cluster.local.",
            "web.billing.cluster.local.", "web.billing.")),
        Arguments.of("an outside name pays for every search domain", POD, "example.com",
            List.of("example.com.shop.svc.cluster.local.", "example.com.svc.cluster.local.",
                "example.com.cluster.local.", "example.com.")),
        Arguments.of("five dots reach ndots: as written first", POD, "a.b.c.d.e.f", List.of(
            "a.b.c.d.e.f.", "a.b.c.d.e.f.shop.svc.cluster.local.",
            "a.b.c.d.e.f.svc.cluster.local.", "a.b.c.d.e.f.cluster.local.")),
        Arguments.of("four dots do not", POD, "web.shop.svc.cluster.local", List.of(
            "web.shop.svc.cluster.local.shop.svc.cluster.local.",
            "web.shop.svc.cluster.local.svc.cluster.local.",
            "web.shop.svc.cluster.local.cluster.local.", "web.shop.svc.cluster.local.")),
        Arguments.of("a trailing dot is absolute", POD, "example.com.",
            List.of("example.com.")),
        Arguments.of("ndots:1 from dnsConfig (the last option wins)", ndots1, "example.com",
            List.of("example.com.", "example.com.shop.svc.cluster.local.",
                "example.com.svc.cluster.local.", "example.com.cluster.local.")),
        Arguments.of("ndots:1 still searches a name without dots first", ndots1, "web",
            List.of("web.shop.svc.cluster.local.", "web.svc.cluster.local.",
                "web.cluster.local.", "web.")),
        Arguments.of("ndots:0 asks every name as written first",
            conf(List.of("corp"), ResolvOption.of("ndots", "0")), "web",
            List.of("web.", "web.corp.")),
        Arguments.of("no search list", conf(List.of()), "web", List.of("web.")),
        Arguments.of("glibc's default ndots:1 asks a dotted name as written first",
            conf(List.of("corp")), "web.shop", List.of("web.shop.", "web.shop.corp.")),
        Arguments.of("a search domain with a trailing dot", conf(List.of("corp.")), "web",
            List.of("web.corp.", "web.")),
        Arguments.of("a root search domain asks the name itself, once", conf(List.of(
            "corp", ".", "lab")), "web", List.of("web.corp.", "web.", "web.lab.")),
        Arguments.of("no-tld-query skips a single label as written",
            conf(List.of("corp"), ResolvOption.flag("no-tld-query")), "web",
            List.of("web.corp.")),
        Arguments.of("no-tld-query keeps a dotted name",
            conf(List.of("corp"), ResolvOption.flag("no-tld-query"), ResolvOption.of("ndots",
                "2")), "web.shop",
            List.of("web.shop.corp.", "web.shop.")),
        Arguments.of("a search domain that makes too long a name ends the list",
            conf(List.of("corp", "x".repeat(60) + "." + "y".repeat(60) + "." + "z".repeat(60)
                + "." + "w".repeat(60), "lab")), "service-name",
            List.of("service-name.corp.", "service-name.")),
        Arguments.of("case is kept as written", POD, "Web.Billing", List.of(
            "Web.Billing.shop.svc.cluster.local.", "Web.Billing.svc.cluster.local.",
            "Web.Billing.cluster.local.", "Web.Billing.")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void candidatesFollowNdotsAndTheSearchList(String name, ResolvConf conf, String query,
      List<String> expected) {
    assertEquals(expected.stream().map(DnsName::of).toList(),
        SearchList.candidates(query, conf));
  }

  @Test
  void theNameAsWrittenComesLastOnlyIfNoRootDomainWasAskedBeforeTheSearchStopped() {
    SearchList plan = SearchList.of("web", conf(List.of("corp", ".", "lab")));
    assertEquals(true, plan.asIsAfterSearching(1), "stopped after web.corp.");
    assertEquals(false, plan.asIsAfterSearching(2), "web. was asked as the root domain");
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("", "cannot look up \"\": the name is empty"),
        Arguments.of("web..shop", "cannot look up \"web..shop\": \"web..shop.\" is not a valid "
            + "DNS name: labels must not be empty"),
        Arguments.of("web shop", "cannot look up \"web shop\": \"web shop.\" is not a valid DNS "
            + "name: label \"web shop\" holds ' '; use letters, digits, '-' and '_'"),
        Arguments.of("x".repeat(64), "cannot look up \"" + "x".repeat(64) + "\": \""
            + "x".repeat(64) + ".\" is not a valid DNS name: label \"" + "x".repeat(64)
            + "\" must be no more than 63 characters"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("invalid")
  void anInvalidNameIsRefusedWithTheReason(String query, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SearchList.candidates(query, POD));
    assertEquals(message, e.getMessage());
  }

  static ResolvConf conf(List<String> searches, ResolvOption... options) {
    return ResolvConf.of(List.of(IpAddress.parse("10.96.0.10")), searches, List.of(options));
  }
}

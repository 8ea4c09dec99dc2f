package io.kubenetsim.core.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.dns.DnsName;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Corefiles as CoreDNS reads them: caddy's syntax ({@code caddyfile/parse_test.go},
 * {@code lexer_test.go}), server block keys ({@code core/dnsserver/register.go}), and the
 * plugins' own checks with their messages — the kubernetes plugin's after upstream's {@code
 * plugin/kubernetes/setup_test.go} and {@code setup_ttl_test.go}. Errors are typed: what
 * CoreDNS refuses is {@link CorefileError.Invalid}, what the simulation does not model is
 * {@link CorefileError.Unmodelled}.
 */
class CorefileParseTest {

  @Test
  void kubeadmsCorefileParsesToTheDefaultsItSets() {
    Corefile corefile = Corefile.parse(Corefile.kubeadm("cluster.local")).orElseThrow();
    assertEquals(1, corefile.serverBlocks().size());
    ServerBlock block = corefile.serverBlocks().get(0);
    assertEquals("[dns://.:53]", block.keys().toString());
    assertEquals(List.of("errors", "health", "ready", "kubernetes", "prometheus", "forward",
        "cache", "loop", "reload", "loadbalance"),
        block.directives().stream().map(Directive::name).toList());
    KubernetesOptions k = block.kubernetes().orElseThrow();
    assertEquals(names("cluster.local", "in-addr.arpa", "ip6.arpa"), k.zones());
    assertEquals(PodMode.INSECURE, k.podMode());
    assertEquals(30, k.ttl());
    assertEquals(names("in-addr.arpa", "ip6.arpa"), k.fallthrough());
    assertEquals(DnsName.of("cluster.local"), k.primaryZone());
    Directive.Forward forward = (Directive.Forward) block.directives().get(5);
    assertEquals(DnsName.ROOT, forward.from());
    assertEquals(List.of(new ForwardTarget.File("/etc/resolv.conf")), forward.to());
    assertEquals(new Directive.Passive("cache", 16, ImmutableList.of("30", "{", "disable",
        "success", "cluster.local", "disable", "denial", "cluster.local", "}")),
        block.directives().get(6));
  }

  @Test
  void kubeadmsTextMatchesItsManifest() {
    String text = Corefile.kubeadm("cluster.local");
    assertTrue(text.startsWith(".:53 {\n    errors\n    health {\n       lameduck 5s\n    }\n"),
        text);
    assertTrue(text.contains("    kubernetes cluster.local in-addr.arpa ip6.arpa {\n"
        + "       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n       ttl 30\n"
        + "    }\n    prometheus :9153\n    forward . /etc/resolv.conf {\n"
        + "       max_concurrent 1000\n    }\n    cache 30 {\n"
        + "       disable success cluster.local\n       disable denial cluster.local\n    }\n"
        + "    loop\n    reload\n    loadbalance\n}\n"), text);
    assertTrue(Corefile.kubeadm("").contains("    cache 30\n    loop\n"));
  }

  record Valid(String why, String text, String blocks) {
    @Override
    public String toString() {
      return why;
    }
  }

  static Stream<Valid> valid() {
    return Stream.of(
        new Valid("zones from the block's keys", "cluster.local:53 {\n  kubernetes\n}",
            "[dns://cluster.local.:53] kubernetes[cluster.local.]"),
        new Valid("one block may go without braces", "cluster.local\nkubernetes\nforward . "
            + "8.8.8.8", "[dns://cluster.local.:53] kubernetes[cluster.local.] forward"),
        new Valid("keys with a comma, a port, a scheme", "dns://Example.ORG:1053, foo.bar {\n"
            + "  forward . 10.0.0.1\n}", "[dns://example.org.:1053, dns://foo.bar.:53] forward"),
        new Valid("a CIDR key is its reverse zones",
            "10.0.0.0/23 {\n  kubernetes cluster.local 10.0.0.0/23\n}",
            "[dns://0.0.10.in-addr.arpa.:53, dns://1.0.10.in-addr.arpa.:53] "
                + "kubernetes[cluster.local., 0.0.10.in-addr.arpa., 1.0.10.in-addr.arpa.]"),
        new Valid("comments and quoted tokens", "# header\n.:53 { # the root\n  "
            + "forward \".\" \"/etc/resolv.conf\" # upstream\n  hosts {\n    "
            + "\"10.0.0.1 db.example.org\"\n    fallthrough\n  }\n}",
            "[dns://.:53] forward hosts[10.0.0.1=db.example.org.]"),
        new Valid("several blocks", "cluster.local {\n kubernetes\n}\n. {\n forward . 1.1.1.1\n}",
            "[dns://cluster.local.:53] kubernetes[cluster.local.] ; [dns://.:53] forward"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void validCorefiles(Valid c) {
    CorefileParse parse = Corefile.parse(c.text());
    assertTrue(parse.ok(), () -> parse.error().get().message());
    assertEquals(c.blocks(), describe(parse.orElseThrow()));
  }

  record Invalid(String why, String text, String message) {
    @Override
    public String toString() {
      return why;
    }
  }

  static Stream<Invalid> invalid() {
    String k = ".:53 {\n  kubernetes cluster.local {\n    ";
    return Stream.of(
        new Invalid("ttl out of range", k + "ttl 5000\n  }\n}",
            "plugin/kubernetes: Corefile:3 - Error during parsing: ttl must be in range "
                + "[0, 3600]: 5000"),
        new Invalid("ttl negative", k + "ttl -1\n  }\n}",
            "plugin/kubernetes: Corefile:3 - Error during parsing: ttl must be in range "
                + "[0, 3600]: -1"),
        new Invalid("ttl not a number", k + "ttl abc\n  }\n}",
            "plugin/kubernetes: strconv.Atoi: parsing \"abc\": invalid syntax"),
        new Invalid("ttl without value", k + "ttl\n  }\n}",
            "plugin/kubernetes: Corefile:3 - Error during parsing: Wrong argument count or "
                + "unexpected line ending after 'ttl'"),
        new Invalid("unknown pods mode", k + "pods foo\n  }\n}",
            "plugin/kubernetes: wrong value for pods: foo,  must be one of: disabled, verified, "
                + "insecure"),
        new Invalid("unknown kubernetes option", k + "podz insecure\n  }\n}",
            "plugin/kubernetes: Corefile:3 - Error during parsing: unknown property 'podz'"),
        new Invalid("endpoint_pod_names takes no argument", k + "endpoint_pod_names x\n  }\n}",
            "plugin/kubernetes: Corefile:3 - Error during parsing: Wrong argument count or "
                + "unexpected line ending after 'x'"),
        new Invalid("ignore what", k + "ignore foo\n  }\n}",
            "plugin/kubernetes: unable to parse ignore value: 'foo'"),
        new Invalid("only reverse zones", ".:53 {\n  kubernetes in-addr.arpa\n}",
            "plugin/kubernetes: non-reverse zone name must be used"),
        // parse.HostPortOrFile: neither an address nor a file the container has.
        new Invalid("a forward upstream that is no address", ".:53 {\n  forward . resolver.lan\n}",
            "plugin/forward: not an IP address or file: \"resolver.lan\""),
        new Invalid("kubernetes twice", ".:53 {\n  kubernetes\n  kubernetes\n}",
            "plugin/kubernetes: this plugin can only be used once per Server Block"),
        new Invalid("an unknown directive", ".:53 {\n  kubernets\n}",
            "Corefile:2 - Error during parsing: Unknown directive 'kubernets'"),
        new Invalid("a block not closed", ".:53 {\n  errors\n  loop\n",
            "Corefile:3 - Syntax error: Unexpected token 'loop', expecting '}'"),
        new Invalid("a nested block not closed", k + "ttl 5\n",
            "Corefile:3 - Error during parsing: Unexpected EOF"),
        new Invalid("a brace on a directive's line", ".:53 {\n  errors }\n}",
            "Corefile:2 - Error during parsing: Unexpected '}' because no matching opening "
                + "brace"),
        new Invalid("a key ending in a colon", "cluster.local: {\n}",
            "expecting data after last colon: \"cluster.local:\""),
        new Invalid("a key served twice", ".:53 {\n errors\n}\n. {\n errors\n}",
            "cannot serve dns://.:53 - it is already defined"),
        new Invalid("forward without destinations", ".:53 {\n  forward .\n}",
            "plugin/forward: Corefile:2 - Error during parsing: Wrong argument count or "
                + "unexpected line ending after '.'"),
        new Invalid("forward with an unknown option", ".:53 {\n  forward . 1.1.1.1 {\n"
            + "    bogus\n  }\n}",
            "plugin/forward: Corefile:3 - Error during parsing: unknown property 'bogus'"),
        new Invalid("forward with an unknown policy", ".:53 {\n  forward . 1.1.1.1 {\n"
            + "    policy fastest\n  }\n}",
            "plugin/forward: Corefile:3 - Error during parsing: unknown policy 'fastest'"),
        new Invalid("cache TTL zero", ".:53 {\n  cache 0\n}",
            "plugin/cache: cache TTL can not be zero or negative: 0"),
        new Invalid("loadbalance policy", ".:53 {\n  loadbalance fastest\n}",
            "plugin/loadbalance: unknown policy: fastest"),
        new Invalid("hosts ttl", ".:53 {\n  hosts {\n    ttl 0\n  }\n}",
            "plugin/hosts: Corefile:3 - Error during parsing: ttl provided is invalid"),
        new Invalid("hosts option after fallthrough", ".:53 {\n  hosts {\n    fallthrough\n"
            + "    10.0.0.1 a.example\n  }\n}",
            "plugin/hosts: Corefile:4 - Error during parsing: unknown property '10.0.0.1'"),
        new Invalid("rewrite rule type", ".:53 {\n  rewrite bogus a b\n}",
            "plugin/rewrite: invalid rule type \"bogus\""),
        new Invalid("rewrite name match", ".:53 {\n  rewrite name fuzzy a b\n}",
            "plugin/rewrite: name rule supports only exact, prefix, suffix, substring, and "
                + "regex name matching, received: fuzzy"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidCorefilesFailWithCorednsMessages(Invalid c) {
    CorefileParse parse = Corefile.parse(c.text());
    assertFalse(parse.ok());
    CorefileError error = parse.error().orElseThrow();
    assertInstanceOf(CorefileError.Invalid.class, error);
    assertEquals(c.message(), error.message());
  }

  record Gap(String why, String text, CorefileError.Unmodelled error) {
    @Override
    public String toString() {
      return why;
    }
  }

  static Stream<Gap> unmodelled() {
    ImmutableList<String> plugins = CorefilePlugins.MODELLED;
    return Stream.of(
        new Gap("a plugin CoreDNS has", ".:53 {\n  errors\n  autopath @kubernetes\n}",
            new CorefileError.Unmodelled(3, "", "autopath", plugins)),
        new Gap("the first in plugin order wins", ".:53 {\n  whoami\n  log\n  template IN A "
            + "x\n}", new CorefileError.Unmodelled(4, "", "template", plugins)),
        new Gap("a kubernetes option", ".:53 {\n  kubernetes {\n    labels app=web\n  }\n}",
            new CorefileError.Unmodelled(3, "kubernetes", "labels",
                KubernetesSetup.MODELLED_OPTIONS)),
        new Gap("a forward option", ".:53 {\n  forward . 1.1.1.1 {\n    next NXDOMAIN\n  }\n}",
            new CorefileError.Unmodelled(3, "forward", "next", ForwardSetup.MODELLED_OPTIONS)),
        new Gap("a rewrite rule", ".:53 {\n  rewrite name regex (.*)\\.a {1}.b\n}",
            new CorefileError.Unmodelled(2, "rewrite", "name regex",
                RewriteSetup.MODELLED_OPTIONS)),
        new Gap("a forward over TLS", ".:53 {\n  forward . tls://1.1.1.1\n}",
            new CorefileError.Unmodelled(2, "forward", "tls:// upstreams", ImmutableList.of(
                "dns:// and plain addresses on port 53", "/etc/resolv.conf"))),
        new Gap("a forward to another port", ".:53 {\n  forward . 10.0.0.53:5353\n}",
            new CorefileError.Unmodelled(2, "forward", "upstream port 5353",
                ImmutableList.of("port 53"))),
        new Gap("caddy's import", "import common.conf\n",
            new CorefileError.Unmodelled(1, "", "import", plugins)),
        new Gap("a TLS server", "tls://.:853 {\n  forward . 1.1.1.1\n}",
            new CorefileError.Unmodelled(1, "", "tls:// server", plugins)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unmodelled")
  void unmodelledDirectivesAreNamed(Gap c) {
    assertEquals(c.error(), Corefile.parse(c.text()).error().orElseThrow());
  }

  @Test
  void anUnmodelledErrorNamesTheLineTheDirectiveAndWhatIsModelled() {
    assertEquals("line 3: kube-netsim does not simulate the 'autopath' plugin; modelled "
        + "plugins: cache, errors, forward, health, hosts, kubernetes, loadbalance, log, loop, "
        + "prometheus, ready, reload, rewrite",
        Corefile.parse(".:53 {\n  errors\n  autopath @kubernetes\n}").error().get().message());
  }

  @Test
  void errorsNameTheFileGiven() {
    assertEquals("plugin/kubernetes: /etc/coredns/Corefile:3 - Error during parsing: ttl must "
        + "be in range [0, 3600]: 5000", Corefile.parse("/etc/coredns/Corefile",
            ".:53 {\n  kubernetes {\n    ttl 5000\n  }\n}").error().get().message());
  }

  private static ImmutableList<DnsName> names(String... names) {
    return Stream.of(names).map(DnsName::of).collect(ImmutableList.toImmutableList());
  }

  /** {@return keys and directives per block; kubernetes with its zones, hosts its entries} */
  private static String describe(Corefile corefile) {
    return String.join(" ; ", corefile.serverBlocks().stream().map(b -> b.keys() + " "
        + String.join(" ", b.directives().stream().map(d -> {
          if (d instanceof Directive.Kubernetes k) {
            return "kubernetes" + k.options().zones();
          }
          if (d instanceof Directive.Hosts h) {
            return "hosts" + h.entries().stream().map(e -> e.address() + "=" + String.join(",",
                e.names().stream().map(DnsName::toString).toList())).toList();
          }
          return d.name();
        }).toList())).toList());
  }
}

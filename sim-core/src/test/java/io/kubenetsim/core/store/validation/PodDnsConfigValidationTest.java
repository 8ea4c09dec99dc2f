package io.kubenetsim.core.store.validation;

import static io.kubenetsim.core.store.validation.Errors.assertLines;
import static io.kubenetsim.core.store.validation.Errors.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.DnsPolicy;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodDNSConfig;
import io.kubenetsim.model.PodDNSConfigOption;
import io.kubenetsim.model.PodSpec;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code spec.dnsPolicy} and {@code spec.dnsConfig} rules, as upstream's {@code
 * validatePodDNSConfig}; the table follows the DNS cases of {@code TestValidatePodSpec} and
 * {@code TestValidatePodDNSConfig} ({@code pkg/apis/core/validation/validation_test.go}):
 * each row a policy and config, and every error line it must give, in order.
 */
class PodDnsConfigValidationTest {

  private static final String SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of"
      + " lower case alphanumeric characters, '_', '-' or '.', and must start and end with an"
      + " alphanumeric character (e.g. 'example.com', regex used for validation is"
      + " '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*')";

  static Stream<Arguments> cases() {
    List<String> thirtyThree = IntStream.rangeClosed(1, 33).mapToObj(i -> "d" + i).toList();
    // 2049 characters: 16 domains of 127 plus 15 spaces is 2047, and one more of 1 plus a space.
    List<String> longList = Stream.concat(Collections.nCopies(16, "a".repeat(127)).stream(),
        Stream.of("b")).toList();
    return Stream.of(
        row("no config, ClusterFirst", DnsPolicy.CLUSTER_FIRST, Optional.empty()),
        row("None without a config", DnsPolicy.NONE, Optional.empty(),
            "spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None"),
        row("None without nameservers stops there, bad option and all", DnsPolicy.NONE,
            config(List.of(), List.of("Bad_"), List.of(PodDNSConfigOption.flag(""))),
            "spec.dnsConfig.nameservers: Required value: must provide at least one DNS"
                + " nameserver when `dnsPolicy` is None"),
        row("None with a nameserver", DnsPolicy.NONE,
            config(List.of("1.2.3.4"), List.of("custom"), List.of(
                PodDNSConfigOption.of("ndots", "2"), PodDNSConfigOption.flag("edns0")))),
        row("IPv6 nameserver and a full house of three", DnsPolicy.DEFAULT,
            config(List.of("1.2.3.4", "2001:db8::1", "10.0.0.10"), List.of(), List.of())),
        row("four nameservers", DnsPolicy.CLUSTER_FIRST,
            config(List.of("1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4"), List.of(), List.of()),
            "spec.dnsConfig.nameservers: Invalid value: [\"1.1.1.1\",\"2.2.2.2\",\"3.3.3.3\","
                + "\"4.4.4.4\"]: must not have more than 3 nameservers"),
        row("a nameserver that is not an IP", DnsPolicy.CLUSTER_FIRST,
            config(List.of("1.2.3.4", "dns.example"), List.of(), List.of()),
            "spec.dnsConfig.nameservers[1]: Invalid value: \"dns.example\": must be a valid IP"
                + " address, (e.g. 10.9.8.7 or 2001:db8::ffff)"),
        row("trailing dots, the root and underscores are fine", DnsPolicy.CLUSTER_FIRST,
            config(List.of(), List.of("custom.", ".", "_srv.example.com", "a_b.c"), List.of())),
        row("a search domain with a capital and one with two trailing dots",
            DnsPolicy.CLUSTER_FIRST,
            config(List.of(), List.of("Custom", "ok", "two.."), List.of()),
            "spec.dnsConfig.searches[0]: Invalid value: \"Custom\": " + SUBDOMAIN_MSG,
            "spec.dnsConfig.searches[2]: Invalid value: \"two.\": " + SUBDOMAIN_MSG),
        row("33 search domains", DnsPolicy.CLUSTER_FIRST,
            config(List.of(), thirtyThree, List.of()),
            "spec.dnsConfig.searches: Invalid value: " + FieldError.render(thirtyThree)
                + ": must not have more than 32 search paths"),
        row("a search line over 2048 characters", DnsPolicy.CLUSTER_FIRST,
            config(List.of(), longList, List.of()),
            "spec.dnsConfig.searches: Invalid value: " + FieldError.render(longList)
                + ": must not have more than 2048 characters (including spaces) in the search"
                + " list"),
        row("an option without a name", DnsPolicy.CLUSTER_FIRST,
            config(List.of(), List.of(), List.of(PodDNSConfigOption.of("ndots", "2"),
                PodDNSConfigOption.of("", "1"))),
            "spec.dnsConfig.options[1]: Required value: must not be empty"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void dnsConfigIsJudgedAgainstThePolicy(String name, DnsPolicy policy,
      Optional<PodDNSConfig> config, List<String> expected) {
    Pod pod = pod(policy, config);
    assertEquals(expected, lines(PodValidation.validateCreate(pod)));
  }

  @Test
  void aDeploymentTemplateIsCheckedUnderSpecTemplateSpec() {
    PodSpec spec = pod(DnsPolicy.NONE, Optional.of(PodDNSConfig.empty())).spec();
    List<FieldError> errors = PodSpecRules.validate(spec, "spec.template.spec");
    assertLines(errors, "spec.template.spec.dnsConfig.nameservers: Required value: must provide"
        + " at least one DNS nameserver when `dnsPolicy` is None");
    assertEquals("pod.dns-config.nameservers.required", errors.get(0).rule());
  }

  @Test
  void anUpdateMayNotChangeTheDnsPolicyOrConfig() {
    // Neither field is among upstream's updatable pod spec fields.
    Pod old = pod(DnsPolicy.CLUSTER_FIRST, Optional.empty());
    Pod updated = pod(DnsPolicy.DEFAULT, config(List.of("1.1.1.1"), List.of(), List.of()));
    List<FieldError> errors = PodValidation.validateUpdate(old, updated);
    assertEquals(1, errors.size());
    assertEquals("pod.update.spec-forbidden", errors.get(0).rule());
    assertEquals(List.of(
            "  spec.dnsPolicy: \"ClusterFirst\" -> \"Default\"",
            "  spec.dnsConfig: null -> {nameservers: [1.1.1.1], searches: [], options: []}"),
        errors.get(0).detail().lines().skip(1).toList());
  }

  private static Arguments row(String name, DnsPolicy policy, Optional<PodDNSConfig> config,
      String... expected) {
    return Arguments.of(name, policy, config, List.of(expected));
  }

  private static Optional<PodDNSConfig> config(List<String> nameservers, List<String> searches,
      List<PodDNSConfigOption> options) {
    return Optional.of(new PodDNSConfig(ImmutableList.copyOf(nameservers),
        ImmutableList.copyOf(searches), ImmutableList.copyOf(options)));
  }

  private static Pod pod(DnsPolicy policy, Optional<PodDNSConfig> config) {
    Pod pod = Pod.of("shop", "web-0", Labels.of("app", "web"),
        Container.of("web", "nginx", List.of()));
    return pod.withSpec(pod.spec().withDns(policy, config));
  }
}

package io.kubenetsim.core.store.alloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.store.WriteStrategy;
import io.kubenetsim.core.store.validation.ServiceValidation;
import io.kubenetsim.manifest.ValidationException;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PortRange;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The IP families and ClusterIPs a new Service gets, per cluster configuration, modelled on
 * upstream's {@code TestCreateInitIPFields} ({@code pkg/registry/core/service/storage/
 * storage_test.go}): for each {@code --service-cluster-ip-range} (v4, v6, v4+v6, v6+v4) and
 * each combination of {@code ipFamilyPolicy}, {@code ipFamilies} and {@code clusterIPs}, the
 * policy and families {@code initIPFamilyFields} settles on, or the refusal it answers with.
 * Beyond that test, every accepted Service holds one address per family, in order, from that
 * family's range ({@code TestCreateInitClusterIPsFromClusterIP}'s check, per family), and
 * passes full validation.
 *
 * <p>Expectations follow current {@code alloc.go}; the older revision of the test expected
 * {@code RequireDualStack} for an unset policy with two families, from a defaulting step
 * ({@code SetDefaults_Service}) current releases no longer have.
 */
class DualStackCreateTest {
  private static final Cidr V4 = Cidr.parse("10.96.0.0/16");
  private static final Cidr V6 = Cidr.parse("fd00:10:96::/112");
  private static final String NOT_CONFIGURED_V6 =
      "spec.ipFamilies[0]: Invalid value: \"IPv6\": not configured on this cluster";
  private static final String NO_DUAL_STACK = "spec.ipFamilyPolicy: Invalid value: "
      + "\"RequireDualStack\": this cluster is not configured for dual-stack services";
  private static final String SINGLE_STACK_TWO_FAMILIES = "spec.ipFamilyPolicy: Invalid value: "
      + "\"SingleStack\": must be 'RequireDualStack' or 'PreferDualStack' when multiple IP "
      + "families are specified";

  /** A case: the change to the manifest, then the expected policy and families, or error. */
  private static Arguments ok(String cluster, String name,
      UnaryOperator<ServiceSpec.Builder> change, String policy, String... families) {
    return Arguments.of(cluster, name, change, policy, List.of(families), "");
  }

  private static Arguments refused(String cluster, String name,
      UnaryOperator<ServiceSpec.Builder> change, String error) {
    return Arguments.of(cluster, name, change, "", List.of(), error);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        ok("v4", "Policy:unset_Families:unset", b -> b, "SingleStack", "IPv4"),
        refused("v4", "Policy:unset_Families:v6", families("IPv6"), NOT_CONFIGURED_V6),
        ok("v4", "Policy:PreferDualStack_Families:unset", policy("PreferDualStack"),
            "PreferDualStack", "IPv4"),
        refused("v4", "Policy:RequireDualStack_Families:unset", policy("RequireDualStack"),
            NO_DUAL_STACK),
        refused("v4", "ClusterIPs:v6_Policy:unset", clusterIps("fd00:10:96::100"),
            "spec.clusterIPs[0]: Invalid value: [\"fd00:10:96::100\"]: IPv6 is not configured "
                + "on this cluster"),
        ok("v6", "Policy:unset_Families:unset", b -> b, "SingleStack", "IPv6"),
        ok("v6", "ClusterIPs:v6_Policy:unset", clusterIps("fd00:10:96::100"), "SingleStack",
            "IPv6"),
        refused("v6", "Policy:unset_Families:v4", families("IPv4"),
            "spec.ipFamilies[0]: Invalid value: \"IPv4\": not configured on this cluster"),
        ok("v4v6", "Policy:unset_Families:unset", b -> b, "SingleStack", "IPv4"),
        ok("v4v6", "Policy:unset_Families:v6", families("IPv6"), "SingleStack", "IPv6"),
        refused("v4v6", "Policy:unset_Families:v4v6", families("IPv4", "IPv6"),
            SINGLE_STACK_TWO_FAMILIES),
        ok("v4v6", "Policy:PreferDualStack_Families:unset", policy("PreferDualStack"),
            "PreferDualStack", "IPv4", "IPv6"),
        ok("v4v6", "Policy:PreferDualStack_Families:v6",
            both(policy("PreferDualStack"), families("IPv6")), "PreferDualStack", "IPv6",
            "IPv4"),
        ok("v4v6", "Policy:RequireDualStack_Families:unset", policy("RequireDualStack"),
            "RequireDualStack", "IPv4", "IPv6"),
        ok("v4v6", "Policy:RequireDualStack_Families:v6v4",
            both(policy("RequireDualStack"), families("IPv6", "IPv4")), "RequireDualStack",
            "IPv6", "IPv4"),
        ok("v4v6", "ClusterIPs:v6_Policy:PreferDualStack",
            both(policy("PreferDualStack"), clusterIps("fd00:10:96::100")), "PreferDualStack",
            "IPv6", "IPv4"),
        ok("v4v6", "ClusterIPs:v4v6_Policy:RequireDualStack",
            both(policy("RequireDualStack"), clusterIps("10.96.0.100", "fd00:10:96::100")),
            "RequireDualStack", "IPv4", "IPv6"),
        refused("v4v6", "ClusterIPs:v4v6_Policy:unset", clusterIps("10.96.0.100",
            "fd00:10:96::100"), "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be "
                + "'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are "
                + "specified"),
        ok("v4v6", "Headless_Policy:PreferDualStack", both(policy("PreferDualStack"),
            headless()), "PreferDualStack", "IPv4", "IPv6"),
        ok("v4v6", "HeadlessSelectorless_Policy:unset", both(headless(), b -> {
          b.selector = Map.of();
          return b;
        }), "RequireDualStack", "IPv4", "IPv6"),
        ok("v6v4", "Policy:unset_Families:unset", b -> b, "SingleStack", "IPv6"),
        ok("v6v4", "Policy:PreferDualStack_Families:unset", policy("PreferDualStack"),
            "PreferDualStack", "IPv6", "IPv4"),
        ok("v6v4", "Policy:RequireDualStack_Families:v4",
            both(policy("RequireDualStack"), families("IPv4")), "RequireDualStack", "IPv4",
            "IPv6"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void createInitIpFields(String cluster, String name, UnaryOperator<ServiceSpec.Builder> change,
      String policy, List<String> families, String error) {
    List<Cidr> ranges = ranges(cluster);
    ServiceValidation rules = new ServiceValidation(ranges);
    ServiceAllocator allocator = allocator(ranges);
    ServiceStrategy strategy = new ServiceStrategy(allocator, rules);
    Service manifest = manifest(change);
    if (!error.isEmpty()) {
      ValidationException e = assertThrows(ValidationException.class,
          () -> strategy.prepareCreate(manifest));
      assertEquals(error, e.errors().get(0).toString());
      assertEquals(0, allocator.clusterIps().allocatedCount(), "nothing taken");
      return;
    }
    WriteStrategy.Prepared prepared = strategy.prepareCreate(manifest);
    ServiceSpec spec = ((Service) prepared.object()).spec();
    assertEquals(policy, spec.ipFamilyPolicy());
    assertEquals(families, spec.ipFamilies());
    assertEquals(List.of(), rules.validateCreate((Service) prepared.object()).stream()
        .map(Object::toString).toList(), "the stored Service passes validation");
    if (spec.clusterIP().equals("None")) {
      assertEquals(List.of("None"), spec.clusterIPs(), "headless: no address");
      assertEquals(0, allocator.clusterIps().allocatedCount());
      return;
    }
    assertEquals(families.size(), spec.clusterIPs().size(), "one address per family");
    assertEquals(spec.clusterIPs().get(0), spec.clusterIP(), "clusterIP is the primary");
    for (int i = 0; i < families.size(); i++) {
      IpAddress ip = IpAddress.parse(spec.clusterIPs().get(i));
      assertEquals(families.get(i), ip.family().kubernetesName(), "clusterIPs[" + i + "]");
      assertTrue(ranges.stream().anyMatch(r -> r.contains(ip)), ip + " is in a range");
    }
    assertEquals(families.size(), allocator.clusterIps().allocatedCount());
    manifest.spec().clusterIPs().forEach(requested -> assertTrue(
        spec.clusterIPs().contains(requested), "requested " + requested + " kept"));
  }

  static List<Cidr> ranges(String cluster) {
    return switch (cluster) {
      case "v4" -> List.of(V4);
      case "v6" -> List.of(V6);
      case "v4v6" -> List.of(V4, V6);
      case "v6v4" -> List.of(V6, V4);
      default -> throw new IllegalArgumentException(cluster);
    };
  }

  static ServiceAllocator allocator(List<Cidr> ranges) {
    ClusterIpAllocator ips = new ClusterIpAllocator(new SeededRandom(7));
    ranges.forEach(ips::addRange);
    return new ServiceAllocator(ips, new NodePortAllocator(new PortRange(30000, 32767),
        new SeededRandom(8)));
  }

  /** {@return shop/web selecting app=web, port 80 to 8080, with {@code change} applied} */
  static Service manifest(UnaryOperator<ServiceSpec.Builder> change) {
    Service base = Service.of("shop", "web", Map.of("app", "web"),
        ServicePort.of("http", 80, IntOrString.of(8080)));
    return base.withSpec(base.spec().with(change));
  }

  static UnaryOperator<ServiceSpec.Builder> policy(String policy) {
    return b -> {
      b.ipFamilyPolicy = policy;
      return b;
    };
  }

  static UnaryOperator<ServiceSpec.Builder> families(String... families) {
    return b -> {
      b.ipFamilies = List.of(families);
      return b;
    };
  }

  /** Sets {@code clusterIP} to the first and {@code clusterIPs} to all, as a manifest does. */
  static UnaryOperator<ServiceSpec.Builder> clusterIps(String... ips) {
    return b -> {
      b.clusterIP = ips[0];
      b.clusterIPs = List.of(ips);
      return b;
    };
  }

  static UnaryOperator<ServiceSpec.Builder> headless() {
    return clusterIps("None");
  }

  static UnaryOperator<ServiceSpec.Builder> both(UnaryOperator<ServiceSpec.Builder> first,
      UnaryOperator<ServiceSpec.Builder> second) {
    return b -> second.apply(first.apply(b));
  }
}

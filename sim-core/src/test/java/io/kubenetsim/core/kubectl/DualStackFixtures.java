package io.kubenetsim.core.kubectl;

import static io.kubenetsim.core.kubectl.Fixtures.created;
import static io.kubenetsim.core.kubectl.ServiceFixtures.clusterIp;
import static io.kubenetsim.core.kubectl.ServiceFixtures.headless;
import static io.kubenetsim.core.kubectl.ServiceFixtures.port;
import static io.kubenetsim.core.kubectl.ServiceFixtures.ready;
import static io.kubenetsim.core.kubectl.ServiceFixtures.slice;
import static io.kubenetsim.core.kubectl.ServiceFixtures.tcp;
import static io.kubenetsim.core.kubectl.ServiceFixtures.withAddressType;

import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceCIDR;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A dual-stack cluster's objects for the golden files, namespace {@code ds}: the ServiceCIDRs
 * (the default {@code kubernetes} one with both families, and a second IPv6 one), a
 * PreferDualStack Service (IPv4 primary), a RequireDualStack one with the IPv6 address first, a
 * single-stack IPv6 one, and a selectorless headless one with a hand-written IPv6 slice; the
 * slices as the EndpointSlice controller writes them for IPv4-only pods (the IPv6 one an empty
 * placeholder).
 */
final class DualStackFixtures {

  private DualStackFixtures() {}

  static List<KubernetesObject> goldenObjects() {
    ServiceCIDR kubernetes = ServiceCIDR.of("kubernetes",
        List.of("10.96.0.0/12", "fd00:10:96::/112"));
    ServiceCIDR extra = ServiceCIDR.of("extra-v6", List.of("fd00:10:97::/112"));
    Service web = families(clusterIp("ds", "web", "10.96.77.7", Duration.ofHours(4),
        port("http", 80, Protocol.TCP, 8080, 0)), "PreferDualStack",
        List.of("IPv4", "IPv6"), List.of("10.96.77.7", "fd00:10:96::2c1"));
    Service api = families(clusterIp("ds", "api", "fd00:10:96::3e8", Duration.ofHours(4),
        port("grpc", 9090, Protocol.TCP, 9090, 0)), "RequireDualStack",
        List.of("IPv6", "IPv4"), List.of("fd00:10:96::3e8", "10.96.88.8"));
    Service v6 = families(clusterIp("ds", "v6only", "fd00:10:97::10", Duration.ofMinutes(20),
        port("http", 80, Protocol.TCP, 8080, 0)), "SingleStack", List.of("IPv6"),
        List.of("fd00:10:97::10"));
    Service external = families(headless(clusterIp("ds", "external", "None",
        Duration.ofMinutes(20), port("https", 443, Protocol.TCP, 443, 0))), "RequireDualStack",
        List.of("IPv4", "IPv6"), List.of("None"));
    external = external.withSpec(external.spec().with(b -> {
      b.selector = Map.of();
      return b;
    }));
    return List.of(web, external, api, v6,
        kubernetes.withMetadata(created(kubernetes.metadata(), Duration.ofDays(30))),
        extra.withMetadata(created(extra.metadata(), Duration.ofHours(2))),
        slice("ds", "web-4v9kq", "web", Duration.ofHours(4), List.of(tcp("http", 8080)),
            ready("10.244.1.30"), ready("10.244.2.30")),
        withAddressType(slice("ds", "web-p7d2x", "web", Duration.ofHours(4), List.of()),
            "IPv6"),
        slice("ds", "api-m2c8r", "api", Duration.ofHours(4), List.of(tcp("grpc", 9090)),
            ready("10.244.1.31")),
        withAddressType(slice("ds", "api-z5h1w", "api", Duration.ofHours(4), List.of()),
            "IPv6"),
        withAddressType(slice("ds", "external-1", "external", Duration.ofMinutes(20),
            List.of(tcp("https", 443)), ready("2001:db8::7"), ready("2001:db8::8")), "IPv6"));
  }

  private static Service families(Service service, String policy, List<String> families,
      List<String> clusterIps) {
    return service.withSpec(service.spec().with(b -> {
      b.ipFamilyPolicy = policy;
      b.ipFamilies = families;
      b.clusterIPs = clusterIps;
      return b;
    }));
  }
}

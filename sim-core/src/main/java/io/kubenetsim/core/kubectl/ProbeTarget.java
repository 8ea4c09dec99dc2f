package io.kubenetsim.core.kubectl;

import io.kubenetsim.Cluster;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a {@code probe} or {@code trace} packet is addressed, parsed once from {@code --to}:
 * {@code ns/pod} (its IP), {@code svc/ns/name} (its ClusterIP: the IPv4 one of a dual-stack
 * Service, as pods and nodes are IPv4-only; else its only one), {@code node/NAME} (its
 * InternalIP), {@code lb/ns/name} (its first LoadBalancer ingress IP), {@code dns:NAME} (what
 * the sending pod's resolver finds; {@link Probe} looks it up) or an IP literal.
 *
 * <p>{@link #address} looks the name up: a name that does not exist is NotFound (bad input,
 * exit 2), as is a Service that never has the address asked for (headless or ExternalName for
 * {@code svc/}, another type for {@code lb/}); an address that is not there <em>yet</em> (a
 * pod without an IP, a load balancer still pending) fails the check (exit 1).
 */
sealed interface ProbeTarget {

  /** A pod's IP, for {@code namespace/name}. */
  record ToPod(String name) implements ProbeTarget {}

  /** A Service's ClusterIP. */
  record ToService(String name) implements ProbeTarget {}

  /** A node's InternalIP. */
  record ToNode(String name) implements ProbeTarget {}

  /** A LoadBalancer Service's first ingress IP. */
  record ToLoadBalancer(String name) implements ProbeTarget {}

  /** An address as given. */
  record ToAddress(IpAddress ip) implements ProbeTarget {}

  /** A DNS name, looked up with the sending pod's resolver ({@code dns:NAME}). */
  record ToName(String name) implements ProbeTarget {}

  /**
   * Parses {@code --to}; a pod or Service without a namespace is read in {@code namespace}.
   *
   * @throws CommandException (usage) naming the accepted forms
   */
  static ProbeTarget parse(String text, String namespace) {
    if (text.startsWith("dns:")) {
      String name = text.substring("dns:".length());
      if (name.isEmpty()) {
        throw CommandException.usage("error: --to dns: needs a name, such as dns:web or "
            + "dns:web.shop.svc.cluster.local");
      }
      return new ToName(name);
    } else if (text.startsWith("svc/") || text.startsWith("service/")) {
      return new ToService(namespaced(text.substring(text.indexOf('/') + 1), namespace));
    } else if (text.startsWith("lb/")) {
      return new ToLoadBalancer(namespaced(text.substring(3), namespace));
    } else if (text.startsWith("node/") && text.length() > "node/".length()) {
      return new ToNode(text.substring("node/".length()));
    }
    Optional<IpAddress> literal = IpAddress.tryParse(text);
    if (literal.isPresent()) {
      return new ToAddress(literal.get());
    } else if (isObjectName(text)) {
      return new ToPod(namespaced(text, namespace));
    }
    throw CommandException.usage("error: unknown destination \"" + text + "\": use ns/pod, "
        + "svc/ns/name, node/NAME, lb/ns/name, dns:NAME or an IP address");
  }

  /**
   * {@return the address this target names now}
   *
   * @throws io.kubenetsim.ApiException NotFound for a name that does not exist
   * @throws CommandException usage for an address the object never has, failed for one it
   *     does not have yet
   */
  default IpAddress address(Cluster cluster) {
    if (this instanceof ToAddress a) {
      return a.ip();
    } else if (this instanceof ToPod p) {
      return cluster.getPod(p.name()).ip().flatMap(IpAddress::tryParse).orElseThrow(() ->
          CommandException.failed("error: pod " + p.name() + " has no IP yet"));
    } else if (this instanceof ToNode n) {
      return Probe.node(cluster, n.name()).internalIP().flatMap(IpAddress::tryParse)
          .orElseThrow(() -> CommandException.failed("error: node " + n.name()
              + " has no InternalIP"));
    } else if (this instanceof ToService s) {
      ServiceHandle service = cluster.getService(s.name());
      // Pods and nodes are IPv4-only, so a dual-stack Service is reached at its IPv4 address,
      // primary or not, as an IPv4 client resolving its name would reach it.
      String clusterIp = service.clusterIP(IpFamily.IPV4).orElse(service.clusterIP());
      return IpAddress.tryParse(clusterIp).orElseThrow(() ->
          CommandException.usage(
          "error: service " + s.name() + " has no cluster IP (" + (service.clusterIP().isEmpty()
              ? "type ExternalName" : "clusterIP " + service.clusterIP())
          + "); probe one of its pods instead"));
    } else if (this instanceof ToLoadBalancer lb) {
      ServiceHandle service = cluster.getService(lb.name());
      if (!service.get().spec().isType(ServiceType.LOAD_BALANCER)) {
        throw CommandException.usage("error: service " + lb.name() + " is of type "
            + service.get().spec().serviceType().map(Object::toString).orElse("?")
            + ", not LoadBalancer: it has no load balancer to probe");
      }
      List<String> ingress = service.loadBalancerIngress();
      return ingress.stream().map(IpAddress::tryParse).flatMap(Optional::stream).findFirst()
          .orElseThrow(() -> CommandException.failed("error: service " + lb.name()
              + " has no LoadBalancer IP yet (ingress " + (ingress.isEmpty() ? "<pending>"
                  : String.join(",", ingress)) + ")"));
    }
    throw new AssertionError("probe target " + this + " has no address of its own");
  }

  /** ns/name or a bare name: no colon, at most one slash, nothing empty. */
  static boolean isObjectName(String text) {
    if (text.isEmpty() || text.contains(":")) {
      return false;
    }
    String[] parts = text.split("/", -1);
    return parts.length <= 2 && Arrays.stream(parts).noneMatch(String::isEmpty);
  }

  static String namespaced(String name, String namespace) {
    if (!isObjectName(name)) {
      throw CommandException.usage("error: \"" + name + "\" is not a name: use NAMESPACE/NAME");
    }
    return name.contains("/") ? name : namespace + "/" + name;
  }

  static IpAddress ipLiteral(String text, String where) {
    return IpAddress.tryParse(text).orElseThrow(() -> CommandException.usage("error: " + where
        + " needs an IP address, got \"" + text + "\""));
  }
}

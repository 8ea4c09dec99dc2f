package io.kubenetsim.core.kubectl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.NodeHandle;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.Hop;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PacketTrace;
import io.kubenetsim.net.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code probe} and {@code trace} share: reading {@code --from SRC --to DST --port P
 * [--protocol TCP|UDP|SCTP] [--node NAME]}, sending the packet through the public {@link
 * Cluster} API, and the outcome as the probe contract names it.
 *
 * <p>SRC: {@code ns/pod} (a pod's connection), {@code node/NAME} (the node itself sends),
 * {@code external:IP} (a client outside the cluster; {@code --node} makes it enter at that
 * node, otherwise a LoadBalancer IP goes through the cloud load balancer and a node IP enters
 * at that node), or {@code ip:IP} (one packet with that source traced through the rules of the
 * node named by {@code --node}, as kube-proxy's own tests trace: nothing is delivered, so the
 * verdict is the rules' — DNAT or untouched is {@code established}, REJECT {@code rejected},
 * DROP {@code timed_out}). DST: {@code ns/pod}, {@code svc/ns/name} (its clusterIP), {@code
 * node/NAME} (its InternalIP), {@code lb/ns/name} (its first LoadBalancer ingress IP), or an IP
 * literal. A pod or Service written without a namespace is read in {@code -n NS} (default
 * {@code default}).
 *
 * <p>Errors: an unknown SRC or DST form, a missing or bad {@code --port}, an unknown protocol,
 * an unknown node, or {@code ip:IP} without {@code --node} are usage errors (exit 2); a pod or
 * Service that does not exist is NotFound (exit 1), as is a DST with no address yet (a pod
 * without an IP, a headless Service, a LoadBalancer still pending).
 *
 * <p>{@code candidates}: the backends the entry node's rules allowed for the packet (for
 * {@code ip:IP} sources, the trace's; for the others, the connection's own), or the one
 * backend reached when no rule chose among several.
 */
final class Probe {

  static final FlagSet.Flag[] FLAGS = {
    FlagSet.Flag.value("from", (char) 0),
    FlagSet.Flag.value("to", (char) 0),
    FlagSet.Flag.value("port", (char) 0),
    FlagSet.Flag.value("protocol", (char) 0),
    FlagSet.Flag.value("node", (char) 0),
    FlagSet.Flag.value("namespace", 'n'),
    FlagSet.Flag.value("output", 'o'),
  };

  /** A parsed request. */
  record Request(String from, String to, int port, Protocol protocol, Optional<String> node,
      String namespace) {}

  /** What happened, in the contract's terms. */
  record Outcome(Request request, String destination, ConnectionVerdict verdict,
      Optional<String> backend, Optional<String> backendPod, List<String> candidates,
      boolean masquerade, String sourceSeenByBackend, String reason, List<Hop> hops,
      String explanation, Optional<PacketTrace> trace) {

    boolean allowed() {
      return verdict == ConnectionVerdict.ESTABLISHED;
    }

    /** {@return the contract's JSON object, extra fields after the contract's} */
    ObjectNode toJson() {
      ObjectNode json = JsonOutput.object();
      json.put("from", request.from());
      json.put("to", request.to());
      json.put("port", request.port());
      json.put("protocol", request.protocol().name());
      json.put("allowed", allowed());
      json.put("verdict", verdict.name().toLowerCase(Locale.ROOT));
      putOptional(json, "backend", backend);
      putOptional(json, "backendPod", backendPod);
      ArrayNode list = json.putArray("candidates");
      candidates.forEach(list::add);
      json.put("masquerade", masquerade);
      json.put("sourceSeenByBackend", sourceSeenByBackend);
      json.put("reason", reason);
      ArrayNode hopList = json.putArray("hops");
      for (Hop hop : hops) {
        ObjectNode h = hopList.addObject();
        h.put("from", hop.from());
        h.put("to", hop.to());
        h.put("node", hop.node());
        h.put("via", hop.via());
      }
      json.put("destination", destination);
      request.node().ifPresent(n -> json.put("node", n));
      trace.ifPresent(t -> {
        json.put("outcome", t.outcome());
        ArrayNode rules = json.putArray("matchedRules");
        t.matchedRules().forEach(rules::add);
        json.put("rulesEvaluated", t.rulesEvaluated());
      });
      return json;
    }

    /** {@return one line: {@code ESTABLISHED 10.244.1.5:8080 (shop/web-…) source 10.244.0.3}} */
    String line() {
      StringBuilder out = new StringBuilder(verdict.name());
      backend.ifPresent(b -> out.append(' ').append(b));
      backendPod.ifPresent(p -> out.append(" (").append(p).append(')'));
      out.append(" source ").append(sourceSeenByBackend);
      if (!allowed()) {
        out.append(": ").append(reason);
      }
      return out.append('\n').toString();
    }
  }

  private Probe() {}

  /**
   * {@return the request in {@code parsed}}
   *
   * @throws CommandException (usage) for a missing or malformed flag or an extra argument
   */
  static Request request(String verb, ParsedArgs parsed) {
    if (!parsed.positionals().isEmpty()) {
      throw CommandException.usage("error: " + verb + " takes no arguments, got "
          + parsed.positionals() + "\n" + usage(verb));
    }
    String from = parsed.value("from").orElseThrow(() -> CommandException.usage(
        "error: --from is required\n" + usage(verb)));
    String to = parsed.value("to").orElseThrow(() -> CommandException.usage(
        "error: --to is required\n" + usage(verb)));
    String portText = parsed.value("port").orElseThrow(() -> CommandException.usage(
        "error: --port is required\n" + usage(verb)));
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw CommandException.usage("error: invalid argument \"" + portText
          + "\" for \"--port\" flag: expected a port number such as 80");
    }
    if (port < 1 || port > 65535) {
      throw CommandException.usage("error: invalid argument \"" + portText
          + "\" for \"--port\" flag: a port must be between 1 and 65535, inclusive");
    }
    String protocolText = parsed.value("protocol").orElse("TCP");
    Protocol protocol = Protocol.tryParse(protocolText.toUpperCase(Locale.ROOT)).orElseThrow(
        () -> CommandException.usage("error: invalid argument \"" + protocolText
            + "\" for \"--protocol\" flag: expected TCP, UDP or SCTP"));
    return new Request(from, to, port, protocol, parsed.value("node"),
        parsed.value("namespace").orElse(NamespacedName.DEFAULT_NAMESPACE));
  }

  static String usage(String verb) {
    return "usage: " + verb + " --from ns/pod|node/NAME|external:IP|ip:IP "
        + "--to ns/pod|svc/ns/name|node/NAME|lb/ns/name|IP --port P "
        + "[--protocol TCP|UDP|SCTP] [--node NAME]";
  }

  /** Sends the packet. Connections are closed before this returns. */
  static Outcome run(Request request, Cluster cluster) {
    request.node().ifPresent(n -> requireNode(cluster, n, "--node"));
    String from = request.from();
    if (from.startsWith("ip:")) {
      String src = ipLiteral(from.substring(3), "--from ip:");
      String node = request.node().orElseThrow(() -> CommandException.usage(
          "error: --from ip:IP needs --node NAME: the node whose rules the packet enters"));
      String dstIp = destinationIp(request, cluster);
      return traced(request, cluster, node, src, dstIp);
    }
    Connection connection;
    if (from.startsWith("external:")) {
      String src = ipLiteral(from.substring("external:".length()), "--from external:");
      String dstIp = destinationIp(request, cluster);
      connection = request.node().isPresent()
          ? cluster.external(src).connectVia(request.node().get(), dstIp, request.port(),
              request.protocol())
          : cluster.external(src).connect(dstIp, request.port(), request.protocol());
      return connected(request, cluster, dstIp, connection);
    } else if (from.startsWith("node/")) {
      String name = from.substring("node/".length());
      NodeHandle node = requireNode(cluster, name, "--from");
      String dstIp = destinationIp(request, cluster);
      connection = node.connect(dstIp, request.port(), request.protocol());
      return connected(request, cluster, dstIp, connection);
    } else if (isObjectName(from)) {
      PodHandle pod = cluster.getPod(namespaced(from, request.namespace()));
      String dstIp = destinationIp(request, cluster);
      connection = pod.connect(dstIp, request.port(), request.protocol());
      return connected(request, cluster, dstIp, connection);
    }
    throw CommandException.usage("error: unknown source \"" + from + "\": use ns/pod, "
        + "node/NAME, external:IP or ip:IP");
  }

  private static Outcome connected(Request request, Cluster cluster, String dstIp,
      Connection connection) {
    try {
      List<String> candidates = candidates(request, cluster, dstIp, connection);
      return new Outcome(request, dstIp + ":" + request.port(), connection.verdict(),
          connection.backend(), connection.backendPod(), candidates,
          masqueraded(request, cluster, connection), connection.sourceSeenByBackend(),
          connection.reason(), List.copyOf(connection.hops()), connection.explain(),
          Optional.empty());
    } finally {
      connection.close();
    }
  }

  /**
   * Whether the backend sees another source than the client's own address. For a pod or node
   * source that is its IP; an external client's is its IP.
   */
  private static boolean masqueraded(Request request, Cluster cluster, Connection connection) {
    String from = request.from();
    String own;
    if (from.startsWith("external:")) {
      own = from.substring("external:".length());
    } else if (from.startsWith("node/")) {
      own = cluster.node(from.substring(5)).internalIP().orElse("");
    } else {
      own = cluster.getPod(namespaced(from, request.namespace())).ip().orElse("");
    }
    return !IpAddress.tryParse(own).map(Object::toString).orElse(own)
        .equals(connection.sourceSeenByBackend());
  }

  private static Outcome traced(Request request, Cluster cluster, String node, String src,
      String dstIp) {
    PacketTrace trace = cluster.node(node).proxy().trace(src, dstIp, request.port(),
        request.protocol());
    ConnectionVerdict verdict = switch (trace.outcome()) {
      case "REJECT" -> ConnectionVerdict.REJECTED;
      case "DROP" -> ConnectionVerdict.TIMED_OUT;
      default -> ConnectionVerdict.ESTABLISHED;
    };
    String where = dstIp + ":" + request.port();
    Optional<String> backend = trace.backend().or(() -> trace.outcome().equals("UNTOUCHED")
        ? Optional.of(where) : Optional.empty());
    Optional<String> backendPod = backend.flatMap(b -> podAt(cluster,
        b.substring(0, b.lastIndexOf(':'))));
    String seen = trace.masquerade()
        ? cluster.node(node).internalIP().orElse(src) : src;
    String rules = String.join(" -> ", trace.matchedRules());
    List<Hop> hops = List.of(new Hop(where, backend.orElse(where), node,
        rules.isEmpty() ? "no rule matched (untouched)" : rules));
    String reason = switch (trace.outcome()) {
      case "DNAT" -> "DNAT to " + backend.orElse("?") + " by " + node + "'s rules ("
          + trace.candidates().size() + " candidate backends, " + trace.rulesEvaluated()
          + " rules evaluated; traced only, not delivered)";
      case "REJECT" -> trace.servicePort().map(p -> p + " has no endpoints: ").orElse("")
          + "rejected by " + node + "'s rules";
      case "DROP" -> "dropped by " + node + "'s rules; the client times out";
      default -> "no service rule matched on " + node + ": routed as addressed (traced only, "
          + "not delivered)";
    };
    return new Outcome(request, where, verdict, backend, backendPod,
        List.copyOf(trace.candidates()), trace.masquerade(), seen, reason, hops,
        trace.explain(), Optional.of(trace));
  }

  private static Optional<String> podAt(Cluster cluster, String ip) {
    return cluster.pods().stream().filter(p -> p.exists() && p.ip().filter(ip::equals)
        .isPresent()).map(p -> p.ref().namespace() + "/" + p.ref().name()).findFirst();
  }

  /** The rules' candidate set, or the backend alone when no rule chose one. */
  private static List<String> candidates(Request request, Cluster cluster, String dstIp,
      Connection connection) {
    return connection.candidates().isEmpty()
        ? connection.backend().map(List::of).orElse(List.of()) : connection.candidates();
  }

  private static List<String> readyEndpoints(Cluster cluster, Service service,
      ServicePort port) {
    List<String> out = new ArrayList<>();
    for (EndpointSlice slice : cluster.list(EndpointSlice.class)) {
      if (!slice.metadata().namespace().equals(service.metadata().namespace())
          || !service.metadata().name().equals(slice.serviceName())) {
        continue;
      }
      Optional<Integer> number = slice.ports().stream()
          .filter(p -> p.name().equals(port.name()) && p.protocol() == port.protocol())
          .map(EndpointPort::port).flatMap(Optional::stream).findFirst();
      if (number.isEmpty()) {
        continue;
      }
      for (Endpoint endpoint : slice.endpoints()) {
        if (endpoint.conditions().ready().orElse(true)) {
          endpoint.addresses().forEach(a -> out.add(a + ":" + number.get()));
        }
      }
    }
    return out.stream().distinct().sorted().toList();
  }

  /** {@return the destination address DST names} */
  static String destinationIp(Request request, Cluster cluster) {
    String to = request.to();
    if (to.startsWith("svc/") || to.startsWith("service/")) {
      String name = namespaced(to.substring(to.indexOf('/') + 1), request.namespace());
      ServiceHandle service = cluster.getService(name);
      String ip = service.clusterIP();
      if (IpAddress.tryParse(ip).isEmpty()) {
        throw CommandException.failed("error: service " + name + " has no cluster IP ("
            + (ip.isEmpty() ? "none" : ip) + "); probe one of its pods instead");
      }
      return ip;
    } else if (to.startsWith("lb/")) {
      String name = namespaced(to.substring(3), request.namespace());
      List<String> ingress = cluster.getService(name).loadBalancerIngress();
      return ingress.stream().filter(i -> IpAddress.tryParse(i).isPresent()).findFirst()
          .orElseThrow(() -> CommandException.failed("error: service " + name
              + " has no LoadBalancer IP yet (ingress " + ingress + ")"));
    } else if (to.startsWith("node/")) {
      String name = to.substring(5);
      return requireNode(cluster, name, "--to").internalIP().orElseThrow(() ->
          CommandException.failed("error: node " + name + " has no InternalIP"));
    }
    Optional<IpAddress> literal = IpAddress.tryParse(to);
    if (literal.isPresent()) {
      return literal.get().toString();
    }
    if (isObjectName(to)) {
      String name = namespaced(to, request.namespace());
      return cluster.getPod(name).ip().orElseThrow(() -> CommandException.failed(
          "error: pod " + name + " has no IP yet"));
    }
    throw CommandException.usage("error: unknown destination \"" + to + "\": use ns/pod, "
        + "svc/ns/name, node/NAME, lb/ns/name or an IP address");
  }

  /** ns/name or a bare name: no colon, at most one slash, nothing empty. */
  private static boolean isObjectName(String text) {
    if (text.isEmpty() || text.contains(":")) {
      return false;
    }
    String[] parts = text.split("/", -1);
    return parts.length <= 2 && java.util.Arrays.stream(parts).noneMatch(String::isEmpty);
  }

  private static String namespaced(String name, String namespace) {
    if (!isObjectName(name)) {
      throw CommandException.usage("error: \"" + name + "\" is not a name: use NAMESPACE/NAME");
    }
    return name.contains("/") ? name : namespace + "/" + name;
  }

  private static String ipLiteral(String text, String where) {
    return IpAddress.tryParse(text).map(Object::toString).orElseThrow(() ->
        CommandException.usage("error: " + where + " needs an IP address, got \"" + text
            + "\""));
  }

  private static NodeHandle requireNode(Cluster cluster, String name, String flag) {
    List<String> names = cluster.nodes().stream().map(NodeHandle::name).toList();
    if (!names.contains(name)) {
      throw CommandException.usage("error: " + flag + ": unknown node \"" + name
          + "\"; nodes: " + String.join(", ", names));
    }
    return cluster.node(name);
  }

  private static void putOptional(ObjectNode json, String field, Optional<String> value) {
    if (value.isPresent()) {
      json.put(field, value.get());
    } else {
      json.putNull(field);
    }
  }
}

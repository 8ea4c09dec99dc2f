package io.kubenetsim.core.kubectl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.NodeHandle;
import io.kubenetsim.PodHandle;
import io.kubenetsim.dns.DnsLookup;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.Hop;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import io.kubenetsim.net.PacketTrace;
import io.kubenetsim.net.PolicyCheck;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.RuleOutcome;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code probe} and {@code trace} share: reading {@code --from SRC --to DST --port P
 * [--protocol TCP|UDP|SCTP] [--node NAME]} once into typed values ({@link ProbeSource}, {@link
 * ProbeTarget}), sending the packet through the public {@link Cluster} API, and the outcome as
 * the probe contract names it.
 *
 * <p>SRC {@code ns/pod}, {@code node/NAME} and {@code external:IP} open a real connection
 * ({@code --node} makes an outside client enter at that node; otherwise a LoadBalancer IP goes
 * through the cloud load balancer and a node IP enters at that node). SRC {@code ip:IP} traces
 * one packet through the rules of {@code --node}, as kube-proxy's own packet-flow tests trace:
 * nothing is delivered, so the verdict is the rules' ({@link RuleOutcome#verdict()}): DNAT is
 * {@code established}, REJECT {@code rejected}, DROP {@code timed_out}, and a packet no rule
 * touched {@code untouched}, with no candidates. A pod or Service written without a namespace
 * is read in {@code -n NS} (default {@code default}).
 *
 * <p>Errors: an unknown SRC or DST form, a missing or bad {@code --port}, an unknown protocol,
 * or {@code ip:IP} without {@code --node} are usage errors (exit 2), and so is a name that does
 * not exist (NotFound) or a Service that has no address of the kind asked for; a DST with no
 * address yet (a pod without an IP, a LoadBalancer still pending) fails the check (exit 1).
 *
 * <p>{@code masquerade} is what the entry node's rules decided (a jump to the masquerade mark),
 * for every kind of source; {@code candidates} are the backends those rules allowed (for a
 * delivered connection no rule balanced, the one backend it reached).
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

  /**
   * A parsed request.
   *
   * @param fromText {@code --from} as written (the contract echoes it)
   * @param toText {@code --to} as written
   */
  record Request(String fromText, ProbeSource from, String toText, ProbeTarget to, int port,
      Protocol protocol, Optional<String> node) {}

  /** What happened, in the contract's terms. */
  record Outcome(Request request, Optional<HostPort> destination, ConnectionVerdict verdict,
      Optional<HostPort> backend, Optional<String> backendPod, List<HostPort> candidates,
      boolean masquerade, IpAddress sourceSeenByBackend, String reason, List<Hop> hops,
      List<PolicyCheck> policyChecks, String explanation, Optional<PacketTrace> trace,
      Optional<DnsLookup> lookup) {

    /** {@return the NetworkPolicy check that decided, as {@link PolicyCheck#deciding}} */
    Optional<PolicyCheck> policy() {
      return PolicyCheck.deciding(policyChecks);
    }

    boolean allowed() {
      return verdict == ConnectionVerdict.ESTABLISHED;
    }

    /** {@return the contract's JSON object, extra fields after the contract's} */
    ObjectNode toJson() {
      ObjectNode json = JsonOutput.object();
      json.put("from", request.fromText());
      json.put("to", request.toText());
      json.put("port", request.port());
      json.put("protocol", request.protocol().name());
      json.put("allowed", allowed());
      json.put("verdict", verdict.name().toLowerCase(Locale.ROOT));
      JsonOutput.putOptional(json, "backend", backend);
      JsonOutput.putOptional(json, "backendPod", backendPod);
      ArrayNode list = json.putArray("candidates");
      candidates.forEach(c -> list.add(c.toString()));
      json.put("masquerade", masquerade);
      json.put("sourceSeenByBackend", sourceSeenByBackend.toString());
      json.put("reason", reason);
      ArrayNode hopList = json.putArray("hops");
      for (Hop hop : hops) {
        ObjectNode h = hopList.addObject();
        h.put("from", hop.from().toString());
        h.put("to", hop.to().toString());
        h.put("node", hop.node());
        h.put("via", hop.via());
      }
      putPolicy(json, policy());
      JsonOutput.putOptional(json, "destination", destination);
      lookup.ifPresent(l -> json.set("dns", DnsJson.of(l)));
      request.node().ifPresent(n -> json.put("node", n));
      trace.ifPresent(t -> {
        json.put("outcome", t.outcome().name());
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
    parsed.withoutPositionals(verb, usage(verb));
    String namespace = parsed.value("namespace").orElse(NamespacedName.DEFAULT_NAMESPACE);
    String from = required(parsed, "from", verb);
    String to = required(parsed, "to", verb);
    int port = port(required(parsed, "port", verb));
    Protocol protocol = protocol(parsed.value("protocol").orElse("TCP"));
    ProbeSource source = ProbeSource.parse(from, namespace);
    if (source instanceof ProbeSource.TracedPacket && parsed.value("node").isEmpty()) {
      throw CommandException.usage("error: --from ip:IP needs --node NAME: the node whose "
          + "rules the packet enters");
    }
    return new Request(from, source, to, ProbeTarget.parse(to, namespace), port, protocol,
        parsed.value("node"));
  }

  /**
   * {@return the {@code --port} flag's value}
   *
   * @throws CommandException usage, in pflag's words, for anything but 1 to 65535
   */
  static int port(String text) {
    int port;
    try {
      port = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw CommandException.usage("error: invalid argument \"" + text
          + "\" for \"--port\" flag: expected a port number such as 80");
    }
    if (port < 1 || port > 65535) {
      throw CommandException.usage("error: invalid argument \"" + text
          + "\" for \"--port\" flag: a port must be between 1 and 65535, inclusive");
    }
    return port;
  }

  /** {@return the {@code --protocol} flag's value} @throws CommandException usage otherwise */
  static Protocol protocol(String text) {
    return Protocol.tryParse(text.toUpperCase(Locale.ROOT)).orElseThrow(() ->
        CommandException.usage("error: invalid argument \"" + text
            + "\" for \"--protocol\" flag: expected TCP, UDP or SCTP"));
  }

  private static String required(ParsedArgs parsed, String flag, String verb) {
    return parsed.value(flag).orElseThrow(() -> CommandException.usage(
        "error: --" + flag + " is required\n" + usage(verb)));
  }

  /** {@return the synopsis both verbs' help and usage errors print} */
  static String synopsis(String verb) {
    return verb + " --from ns/pod|node/NAME|external:IP|ip:IP "
        + "--to ns/pod|svc/ns/name|node/NAME|lb/ns/name|dns:NAME|IP --port P "
        + "[--protocol TCP|UDP|SCTP] [--node NAME] [-n NS]"
        + (verb.equals("probe") ? " [-o json]" : "");
  }

  static String usage(String verb) {
    return "usage: " + synopsis(verb);
  }

  /** Sends the packet. Connections are closed before this returns. */
  static Outcome run(Request request, Cluster cluster) {
    request.node().ifPresent(n -> node(cluster, n));
    ProbeSource from = request.from();
    if (request.to() instanceof ProbeTarget.ToName name) {
      return byName(request, cluster, from, name);
    }
    HostPort destination = HostPort.of(request.to().address(cluster), request.port());
    String to = destination.ip().toString();
    if (from instanceof ProbeSource.TracedPacket traced) {
      return traced(request, cluster, request.node().orElseThrow(), traced.ip(), destination);
    }
    Connection connection;
    // A sender without an address cannot open anything: the check fails (exit 1), as for a
    // destination that has no address yet.
    if (from instanceof ProbeSource.FromPod pod && cluster.getPod(pod.name()).ip().isEmpty()) {
      throw CommandException.failed("error: pod " + pod.name() + " has no IP yet (phase "
          + cluster.getPod(pod.name()).phase() + "): it cannot open a connection");
    } else if (from instanceof ProbeSource.FromNode node
        && node(cluster, node.name()).internalIP().isEmpty()) {
      throw CommandException.failed("error: node " + node.name() + " has no InternalIP");
    }
    if (from instanceof ProbeSource.FromOutside outside) {
      connection = request.node().isPresent()
          ? cluster.external(outside.ip().toString()).connectVia(request.node().get(), to,
              request.port(), request.protocol())
          : cluster.external(outside.ip().toString()).connect(to, request.port(),
              request.protocol());
    } else if (from instanceof ProbeSource.FromNode node) {
      connection = node(cluster, node.name()).connect(to, request.port(), request.protocol());
    } else if (from instanceof ProbeSource.FromPod pod) {
      connection = cluster.getPod(pod.name()).connect(to, request.port(), request.protocol());
    } else {
      throw new AssertionError("unknown probe source " + from);
    }
    return outcome(request, Optional.of(destination), connection);
  }

  /**
   * A connection to {@code dns:NAME}: the source pod looks the name up with its own resolver,
   * then connects to the first address, as an application does; the DNS queries are the first
   * hops.
   */
  private static Outcome byName(Request request, Cluster cluster, ProbeSource from,
      ProbeTarget.ToName name) {
    if (!(from instanceof ProbeSource.FromPod pod)) {
      throw CommandException.usage("error: --to dns:NAME needs --from ns/pod: a name is "
          + "looked up with the sending pod's resolver");
    }
    PodHandle client = cluster.getPod(pod.name());
    if (client.ip().isEmpty()) {
      throw CommandException.failed("error: pod " + pod.name() + " has no IP yet (phase "
          + client.phase() + "): it cannot open a connection");
    }
    Connection connection;
    try {
      connection = client.connect(name.name(), request.port(), request.protocol());
    } catch (IllegalArgumentException e) {
      throw CommandException.usage("error: --to " + request.toText() + ": " + e.getMessage());
    }
    Optional<HostPort> destination = connection.lookup().flatMap(l -> l.addresses().stream()
        .findFirst()).map(ip -> HostPort.of(ip, request.port()));
    return outcome(request, destination, connection);
  }

  private static Outcome outcome(Request request, Optional<HostPort> destination,
      Connection connection) {
    try {
      // With no rule choosing among backends, the one the packet reached is the candidate.
      List<HostPort> candidates = connection.candidates().isEmpty()
          ? connection.backend().stream().toList() : List.copyOf(connection.candidates());
      return new Outcome(request, destination, connection.verdict(), connection.backend(),
          connection.backendPod(), candidates,
          connection.masqueraded(), connection.sourceSeenByBackend(), connection.reason(),
          List.copyOf(connection.hops()), List.copyOf(connection.policyChecks()),
          connection.explain(), Optional.empty(), connection.lookup());
    } finally {
      connection.close();
    }
  }

  private static Outcome traced(Request request, Cluster cluster, String node, IpAddress src,
      HostPort destination) {
    PacketTrace trace = cluster.node(node).proxy().trace(src.toString(),
        destination.ip().toString(), request.port(), request.protocol());
    IpAddress seen = trace.masquerade()
        ? cluster.node(node).internalIP().flatMap(IpAddress::tryParse).orElse(src) : src;
    String rules = String.join(" -> ", trace.matchedRules());
    List<Hop> hops = List.of(new Hop(destination, trace.backend().orElse(destination), node,
        rules.isEmpty() ? "no kube-proxy rule matched" : rules));
    Optional<String> backendPod = trace.backend().flatMap(b -> podAt(cluster, b.ip()));
    // The rules' verdict, unless NetworkPolicy would drop the packet where it arrives.
    Optional<PolicyCheck> denied = PolicyCheck.firstDenied(trace.policyChecks());
    ConnectionVerdict verdict = denied.isPresent() ? ConnectionVerdict.TIMED_OUT
        : trace.verdict();
    String reason = denied.map(c -> "dropped by NetworkPolicy: " + c + " (traced only, not "
        + "delivered)").orElseGet(() -> tracedReason(trace, node, src, destination.ip()));
    return new Outcome(request, Optional.of(destination), verdict, trace.backend(), backendPod,
        List.copyOf(trace.candidates()), trace.masquerade(), seen, reason, hops,
        trace.policyChecks(), trace.explain(), Optional.of(trace), Optional.empty());
  }

  private static String tracedReason(PacketTrace trace, String node, IpAddress source,
      IpAddress destination) {
    if (source.family() != IpFamily.IPV4 || destination.family() != IpFamily.IPV4) {
      return "an IPv6 packet meets none of " + node + "'s rules: nodes are IPv4-only, so "
          + "kube-proxy runs only its IPv4 proxier; IPv6 traffic is not simulated (traced only, "
          + "not delivered)";
    }
    return switch (trace.outcome()) {
      case DNAT -> "DNAT to " + trace.backend().orElseThrow() + " by " + node + "'s rules ("
          + trace.candidates().size() + " candidate backends, " + trace.rulesEvaluated()
          + " rules evaluated; traced only, not delivered)";
      case REJECT -> trace.servicePort().map(p -> p + " has no endpoints: ").orElse("")
          + "rejected by " + node + "'s rules";
      case DROP -> "dropped by " + node + "'s rules; the client times out";
      case UNTOUCHED -> "no kube-proxy rule on " + node + " matched the packet: it goes on as "
          + "addressed (traced only, not delivered)";
    };
  }

  /**
   * {@return the node}
   *
   * @throws CommandException usage, with kubectl's NotFound line, when there is no such node
   */
  static NodeHandle node(Cluster cluster, String name) {
    if (cluster.nodes().stream().noneMatch(n -> n.name().equals(name))) {
      throw CommandException.usage(ResourceType.NODES.notFoundLine(name));
    }
    return cluster.node(name);
  }

  private static Optional<String> podAt(Cluster cluster, IpAddress ip) {
    String text = ip.toString();
    return cluster.pods().stream().filter(p -> p.exists() && p.ip().filter(text::equals)
        .isPresent()).map(p -> p.ref().namespace() + "/" + p.ref().name()).findFirst();
  }

  /**
   * The contract's {@code policy} object: {@code direction}, {@code pod}, {@code policies},
   * {@code allowedBy} (then {@code allowed} and {@code reason}); {@code null} when no policy
   * selects either pod, or policies are not enforced.
   */
  private static void putPolicy(ObjectNode json, Optional<PolicyCheck> check) {
    if (check.isEmpty()) {
      json.putNull("policy");
      return;
    }
    ObjectNode policy = json.putObject("policy");
    policy.put("direction", check.get().direction().apiName());
    policy.put("pod", check.get().pod());
    ArrayNode names = policy.putArray("policies");
    check.get().policies().forEach(names::add);
    JsonOutput.putOptional(policy, "allowedBy", check.get().allowedBy());
    policy.put("allowed", check.get().allowed());
    policy.put("reason", check.get().reason());
  }

}

package io.kubenetsim.core.kubectl;

import io.kubenetsim.Connection;
import io.kubenetsim.KubectlResult;
import io.kubenetsim.PortForward;
import io.kubenetsim.model.NamespacedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code port-forward TYPE/NAME [LOCAL:]REMOTE... [-n NS]}: forwards local ports to one pod, as
 * {@code kubectl port-forward} does, through {@link io.kubenetsim.Cluster#portForward}. TYPE is
 * {@code pod} ({@code po}, or a bare NAME), {@code svc} ({@code service}), {@code deploy}
 * ({@code deployment}) or {@code rs} ({@code replicaset}); for a workload or Service kubectl's
 * "most active" pod is chosen once, and a Service's REMOTE (a service port number or name) is
 * translated to that pod's targetPort, which is what the Forwarding lines show.
 *
 * <p>Ports: {@code 8080:80} forwards local 8080 to remote 80; {@code 80} alone uses the same
 * number on both sides; {@code :80} (or {@code 0:80}) asks for a random local port, which here
 * is chosen deterministically: the remote port's number when REMOTE is a number, otherwise the
 * pod port it resolves to.
 *
 * <p>Output: kubectl's lines for each port, {@code Forwarding from 127.0.0.1:LOCAL -> REMOTE}
 * and {@code Forwarding from [::1]:LOCAL -> REMOTE}. A real forward then waits for connections
 * until interrupted; the simulator cannot hold a socket open, so instead it makes exactly one
 * connection through the first forward, prints kubectl's {@code Handling connection for LOCAL}
 * and the result ({@code connected to shop/web-… port 8080: ESTABLISHED, source seen as
 * 127.0.0.1}), and returns. The connection bypasses kube-proxy, the ClusterIP and
 * NetworkPolicy, as a real port-forward does.
 *
 * <p>Exit codes: 0 when the connection is established; 1 when it is not (stdout still printed)
 * or when no running pod backs the target; 2 on bad input (a malformed port, an unknown TYPE,
 * no ports, a target that does not exist — kubectl's {@code Error from server (NotFound)} — a
 * port it does not have, or a UDP port, which port-forward never carries).
 *
 * <pre>{@code
 * kubectl.run("port-forward svc/web 8080:80 -n shop");
 * // Forwarding from 127.0.0.1:8080 -> 8080
 * // Forwarding from [::1]:8080 -> 8080
 * // Handling connection for 8080
 * // connected to shop/web-5d9c8-x7k2p port 8080: ESTABLISHED, source seen as 127.0.0.1
 * }</pre>
 */
final class PortForwardVerb implements Verb {
  private static final FlagSet FLAGS = FlagSet.of("port-forward",
      FlagSet.Flag.value("namespace", 'n'),
      FlagSet.Flag.value("address", (char) 0));
  private static final Map<String, String> KINDS = Map.ofEntries(
      Map.entry("pod", "pod"), Map.entry("po", "pod"), Map.entry("pods", "pod"),
      Map.entry("svc", "svc"), Map.entry("service", "svc"), Map.entry("services", "svc"),
      Map.entry("deploy", "deploy"), Map.entry("deployment", "deploy"),
      Map.entry("deployments", "deploy"), Map.entry("rs", "rs"), Map.entry("replicaset", "rs"),
      Map.entry("replicasets", "rs"));
  private static final VerbHelp HELP = VerbHelp.of(
      "port-forward TYPE/NAME [LOCAL_PORT:]REMOTE_PORT... [-n NAMESPACE]",
      "Forward local ports to one pod, then make one connection through the first forward.",
      "TYPE/NAME: pod/NAME (or a bare NAME), svc/NAME, deploy/NAME or rs/NAME; for a",
      "  Service or workload one running pod is chosen, and a Service port is translated",
      "  to that pod's targetPort.",
      "ports: 8080:80 (local 8080 to remote 80), 80 (the same on both sides), :80 (a local",
      "  port chosen for you); REMOTE may be a port name.",
      "Exit 1 when the connection is not established or no running pod backs the target.",
      "flags:",
      "  -n, --namespace NS    the target's namespace (default \"default\")",
      "  --address ADDRESS     localhost or 127.0.0.1 only",
      "examples:",
      "  port-forward svc/web 8080:80 -n shop");

  @Override
  public String name() {
    return "port-forward";
  }

  @Override
  public VerbHelp help() {
    return HELP;
  }

  /** One {@code [LOCAL:]REMOTE} word; {@code local} 0 means "choose one". */
  private record PortSpec(int local, String remote) {}

  @Override
  public KubectlResult run(List<String> args, KubectlContext context) {
    ParsedArgs parsed = FLAGS.parse(args);
    parsed.value("address").filter(a -> !a.equals("localhost") && !a.equals("127.0.0.1"))
        .ifPresent(a -> {
          throw CommandException.usage("error: --address " + a + " is not supported: the "
              + "simulated forward listens on localhost only");
        });
    if (parsed.positionals().size() < 2) {
      throw CommandException.usage("error: TYPE/NAME and a list of ports are required for "
          + "port-forward\n" + HELP.usage());
    }
    String namespace = parsed.value("namespace").orElse(NamespacedName.DEFAULT_NAMESPACE);
    String target = target(parsed.positionals().get(0), namespace);
    List<PortSpec> specs = new ArrayList<>();
    for (String word : parsed.positionals().subList(1, parsed.positionals().size())) {
      specs.add(portSpec(word));
    }
    StringBuilder out = new StringBuilder();
    List<PortForward> forwards = new ArrayList<>();
    for (PortSpec spec : specs) {
      PortForward forward = open(context, target, spec);
      forwards.add(forward);
      out.append("Forwarding from 127.0.0.1:").append(forward.localPort()).append(" -> ")
          .append(forward.podPort()).append('\n');
      out.append("Forwarding from [::1]:").append(forward.localPort()).append(" -> ")
          .append(forward.podPort()).append('\n');
    }
    PortForward first = forwards.get(0);
    out.append("Handling connection for ").append(first.localPort()).append('\n');
    Connection connection = first.connect();
    try {
      out.append("connected to ").append(first.pod()).append(" port ")
          .append(first.podPort()).append(": ").append(connection.verdict())
          .append(", source seen as ").append(connection.sourceSeenByBackend()).append('\n');
      if (connection.isEstablished()) {
        return KubectlResult.ok(out.toString());
      }
      return new KubectlResult(CommandException.FAILED, out.toString(), "error: an error "
          + "occurred forwarding " + first.localPort() + " -> " + first.podPort() + ": "
          + connection.reason() + "\n");
    } finally {
      connection.close();
    }
  }

  private static PortForward open(KubectlContext context, String target, PortSpec spec) {
    try {
      if (spec.local() != 0) {
        return context.cluster().portForward(target, spec.local(), spec.remote());
      }
      int local = isNumber(spec.remote()) ? Integer.parseInt(spec.remote())
          : context.cluster().portForward(target, 1, spec.remote()).podPort();
      return context.cluster().portForward(target, local, spec.remote());
    } catch (IllegalArgumentException e) {
      throw CommandException.usage("error: " + e.getMessage());
    } catch (IllegalStateException e) {
      throw CommandException.failed("error: " + e.getMessage());
    }
  }

  /** {@return {@code kind/namespace/name} for the target word} */
  private static String target(String word, String namespace) {
    String kind = "pod";
    String name = word;
    int slash = word.indexOf('/');
    if (slash >= 0) {
      String typeWord = word.substring(0, slash).toLowerCase(Locale.ROOT);
      name = word.substring(slash + 1);
      kind = KINDS.get(typeWord);
      if (kind == null) {
        throw CommandException.usage("error: cannot port-forward to a \"" + typeWord
            + "\": use pod/NAME, svc/NAME, deploy/NAME or rs/NAME");
      }
    }
    if (name.isEmpty() || name.contains("/")) {
      throw CommandException.usage("error: \"" + word + "\" does not name one object: use "
          + "TYPE/NAME with -n NAMESPACE\n" + HELP.usage());
    }
    return kind + "/" + namespace + "/" + name;
  }

  private static PortSpec portSpec(String word) {
    String[] parts = word.split(":", -1);
    if (parts.length > 2 || parts[parts.length - 1].isEmpty()) {
      throw badPort(word);
    }
    String remote = parts[parts.length - 1];
    if (isNumber(remote)) {
      checkRange(word, remote, 1);
    }
    if (parts.length == 1) {
      if (!isNumber(remote)) {
        // kubectl: a named port needs an explicit local side.
        return new PortSpec(0, remote);
      }
      return new PortSpec(Integer.parseInt(remote), remote);
    }
    if (parts[0].isEmpty()) {
      return new PortSpec(0, remote);
    }
    if (!isNumber(parts[0])) {
      throw badPort(word);
    }
    return new PortSpec(checkRange(word, parts[0], 0), remote);
  }

  private static int checkRange(String word, String number, int min) {
    int port;
    try {
      port = Integer.parseInt(number);
    } catch (NumberFormatException e) {
      throw badPort(word);
    }
    if (port < min || port > 65535) {
      throw badPort(word);
    }
    return port;
  }

  private static boolean isNumber(String text) {
    return !text.isEmpty() && text.length() <= 9 && text.chars().allMatch(Character::isDigit);
  }

  private static CommandException badPort(String word) {
    return CommandException.usage("error: invalid port \"" + word + "\": use LOCAL:REMOTE, "
        + "PORT or :REMOTE, with ports between 1 and 65535\n" + HELP.usage());
  }
}

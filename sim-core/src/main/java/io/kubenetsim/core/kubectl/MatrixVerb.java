package io.kubenetsim.core.kubectl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.Cluster;
import io.kubenetsim.KubectlResult;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.Reachability;
import java.util.List;

/**
 * {@code matrix [--port P] [--protocol PROTO] [-n NS]... [--to-services] [-o json]}: who may
 * reach whom by NetworkPolicy, as a truth table like the one upstream's NetworkPolicy e2e suite
 * prints (rows from, columns to, {@code .} allowed, {@code X} denied). Over the pods of the
 * namespaces given with {@code -n} (repeatable), or of every namespace but {@code kube-system};
 * with {@code --to-services} the columns are those namespaces' Services, reached on a Service
 * port through their ready backends (see {@link Cluster#reachabilityToServices}).
 *
 * <p>With {@code -o json}: {@code {"port": P, "protocol": "TCP", "pods": ["ns/pod", …],
 * "allowed": {"ns/pod": {"ns/pod": true, …}, …}}}, rows and columns in name order; with
 * {@code --to-services} also {@code "services": ["ns/svc", …]}, the keys of each row. Exit 0
 * whatever the table says (it is information, not a check); 2 on bad input.
 *
 * <pre>{@code
 * kubectl.run("matrix --port 80 -n x -n y");
 * }</pre>
 */
final class MatrixVerb implements Verb {
  private static final FlagSet FLAGS = FlagSet.of("matrix",
      FlagSet.Flag.value("port", (char) 0), FlagSet.Flag.value("protocol", (char) 0),
      FlagSet.Flag.value("namespace", 'n'), FlagSet.Flag.bool("to-services", (char) 0),
      FlagSet.Flag.value("output", 'o'));
  private static final VerbHelp HELP = VerbHelp.of(
      "matrix [--port P] [--protocol TCP|UDP|SCTP] [-n NS]... [--to-services] [-o json]",
      "Print who may reach whom by NetworkPolicy, as upstream's e2e truth tables.",
      "Rows are sources, columns destinations; . allowed, X denied (both the source's egress",
      "and the destination's ingress must allow it). Pods of the -n namespaces, or of every",
      "namespace but kube-system.",
      "flags:",
      "  --port P             the destination port (80)",
      "  --protocol P         TCP (default), UDP or SCTP",
      "  -n, --namespace NS   a namespace whose pods to include (repeatable)",
      "  --to-services        columns are Services, reached on a Service port",
      "  -o json              the table as data",
      "examples:",
      "  matrix --port 80 -n x -n y -n z",
      "  matrix --port 80 --to-services -o json");

  @Override
  public String name() {
    return "matrix";
  }

  @Override
  public VerbHelp help() {
    return HELP;
  }

  @Override
  public KubectlResult run(List<String> args, KubectlContext context) {
    ParsedArgs parsed = FLAGS.parse(args).withoutPositionals("matrix", HELP.usage());
    String output = OutputFormats.check(parsed.value("output").orElse(""), List.of("json"));
    int port = Probe.port(parsed.value("port").orElse("80"));
    Protocol protocol = Probe.protocol(parsed.value("protocol").orElse("TCP"));
    Cluster cluster = context.cluster();
    List<String> namespaces = parsed.values("namespace");
    namespaces.forEach(ns -> CommandException.requireNamespace(cluster, ns));
    boolean toServices = parsed.isSet("to-services");
    String[] within = namespaces.toArray(String[]::new);
    Reachability table = toServices
        ? cluster.reachabilityToServices(port, protocol, within)
        : cluster.reachability(port, protocol, within);
    return KubectlResult.ok(output.equals("json") ? JsonOutput.write(json(table, toServices))
        : table + "\n");
  }

  private static ObjectNode json(Reachability table, boolean toServices) {
    ObjectNode json = JsonOutput.object();
    json.put("port", table.port());
    json.put("protocol", table.protocol().name());
    ArrayNode pods = json.putArray("pods");
    table.from().forEach(pods::add);
    if (toServices) {
      ArrayNode services = json.putArray("services");
      table.to().forEach(services::add);
    }
    ObjectNode allowed = json.putObject("allowed");
    for (String from : table.from()) {
      ObjectNode row = allowed.putObject(from);
      table.to().forEach(to -> row.put(to, table.allowed(from, to)));
    }
    return json;
  }
}

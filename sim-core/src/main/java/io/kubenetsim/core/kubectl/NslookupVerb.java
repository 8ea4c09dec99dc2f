package io.kubenetsim.core.kubectl;

import io.kubenetsim.KubectlResult;
import io.kubenetsim.PodHandle;
import io.kubenetsim.dns.DnsAttempt;
import io.kubenetsim.dns.DnsLookup;
import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.net.IpAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code nslookup --from ns/pod NAME [--type A|AAAA|SRV|PTR|CNAME|TXT|NS|SOA] [-o json]}: looks
 * a name up from a pod, with the pod's resolv.conf (search list, {@code ndots}), every query a
 * UDP datagram through kube-proxy and NetworkPolicy to a CoreDNS pod, as {@code kubectl exec
 * POD -- nslookup NAME} would. A PTR question may be written as the address ({@code nslookup
 * --type PTR 10.96.0.10}), as nslookup and dig -x accept.
 *
 * <p>Text output reads like {@code dig}: the server, every query tried with its outcome, then
 * the reply's sections. With {@code -o json}, the object {@link DnsJson} describes. Exit 0 when
 * the name resolved (NOERROR with at least one answer); 1 when it did not (NXDOMAIN, NODATA,
 * SERVFAIL, REFUSED, or no server answered — the result is still printed); 2 on bad input, an
 * unknown pod or an invalid name included.
 *
 * <pre>{@code
 * kubectl.run("nslookup --from shop/client web -o json");
 * kubectl.run("nslookup --from shop/client _http._tcp.web --type SRV");
 * }</pre>
 */
final class NslookupVerb implements Verb {
  private static final FlagSet FLAGS = FlagSet.of("nslookup",
      FlagSet.Flag.value("from", (char) 0), FlagSet.Flag.value("type", (char) 0),
      FlagSet.Flag.value("namespace", 'n'), FlagSet.Flag.value("output", 'o'));
  private static final String TYPES = "A|AAAA|SRV|PTR|CNAME|TXT|NS|SOA|MX";
  private static final VerbHelp HELP = VerbHelp.of(
      "nslookup --from ns/pod NAME [--type " + TYPES + "] [-n NS] [-o json]",
      "Look a name up from a pod, through its resolver and the cluster's DNS, and show every "
          + "query.",
      "The pod's resolv.conf applies: a name with fewer dots than ndots (5) is tried with each",
      "search domain first, so external names cost several NXDOMAINs. Each query is real",
      "traffic: a NetworkPolicy, a dead CoreDNS pod or a stale kube-proxy rule shows here.",
      "flags:",
      "  --from ns/pod        the pod whose resolver asks (required)",
      "  --type T             the record type (A by default); PTR takes an address too",
      "  -n, --namespace NS   the namespace of a pod written without one",
      "  -o json              the lookup as one JSON object",
      "Exit 1 when the name does not resolve (the result is still printed).",
      "examples:",
      "  nslookup --from shop/client web",
      "  nslookup --from shop/client _http._tcp.web --type SRV -o json",
      "  nslookup --from shop/client example.com");

  @Override
  public String name() {
    return "nslookup";
  }

  @Override
  public VerbHelp help() {
    return HELP;
  }

  @Override
  public KubectlResult run(List<String> args, KubectlContext context) {
    ParsedArgs parsed = FLAGS.parse(args);
    String output = OutputFormats.check(parsed.value("output").orElse(""), List.of("json"));
    if (parsed.positionals().size() != 1) {
      throw CommandException.usage("error: nslookup takes exactly one NAME, got "
          + parsed.positionals().size() + "\n" + HELP.usage());
    }
    String namespace = parsed.value("namespace").orElse(NamespacedName.DEFAULT_NAMESPACE);
    String from = parsed.value("from").orElseThrow(() -> CommandException.usage(
        "error: --from is required\n" + HELP.usage()));
    if (!(ProbeSource.parse(from, namespace) instanceof ProbeSource.FromPod pod)) {
      throw CommandException.usage("error: nslookup --from needs a pod (ns/pod): names are "
          + "looked up with a pod's resolver, got \"" + from + "\"");
    }
    RecordType type = type(parsed.value("type").orElse("A"));
    String name = question(parsed.positionals().get(0), type);
    PodHandle handle = context.cluster().getPod(pod.name());
    if (handle.ip().isEmpty()) {
      throw CommandException.failed("error: pod " + pod.name() + " has no IP yet (phase "
          + handle.phase() + "): it cannot send a query");
    }
    DnsLookup lookup;
    try {
      lookup = handle.lookup(name, type);
    } catch (IllegalArgumentException e) {
      throw CommandException.usage("error: " + e.getMessage());
    }
    String stdout = output.equals("json") ? JsonOutput.write(DnsJson.of(lookup)) : text(lookup);
    if (lookup.resolved()) {
      return KubectlResult.ok(stdout);
    }
    return new KubectlResult(CommandException.FAILED, stdout, "error: " + name
        + " did not resolve: " + failure(lookup) + "\n");
  }

  private static RecordType type(String text) {
    return RecordType.tryParse(text.toUpperCase(Locale.ROOT)).orElseThrow(() ->
        CommandException.usage("error: invalid argument \"" + text + "\" for \"--type\" "
            + "flag: expected one of " + String.join(", ", Arrays.stream(RecordType.values())
                .map(Enum::name).toList())));
  }

  /** An address asked for PTR is turned into its reverse name, as {@code dig -x} does. */
  private static String question(String name, RecordType type) {
    if (type != RecordType.PTR) {
      return name;
    }
    return IpAddress.tryParse(name).map(ip -> DnsName.reverse(ip)
        .toString()).orElse(name);
  }

  private static String failure(DnsLookup lookup) {
    return lookup.response().map(r -> r.isNoData() ? "no " + lookup.type() + " record (NODATA)"
        : r.rcode().toString()).orElse("connection timed out; no servers could be reached");
  }

  /** dig's layout, with the search list's queries before the reply. */
  private static String text(DnsLookup lookup) {
    StringBuilder out = new StringBuilder();
    out.append(";; SERVER: ").append(DnsJson.server(lookup).map(Object::toString).orElse("none"))
        .append("#53\n");
    out.append(";; QUERIES (").append(lookup.tried().size()).append(", in order):\n");
    for (DnsAttempt attempt : lookup.tried()) {
      out.append(";   ").append(attempt).append('\n');
    }
    if (lookup.response().isEmpty()) {
      out.append(";; connection timed out; no servers could be reached");
      if (!lookup.elapsed().isZero()) {
        out.append(" (after ").append(lookup.elapsed().toSeconds()).append(" s)");
      }
      return out.append('\n').toString();
    }
    return out.append(lookup.response().get()).toString();
  }
}

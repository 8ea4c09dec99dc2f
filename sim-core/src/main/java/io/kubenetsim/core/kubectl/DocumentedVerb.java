package io.kubenetsim.core.kubectl;

import static com.google.common.base.Preconditions.checkState;

import io.kubenetsim.KubectlResult;
import java.util.List;

/**
 * A verb with help attached from outside its class: {@code apply}, {@code probe} and {@code
 * trace}, whose classes are being rewritten on other branches (issue 7). Runs the verb
 * unchanged and answers {@link #help()} with the text here, which takes the probe's usage line
 * from {@link Probe#usage(String)} rather than copying it. TODO(issue 7): once those branches
 * land, move each text into its verb's own {@code help()} and drop this class.
 */
record DocumentedVerb(Verb verb, VerbHelp help) implements Verb {

  private static final String[] TRAFFIC_FORMS = {
    "SRC (--from): ns/pod (a pod connects), node/NAME (the node itself), external:IP (a",
    "  client outside the cluster; with --node it enters at that node), ip:IP (one packet",
    "  traced through the rules of the node named by --node; nothing is delivered)",
    "DST (--to): ns/pod, svc/ns/name (its ClusterIP), node/NAME (its InternalIP),",
    "  lb/ns/name (its LoadBalancer IP), or an IP address; a pod or Service written without",
    "  its namespace is read in -n NS",
    "flags:",
    "  --port P             the destination port (required)",
    "  --protocol P         TCP (default), UDP or SCTP",
    "  --node NAME          the node an external: or ip: source enters at",
    "  -n, --namespace NS   the namespace of pods and Services written without one",
  };

  @Override
  public String name() {
    return verb.name();
  }

  @Override
  public KubectlResult run(List<String> args, KubectlContext context) {
    return verb.run(args, context);
  }

  /** {@return {@code apply}, documented} */
  static Verb apply(Verb apply) {
    return new DocumentedVerb(apply, VerbHelp.of(
        "apply -f FILE|DIR [-f FILE|DIR]... [-n NS]",
        "Apply manifests all or nothing, as kubectl apply does: one line per object.",
        "Kinds: Namespace, Node, Pod, Deployment, ReplicaSet, Service, EndpointSlice,",
        "  Endpoints, ServiceCIDR and List; YAML or JSON, several documents per file;",
        "  folders are read in sorted path order. A bad manifest applies nothing (exit 2).",
        "flags:",
        "  -f, --filename FILE|DIR   a manifest file or folder (repeatable)",
        "  -n, --namespace NS        the namespace of objects that name none (default",
        "                            \"default\")",
        "examples:",
        "  apply -f examples/manifests/shop"));
  }

  /** {@return {@code probe}, documented} */
  static Verb probe(Verb probe) {
    return new DocumentedVerb(probe, traffic(probe.name(),
        "Open one connection and report its verdict, backend and the source the backend sees.",
        "  -o json              the result as one JSON object",
        "Exit 1 when the connection is not established (the result is still printed).",
        "examples:",
        "  probe --from shop/debug --to svc/shop/web --port 80 -o json",
        "  probe --from external:203.0.113.9 --to lb/shop/front --port 80"));
  }

  /** {@return {@code trace}, documented} */
  static Verb trace(Verb trace) {
    return new DocumentedVerb(trace, traffic(trace.name(),
        "Send the same packet as probe and explain it hop by hop: every rule that rewrote it.",
        "Exit 0 whenever the packet could be traced, whatever its verdict; use probe to check.",
        "examples:",
        "  trace --from external:203.0.113.9 --to lb/shop/front --port 80",
        "  trace --from ip:10.244.1.77 --to svc/shop/web --port 80 --node node-1"));
  }

  private static VerbHelp traffic(String verb, String summary, String... more) {
    String usage = Probe.usage(verb);
    checkState(usage.startsWith("usage: "), "Probe.usage(%s) changed its form: %s", verb, usage);
    String synopsis = usage.substring("usage: ".length()) + " [-n NS]"
        + (verb.equals("probe") ? " [-o json]" : "");
    String[] details = new String[TRAFFIC_FORMS.length + more.length];
    System.arraycopy(TRAFFIC_FORMS, 0, details, 0, TRAFFIC_FORMS.length);
    System.arraycopy(more, 0, details, TRAFFIC_FORMS.length, more.length);
    return VerbHelp.of(synopsis, summary, details);
  }
}

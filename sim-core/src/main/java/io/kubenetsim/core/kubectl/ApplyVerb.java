package io.kubenetsim.core.kubectl;

import io.kubenetsim.ApplyResult;
import io.kubenetsim.KubectlResult;
import io.kubenetsim.manifest.ManifestException;
import io.kubenetsim.manifest.ValidationException;
import io.kubenetsim.model.KubernetesObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code apply -f FILE|DIR [-f …] [-n NS] [-o json|yaml|name]}: applies manifests all or
 * nothing, as the cluster's {@code apply} does. An invalid or unreadable manifest is bad input
 * (exit code 2), and the message lists every problem with its file, document, object and field.
 *
 * <p>Output follows kubectl's {@code apply.go}: by default one {@code kind/name
 * created|configured|unchanged} line per object; {@code -o name} one {@code kind[.group]/name}
 * line per object (cli-runtime's {@code NamePrinter}, without the operation); {@code -o json}
 * and {@code -o yaml} the objects as the API server returned them after the write (uid,
 * resourceVersion, creationTimestamp, allocated IPs and ports filled in), one object alone or
 * several in a typed {@code v1 List} ({@code printObjects}). Any other {@code -o} value is
 * refused before anything is applied. Simplification: the simulator's apply replaces objects
 * rather than three-way merging, so the printed objects carry no {@code
 * kubectl.kubernetes.io/last-applied-configuration} annotation.
 */
final class ApplyVerb implements Verb {

  private static final List<String> FORMATS = List.of("json", "name", "yaml");

  private static final VerbHelp HELP = VerbHelp.of(
      "apply -f FILE|DIR [-f FILE|DIR]... [-n NS] [-o json|yaml|name]",
      "Apply manifests all or nothing, as kubectl apply does: one line per object.",
      "Kinds: Namespace, Node, Pod, Deployment, ReplicaSet, Service, EndpointSlice,",
      "  Endpoints, ServiceCIDR and List; YAML or JSON, several documents per file;",
      "  folders are read in sorted path order. A bad manifest applies nothing (exit 2).",
      "flags:",
      "  -f, --filename FILE|DIR   a manifest file or folder (repeatable)",
      "  -n, --namespace NS        the namespace of objects that name none (default",
      "                            \"default\")",
      "  -o, --output FORMAT       json|yaml: the objects as the API server returned them",
      "                            (a List for several); name: kind/name lines",
      "examples:",
      "  apply -f examples/manifests/shop",
      "  apply -f examples/manifests/shop -o name");

  @Override
  public String name() {
    return "apply";
  }

  @Override
  public VerbHelp help() {
    return HELP;
  }

  @Override
  public KubectlResult run(List<String> args, KubectlContext context) {
    Request request = Request.parse(args);
    ApplyResult result;
    try {
      result = context.cluster().applyIn(request.namespace(),
          request.files().toArray(Path[]::new));
    } catch (ValidationException | ManifestException e) {
      throw CommandException.fromApi(e);
    }
    List<KubernetesObject> applied = new ArrayList<>();
    result.entries().forEach(e -> applied.add(e.object()));
    return KubectlResult.ok(switch (request.output()) {
      case "" -> result.toString();
      case "name" -> names(applied);
      case "json" -> applied.isEmpty() ? "" : context.formatter().appliedJson(applied);
      case "yaml" -> applied.isEmpty() ? "" : context.formatter().appliedYaml(applied);
      default -> throw new AssertionError("unchecked output format " + request.output());
    });
  }

  private static String names(List<KubernetesObject> applied) {
    StringBuilder out = new StringBuilder();
    applied.forEach(o -> out.append(o.nameOutput()).append('\n'));
    return out.toString();
  }

  /** The parsed command line of one {@code apply}. */
  private record Request(List<Path> files, String namespace, String output) {

    /**
     * Reads {@code -f}/{@code --filename} (repeatable), {@code -n}/{@code --namespace} and
     * {@code -o}/{@code --output}, each as {@code -f X}, {@code --filename X} or {@code
     * --filename=X}, and {@code -o} also as {@code -ojson} or {@code -o=json}.
     */
    static Request parse(List<String> args) {
      List<Path> files = new ArrayList<>();
      String namespace = "default";
      String output = "";
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        boolean hasNext = i + 1 < args.size();
        if ((arg.equals("-f") || arg.equals("--filename")) && hasNext) {
          files.add(Path.of(args.get(++i)));
        } else if (arg.startsWith("--filename=")) {
          files.add(Path.of(arg.substring("--filename=".length())));
        } else if ((arg.equals("-n") || arg.equals("--namespace")) && hasNext) {
          namespace = args.get(++i);
        } else if (arg.startsWith("--namespace=")) {
          namespace = arg.substring("--namespace=".length());
        } else if ((arg.equals("-o") || arg.equals("--output")) && hasNext) {
          output = args.get(++i);
        } else if (arg.startsWith("--output=")) {
          output = arg.substring("--output=".length());
        } else if (arg.startsWith("-o") && arg.length() > 2) {
          output = arg.startsWith("-o=") ? arg.substring(3) : arg.substring(2);
        } else {
          throw CommandException.usage("error: unexpected argument \"" + arg + "\" for apply\n"
              + HELP.usage());
        }
      }
      if (files.isEmpty()) {
        throw CommandException.usage("error: must specify one of -f and -k");
      }
      return new Request(List.copyOf(files), namespace, OutputFormats.check(output, FORMATS));
    }
  }
}

package io.kubenetsim.core.kubectl;

import io.kubenetsim.ApplyResult;
import io.kubenetsim.KubectlResult;
import io.kubenetsim.manifest.ManifestException;
import io.kubenetsim.manifest.ValidationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code apply -f FILE|DIR [-f …] [-n NS]}: applies manifests all or nothing, as the cluster's
 * {@code apply} does, printing one {@code kind/name created|configured|unchanged} line per
 * object. An invalid or unreadable manifest is bad input (exit code 2), and the message lists
 * every problem with its file, document, object and field.
 */
final class ApplyVerb implements Verb {

  @Override
  public String name() {
    return "apply";
  }

  @Override
  public KubectlResult run(List<String> args, KubectlContext context) {
    List<Path> files = new ArrayList<>();
    String namespace = "default";
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if ((arg.equals("-f") || arg.equals("--filename")) && i + 1 < args.size()) {
        files.add(Path.of(args.get(++i)));
      } else if (arg.startsWith("--filename=")) {
        files.add(Path.of(arg.substring("--filename=".length())));
      } else if ((arg.equals("-n") || arg.equals("--namespace")) && i + 1 < args.size()) {
        namespace = args.get(++i);
      } else if (arg.startsWith("--namespace=")) {
        namespace = arg.substring("--namespace=".length());
      } else {
        throw CommandException.usage("error: unexpected argument \"" + arg + "\" for apply; "
            + "usage: apply -f FILE|DIR [-f …] [-n NAMESPACE]");
      }
    }
    if (files.isEmpty()) {
      throw CommandException.usage("error: must specify one of -f and -k");
    }
    try {
      ApplyResult result = context.cluster().applyIn(namespace, files.toArray(Path[]::new));
      return KubectlResult.ok(result.toString());
    } catch (ValidationException | ManifestException e) {
      throw CommandException.usage(e.getMessage());
    }
  }
}

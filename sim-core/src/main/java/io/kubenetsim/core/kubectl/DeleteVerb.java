package io.kubenetsim.core.kubectl;

import io.kubenetsim.KubectlResult;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Pod;
import java.time.Duration;
import java.util.List;

/**
 * {@code delete TYPE NAME [-n NS] [--grace-period=N] [--force]}: deletes one object as kubectl
 * does and prints {@code pod "web-0" deleted} ({@code deployment.apps "web" deleted} for a type
 * in a named group). A pod is deleted gracefully unless the grace period is 0 (or {@code
 * --force}), which removes it from the API at once. A missing object is kubectl's {@code Error
 * from server (NotFound): pods "x" not found}, exit code 2.
 */
final class DeleteVerb implements Verb {
  private static final FlagSet FLAGS = FlagSet.of("delete",
      FlagSet.Flag.value("namespace", 'n'),
      FlagSet.Flag.value("grace-period", (char) 0),
      FlagSet.Flag.bool("force", (char) 0));
  private static final VerbHelp HELP = VerbHelp.of(
      "delete TYPE NAME [-n NS] [--grace-period=SECONDS] [--force]\n"
          + "delete TYPE/NAME [-n NS] [--grace-period=SECONDS] [--force]",
      "Delete one object; a pod gracefully, Terminating for its grace period (30s).",
      "flags:",
      "  -n, --namespace NS          the object's namespace (default \"default\")",
      "  --grace-period=SECONDS      how long a pod may take to stop; 0 removes it at once",
      "  --force                     the same as --grace-period=0",
      "examples:",
      "  delete pod debug -n shop",
      "  delete deployment/web -n shop");

  @Override
  public String name() {
    return "delete";
  }

  @Override
  public VerbHelp help() {
    return HELP;
  }

  @Override
  public KubectlResult run(List<String> args, KubectlContext context) {
    ParsedArgs parsed = FLAGS.parse(args);
    TypedName target = TypedName.parse("delete", parsed.positionals());
    String namespace = target.type().namespaced()
        ? parsed.value("namespace").orElse("default") : "";
    ObjectRef ref = new ObjectRef(kind(target.type()), namespace, target.name());
    context.cluster().get(target.type().type(), namespace, target.name())
        .orElseThrow(() -> ApiStore.notFound(ref));
    long grace = parsed.isSet("force") ? 0
        : parsed.value("grace-period").map(DeleteVerb::seconds).orElse(-1L);
    if (grace >= 0 && target.type().type() == Pod.class) {
      context.cluster().getPod(namespace + "/" + target.name()).delete(Duration.ofSeconds(grace));
    } else {
      context.cluster().delete(ref);
    }
    // kubectl names the object as kind.group, as its name printer does: deployment.apps "web".
    String group = target.type().group();
    return KubectlResult.ok(target.type().singular() + (group.isEmpty() ? "" : "." + group)
        + " \"" + target.name() + "\" deleted\n");
  }

  private static String kind(ResourceType<?> type) {
    return type.type().getSimpleName();
  }

  private static long seconds(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw CommandException.usage("error: invalid argument \"" + text
          + "\" for \"--grace-period\" flag: expected a number of seconds");
    }
  }
}

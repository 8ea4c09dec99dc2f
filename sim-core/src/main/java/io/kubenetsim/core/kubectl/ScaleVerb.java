package io.kubenetsim.core.kubectl;

import io.kubenetsim.KubectlResult;
import java.util.List;

/**
 * {@code scale deployment/NAME --replicas=N [-n NS]} and {@code scale statefulset/NAME …}: sets
 * a Deployment's or a StatefulSet's replicas as {@code kubectl scale} does and prints {@code
 * deployment.apps/web scaled} ({@code statefulset.apps/web scaled}). A missing one is kubectl's
 * {@code Error from server (NotFound): deployments.apps "x" not found}, exit code 2.
 */
final class ScaleVerb implements Verb {
  private static final FlagSet FLAGS = FlagSet.of("scale",
      FlagSet.Flag.value("namespace", 'n'),
      FlagSet.Flag.value("replicas", (char) 0));
  private static final VerbHelp HELP = VerbHelp.of(
      "scale deployment/NAME|statefulset/NAME --replicas=N [-n NS]\n"
          + "scale deployment|statefulset NAME --replicas=N [-n NS]",
      "Set a Deployment's or a StatefulSet's replicas; its pods are then added or removed.",
      "flags:",
      "  --replicas=N          the number of pods wanted (0 or more)",
      "  -n, --namespace NS    the workload's namespace (default \"default\")",
      "examples:",
      "  scale deployment/web --replicas=5 -n shop",
      "  scale sts/db --replicas=3 -n shop");

  @Override
  public String name() {
    return "scale";
  }

  @Override
  public VerbHelp help() {
    return HELP;
  }

  @Override
  public KubectlResult run(List<String> args, KubectlContext context) {
    ParsedArgs parsed = FLAGS.parse(args);
    TypedName target = TypedName.parse("scale", parsed.positionals());
    if (target.type() != ResourceType.DEPLOYMENTS
        && target.type() != ResourceType.STATEFUL_SETS) {
      throw CommandException.usage("error: cannot scale " + target.type()
          + ": only deployments and statefulsets are simulated so far");
    }
    String replicasText = parsed.value("replicas").orElseThrow(() ->
        CommandException.usage("error: required flag(s) \"replicas\" not set"));
    int replicas;
    try {
      replicas = Integer.parseInt(replicasText);
    } catch (NumberFormatException e) {
      throw CommandException.usage("error: invalid argument \"" + replicasText
          + "\" for \"--replicas\" flag: expected a whole number");
    }
    if (replicas < 0) {
      throw CommandException.usage("error: The --replicas=COUNT flag is required, and COUNT "
          + "must be greater than or equal to 0");
    }
    String namespace = parsed.value("namespace").orElse("default");
    String key = namespace + "/" + target.name();
    if (target.type() == ResourceType.STATEFUL_SETS) {
      context.cluster().getStatefulSet(key).scale(replicas);
    } else {
      context.cluster().getDeployment(key).scale(replicas);
    }
    return KubectlResult.ok(target.type().singular() + "." + target.type().group() + "/"
        + target.name() + " scaled\n");
  }
}

package io.kubenetsim.core.kubectl;

import io.kubenetsim.KubectlResult;
import java.util.List;

/**
 * {@code scale deployment/NAME --replicas=N [-n NS]}: sets a Deployment's replicas as {@code
 * kubectl scale} does and prints {@code deployment.apps/web scaled}.
 */
final class ScaleVerb implements Verb {
  private static final FlagSet FLAGS = FlagSet.of("scale",
      FlagSet.Flag.value("namespace", 'n'),
      FlagSet.Flag.value("replicas", (char) 0));

  @Override
  public String name() {
    return "scale";
  }

  @Override
  public KubectlResult run(List<String> args, KubectlContext context) {
    ParsedArgs parsed = FLAGS.parse(args);
    TypedName target = TypedName.parse("scale", parsed.positionals());
    if (target.type() != ResourceType.DEPLOYMENTS) {
      throw CommandException.usage("error: cannot scale " + target.type()
          + ": only deployments are simulated so far");
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
    context.cluster().getDeployment(namespace + "/" + target.name()).scale(replicas);
    return KubectlResult.ok("deployment.apps/" + target.name() + " scaled\n");
  }
}

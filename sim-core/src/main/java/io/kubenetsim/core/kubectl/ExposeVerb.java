package io.kubenetsim.core.kubectl;

import io.kubenetsim.ExposeBuilder;
import io.kubenetsim.KubectlResult;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.net.Protocol;
import java.util.List;
import java.util.Optional;

/**
 * {@code expose TYPE NAME|TYPE/NAME [-n NS] [--port P] [--target-port T] [--type T] [--name N]
 * [--protocol P] [--cluster-ip IP] [--external-ip IP]}: makes a Service for a Deployment,
 * ReplicaSet, Pod or Service through {@link io.kubenetsim.Cluster#expose} and prints {@code
 * service/NAME exposed}, as {@code kubectl expose} does.
 *
 * <p>Steps: (1) parse flags and the target; (2) refuse a type kubectl cannot expose with its
 * words, {@code error: cannot expose a Node} (the kind, and its group when it has one), and a
 * missing object with kubectl's NotFound ({@code deployments.apps "web" not found}); (3)
 * check the flag values — a port must be a number in 1–65535, and a service type or protocol
 * the API does not know is refused as kube-apiserver refuses it ({@code The Service "web" is
 * invalid: spec.type: Unsupported value: …}); (4) pass every given flag to the
 * {@link ExposeBuilder} and create. Finding the selector and ports, naming and validating the
 * Service are the cluster's work; its NotFound and invalid-object errors reach the user as
 * {@link KubectlCommand} prints them.
 *
 * <p>Simplification: {@code --selector}, {@code --labels}, {@code --session-affinity}, {@code
 * --load-balancer-ip}, {@code -f} and {@code --dry-run} are not supported (the builder has no
 * such options). Real kubectl ends every error with exit code 1; here every error of this verb
 * is bad input (exit code 2) — a type that cannot be exposed, a malformed flag value, a missing
 * object, an invalid Service — since expose makes no check that could fail.
 *
 * <pre>{@code
 * kubectl.run("expose deployment web -n shop --port 80 --target-port http --type NodePort");
 * // service/web exposed
 * }</pre>
 */
final class ExposeVerb implements Verb {

  private static final FlagSet FLAGS = FlagSet.of("expose",
      FlagSet.Flag.value("namespace", 'n'),
      FlagSet.Flag.value("port", (char) 0),
      FlagSet.Flag.value("target-port", (char) 0),
      FlagSet.Flag.value("type", (char) 0),
      FlagSet.Flag.value("name", (char) 0),
      FlagSet.Flag.value("protocol", (char) 0),
      FlagSet.Flag.value("cluster-ip", (char) 0),
      FlagSet.Flag.value("external-ip", (char) 0));

  private static final VerbHelp HELP = VerbHelp.of(
      "expose TYPE NAME | TYPE/NAME [--port P] [--target-port T] [--type T] [--name N] "
          + "[-n NS]",
      "Make a Service for a Deployment, ReplicaSet, Pod or Service, as kubectl expose does.",
      "The selector comes from the object; the port from --port or the object's first",
      "container port; the name from --name or the object's name.",
      "flags:",
      "  --port P               the Service port (1-65535)",
      "  --target-port T        a container port number or name (default: --port)",
      "  --type T               ClusterIP (default), NodePort or LoadBalancer",
      "  --name N               the Service's name",
      "  --protocol P           TCP (default), UDP or SCTP",
      "  --cluster-ip IP        ask for this ClusterIP (None for a headless Service)",
      "  --external-ip IP       add an external IP",
      "  -n, --namespace NS     the object's namespace (default \"default\")",
      "examples:",
      "  expose deployment web -n shop --port 80 --target-port http --type NodePort",
      "  expose deployment/web -n shop --name front --port 80 --type LoadBalancer");

  /** kubectl cuts a default Service name to a DNS-1035 label's length. */
  private static final int MAX_NAME_LENGTH = 63;

  @Override
  public String name() {
    return "expose";
  }

  @Override
  public VerbHelp help() {
    return HELP;
  }

  @Override
  public KubectlResult run(List<String> args, KubectlContext context) {
    ParsedArgs parsed = FLAGS.parse(args);
    TypedName target = TypedName.parse("expose", parsed.positionals());
    String kind = exposableKind(target.type());
    String namespace = parsed.value("namespace").orElse(NamespacedName.DEFAULT_NAMESPACE);
    if (context.cluster().get(target.type().type(), namespace, target.name()).isEmpty()) {
      throw CommandException.usage(target.type().notFoundLine(target.name()));
    }
    String serviceName = parsed.value("name").orElse(defaultName(target.name()));
    ExposeBuilder builder =
        context.cluster().expose(kind + "/" + namespace + "/" + target.name());
    parsed.value("name").ifPresent(builder::name);
    parsed.value("port").ifPresent(p -> builder.port(port(p)));
    parsed.value("target-port").ifPresent(t -> targetPort(builder, t));
    parsed.value("type").ifPresent(t -> builder.type(serviceType(t, serviceName)));
    parsed.value("protocol").ifPresent(p -> builder.protocol(protocol(p, serviceName)));
    parsed.value("cluster-ip").ifPresent(builder::clusterIP);
    parsed.value("external-ip").ifPresent(builder::externalIP);
    ServiceHandle service = builder.create();
    return KubectlResult.ok("service/" + service.ref().name() + " exposed\n");
  }

  /**
   * {@return the kind word {@link io.kubenetsim.Cluster#expose} takes for {@code type}}
   *
   * @throws CommandException (usage) for a type kubectl's {@code canBeExposed} refuses
   */
  static String exposableKind(ResourceType<?> type) {
    if (type == ResourceType.DEPLOYMENTS) {
      return "deployment";
    } else if (type == ResourceType.REPLICA_SETS) {
      return "replicaset";
    } else if (type == ResourceType.PODS) {
      return "pod";
    } else if (type == ResourceType.SERVICES) {
      return "service";
    }
    String groupKind = type.type().getSimpleName()
        + (type.group().isEmpty() ? "" : "." + type.group());
    throw CommandException.usage("error: cannot expose a " + groupKind);
  }

  private static String defaultName(String objectName) {
    return objectName.length() > MAX_NAME_LENGTH
        ? objectName.substring(0, MAX_NAME_LENGTH) : objectName;
  }

  private static int port(String text) {
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

  /** A number is a port number, anything else a container port name, as kubectl reads it. */
  private static void targetPort(ExposeBuilder builder, String text) {
    if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
      try {
        builder.targetPort(Integer.parseInt(text));
        return;
      } catch (NumberFormatException e) {
        // Too large for an int: the API server will reject it as a name; pass it on as one.
      }
    }
    builder.targetPort(text);
  }

  private static ServiceType serviceType(String text, String serviceName) {
    Optional<ServiceType> type = ServiceType.tryParse(text);
    return type.orElseThrow(() -> invalid(serviceName, "spec.type", text,
        "\"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\""));
  }

  private static Protocol protocol(String text, String serviceName) {
    return Protocol.tryParse(text).orElseThrow(() -> invalid(serviceName,
        "spec.ports[0].protocol", text, "\"SCTP\", \"TCP\", \"UDP\""));
  }

  /** The API server's answer to an enum value it does not know, as kubectl prints it. */
  private static CommandException invalid(String serviceName, String field, String value,
      String supported) {
    return CommandException.usage("The Service \"" + serviceName + "\" is invalid: " + field
        + ": Unsupported value: \"" + value + "\": supported values: " + supported);
  }
}

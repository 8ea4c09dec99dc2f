package io.kubenetsim.core.kubectl;

import io.kubenetsim.KubectlResult;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@code describe TYPE [NAME…]} and {@code describe TYPE/NAME…}, with {@code -n}, {@code -A}
 * and {@code -l}, behaving as kubectl's {@code describe.go} command; Services are described by
 * {@link ServiceDescriber}, NetworkPolicies by {@link NetworkPolicyDescriber}.
 *
 * <p>Steps, as upstream: (1) parse flags and the target; (2) collect objects — every object of
 * the type in the namespace (or all namespaces, or those matching the selector) when no name is
 * given, else each name, a missing one adding a NotFound error; (3) when exactly {@code TYPE
 * NAME} was given and NAME does not exist, describe every object whose name starts with NAME
 * instead, each followed by a blank line, and fail with the NotFound (exit code 2: an unknown
 * name is bad input) only if none does; (4) print the descriptions separated by two newlines.
 * No objects and no errors prints {@code No resources found in <ns> namespace.} on stderr.
 *
 * <p>Simplification: only Services and NetworkPolicies can be described so far; other known
 * types are refused with a usage error naming the describable ones.
 *
 * <pre>{@code
 * new KubectlCommand(cluster, formatter).run("describe svc web -n shop");
 * new KubectlCommand(cluster, formatter).run("describe netpol allow-80 -n x");
 * }</pre>
 */
public final class DescribeVerb implements Verb {

  private static final FlagSet FLAGS = FlagSet.of("describe",
      FlagSet.Flag.value("namespace", 'n'),
      FlagSet.Flag.bool("all-namespaces", 'A'),
      FlagSet.Flag.value("selector", 'l'));

  /** The types describe knows, each with its describer, in the order help lists them. */
  private static final List<Describable<?>> DESCRIBABLE = List.of(
      new Describable<>(ResourceType.SERVICES, DescribeVerb::describeService),
      new Describable<>(ResourceType.NETWORK_POLICIES,
          (context, policy) -> NetworkPolicyDescriber.describe(policy)));

  private static final VerbHelp HELP = VerbHelp.of(
      "describe svc [NAME]... [-n NS | -A] [-l SELECTOR]\n"
          + "describe netpol [NAME]... [-n NS | -A] [-l SELECTOR]\n"
          + "describe svc/NAME|netpol/NAME... [-n NS]",
      "Describe Services and NetworkPolicies as kubectl describe does.",
      "Services: type, IPs, ports, endpoints, events. NetworkPolicies (netpol): the pods they",
      "select and the ingress and egress traffic they allow.",
      "A NAME that matches no object describes every object of the type whose name starts",
      "with it.",
      "flags:",
      "  -n, --namespace NS       the namespace to look in (default \"default\")",
      "  -A, --all-namespaces     every namespace",
      "  -l, --selector SELECTOR  only objects whose labels match",
      "examples:",
      "  describe svc web -n shop",
      "  describe netpol allow-80 -n x",
      "  describe svc -A");

  private static final Comparator<KubernetesObject> BY_NAMESPACE_AND_NAME =
      Comparator.comparing((KubernetesObject o) -> o.metadata().namespace())
          .thenComparing(o -> o.metadata().name());

  @Override
  public String name() {
    return "describe";
  }

  @Override
  public VerbHelp help() {
    return HELP;
  }

  @Override
  public KubectlResult run(List<String> args, KubectlContext context) {
    ParsedArgs parsed = FLAGS.parse(args);
    List<String> words = parsed.positionals();
    if (words.isEmpty()) {
      throw CommandException.usage("error: You must specify the type of resource to describe."
          + " Known types: " + describableTypes());
    }
    List<String> names = new ArrayList<>();
    ResourceType<?> type = words.get(0).contains("/")
        ? slashTargets(words, names)
        : typeNamed(words.get(0));
    if (!words.get(0).contains("/")) {
      names.addAll(words.subList(1, words.size()));
    }
    Describable<?> describable = DESCRIBABLE.stream().filter(d -> d.type() == type).findFirst()
        .orElseThrow(() -> CommandException.usage("error: describe is not simulated for " + type
            + " yet; it can describe: " + describableTypes()));
    String namespace = parsed.value("namespace").orElse(NamespacedName.DEFAULT_NAMESPACE);
    boolean all = parsed.isSet("all-namespaces");
    Optional<String> selector = parsed.value("selector");
    if (!names.isEmpty() && selector.isPresent()) {
      throw CommandException.usage("error: name cannot be provided when a selector is specified");
    }
    if (names.isEmpty()) {
      return describeListed(describable, context, namespace, all, selector.orElse(""));
    }
    boolean prefixAllowed = !words.get(0).contains("/") && names.size() == 1;
    return describeNamed(describable, context, namespace, names, prefixAllowed);
  }

  private static <T extends KubernetesObject> KubectlResult describeListed(
      Describable<T> describable, KubectlContext context, String namespace, boolean all,
      String selectorText) {
    LabelSelector selector;
    try {
      selector = LabelSelector.parse(selectorText);
    } catch (IllegalArgumentException e) {
      throw CommandException.usage("error: " + e.getMessage());
    }
    List<T> objects = new ArrayList<>();
    for (T object : context.cluster().list(describable.type().type())) {
      if ((all || object.metadata().namespace().equals(namespace))
          && selector.matches(object.metadata().labels())) {
        objects.add(object);
      }
    }
    if (objects.isEmpty()) {
      return new KubectlResult(0, "", all ? "No resources found\n"
          : "No resources found in " + namespace + " namespace.\n");
    }
    return KubectlResult.ok(joined(describable, context, objects));
  }

  private static <T extends KubernetesObject> KubectlResult describeNamed(
      Describable<T> describable, KubectlContext context, String namespace, List<String> names,
      boolean prefixAllowed) {
    List<T> found = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (String name : names) {
      Optional<T> object = context.cluster().get(describable.type().type(), namespace, name);
      if (object.isPresent()) {
        found.add(object.get());
      } else {
        errors.add(describable.type().notFoundLine(name));
      }
    }
    if (found.isEmpty() && prefixAllowed) {
      List<T> matching = withPrefix(describable, context, namespace, names.get(0));
      if (!matching.isEmpty()) {
        StringBuilder out = new StringBuilder();
        matching.forEach(o -> out.append(describable.describer().apply(context, o)).append('\n'));
        return KubectlResult.ok(out.toString());
      }
    }
    String stderr = KubectlResults.withNewline(String.join("\n", errors));
    int exitCode = errors.isEmpty() ? 0 : CommandException.USAGE;
    return new KubectlResult(exitCode, found.isEmpty() ? "" : joined(describable, context, found),
        stderr);
  }

  /** Upstream's {@code DescribeMatchingResources}: same namespace, name starts with prefix. */
  private static <T extends KubernetesObject> List<T> withPrefix(Describable<T> describable,
      KubectlContext context, String namespace, String prefix) {
    List<T> matching = new ArrayList<>();
    for (T object : context.cluster().list(describable.type().type())) {
      if (object.metadata().namespace().equals(namespace)
          && object.metadata().name().startsWith(prefix)) {
        matching.add(object);
      }
    }
    matching.sort(BY_NAMESPACE_AND_NAME);
    return matching;
  }

  /** Descriptions in namespace and name order, separated by two newlines as upstream. */
  private static <T extends KubernetesObject> String joined(Describable<T> describable,
      KubectlContext context, List<T> objects) {
    List<T> sorted = new ArrayList<>(objects);
    sorted.sort(BY_NAMESPACE_AND_NAME);
    StringBuilder out = new StringBuilder();
    for (T object : sorted) {
      if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append(describable.describer().apply(context, object));
    }
    return out.toString();
  }

  private static String describeService(KubectlContext context, Service service) {
    List<EndpointSlice> slices = new ArrayList<>();
    for (EndpointSlice slice : context.cluster().list(EndpointSlice.class)) {
      if (slice.metadata().namespace().equals(service.metadata().namespace())
          && slice.metadata().labels().get(EndpointSlice.SERVICE_NAME_LABEL)
              .filter(service.metadata().name()::equals).isPresent()) {
        slices.add(slice);
      }
    }
    return ServiceDescriber.describe(service, slices);
  }

  /** Reads {@code TYPE/NAME} words; all must name the same type. */
  private static ResourceType<?> slashTargets(List<String> words, List<String> names) {
    ResourceType<?> type = null;
    for (String word : words) {
      int slash = word.indexOf('/');
      if (slash <= 0 || slash == word.length() - 1) {
        throw CommandException.usage("error: there is no need to specify a resource type as a "
            + "separate argument when passing arguments in resource/name form (e.g. 'kubectl "
            + "describe resource/<resource_name>' instead of 'kubectl describe resource "
            + "resource/<resource_name>'); got \"" + word + "\"");
      }
      ResourceType<?> wordType = typeNamed(word.substring(0, slash));
      if (type != null && type != wordType) {
        throw CommandException.usage("error: describing several resource types in one call (\""
            + String.join(" ", words) + "\") is not supported by the simulator");
      }
      type = wordType;
      names.add(word.substring(slash + 1));
    }
    return type;
  }

  private static ResourceType<?> typeNamed(String word) {
    return ResourceType.lookup(word).orElseThrow(() -> CommandException.usage(
        "error: the server doesn't have a resource type \"" + word + "\""));
  }

  private static String describableTypes() {
    List<String> names = new ArrayList<>();
    DESCRIBABLE.forEach(d -> names.add(d.type().resource()));
    return String.join(", ", names);
  }

  /** A type describe knows, and how to describe one of its objects. */
  private record Describable<T extends KubernetesObject>(
      ResourceType<T> type, BiFunction<KubectlContext, T, String> describer) {}
}

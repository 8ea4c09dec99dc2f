package io.kubenetsim.core.kubectl;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.KubectlResult;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.NamespacedName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubectl get TYPE [NAME…]} and {@code kubectl get TYPE/NAME…}, with {@code -n},
 * {@code -A}, {@code -l} and {@code -o wide|yaml|json|name}, behaving as kubectl's {@code
 * get.go}.
 *
 * <p>Steps: (1) parse flags and the target; (2) collect objects — listed and filtered by
 * namespace and selector, or fetched by name, each missing name adding a NotFound error; (3)
 * sort by namespace then name; (4) print a table (with a NAMESPACE column under {@code -A}),
 * names, or JSON/YAML through the {@link ObjectFormatter}. An empty table prints {@code No
 * resources found in <ns> namespace.} on stderr and succeeds; any NotFound makes the exit code
 * 2 (an unknown name is bad input) after printing what was found, as kubectl prints the found
 * objects and then its {@code Error from server (NotFound)} lines. Types the API server warns
 * about (v1 Endpoints) get the warning first on stderr. Simplification: one resource type per
 * call ({@code pods,nodes} is refused), and no {@code --show-labels}, {@code --sort-by} or
 * {@code --watch}.
 *
 * <pre>{@code
 * new KubectlCommand(cluster, formatter).run("get pods -n shop -o wide");
 * }</pre>
 */
public final class GetVerb implements Verb {

  private static final FlagSet FLAGS = FlagSet.of("get",
      FlagSet.Flag.value("namespace", 'n'),
      FlagSet.Flag.bool("all-namespaces", 'A'),
      FlagSet.Flag.value("selector", 'l'),
      FlagSet.Flag.value("output", 'o'));

  private static final List<String> FORMATS = List.of("json", "name", "wide", "yaml");

  private static final VerbHelp HELP = new VerbHelp(
      "get TYPE [NAME]... [-n NS | -A] [-l SELECTOR] [-o wide|yaml|json|name]\n"
          + "get TYPE/NAME... [-n NS] [-o wide|yaml|json|name]",
      "List objects of one type, or fetch them by name, as kubectl get prints them.",
      ImmutableList.<String>builder().add("types (and their other spellings):")
          .addAll(typeSpellings()).add(
              "flags:",
              "  -n, --namespace NS       the namespace to look in (default \"default\")",
              "  -A, --all-namespaces     every namespace, with a NAMESPACE column",
              "  -l, --selector SELECTOR  only objects whose labels match: app=web, tier!=db,",
              "                           'env in (prod,staging)', '!canary'",
              "  -o, --output FORMAT      wide (more columns), yaml, json, or name (TYPE/NAME)",
              "A missing name is an error (exit 2), printed after the objects that were found.",
              "examples:",
              "  get pods -n shop -o wide",
              "  get svc -A",
              "  get deployment/web -n shop -o yaml").build());

  private static final Comparator<KubernetesObject> BY_NAMESPACE_AND_NAME =
      Comparator.comparing((KubernetesObject o) -> o.metadata().namespace())
          .thenComparing(o -> o.metadata().name());

  @Override
  public String name() {
    return "get";
  }

  @Override
  public VerbHelp help() {
    return HELP;
  }

  /** {@return one line per known type with its other spellings: {@code   pods (pod, po)}} */
  private static List<String> typeSpellings() {
    List<String> lines = new ArrayList<>();
    for (ResourceType<?> type : ResourceType.all()) {
      List<String> others = type.names().stream().filter(n -> !n.equals(type.resource()))
          .toList();
      lines.add("  " + type.resource() + (others.isEmpty() ? "" : " (" + String.join(", ", others)
          + ")"));
    }
    return lines;
  }

  @Override
  public KubectlResult run(List<String> args, KubectlContext context) {
    ParsedArgs parsed = FLAGS.parse(args);
    Request request = Request.from(parsed);
    KubectlResult result = run(request.type(), request, context);
    return withWarning(request.type(), result);
  }

  /**
   * Puts the API server's warning for the type (v1 Endpoints is deprecated) first on stderr,
   * as kubectl prints the warnings of every response it reads, whatever the output format.
   */
  private static KubectlResult withWarning(ResourceType<?> type, KubectlResult result) {
    return type.deprecationWarning()
        .map(w -> new KubectlResult(
            result.exitCode(), result.stdout(), w + "\n" + result.stderr()))
        .orElse(result);
  }

  private static <T extends KubernetesObject> KubectlResult run(
      ResourceType<T> type, Request request, KubectlContext context) {
    List<String> errors = new ArrayList<>();
    List<T> objects = request.names().isEmpty()
        ? list(type, request, context)
        : fetch(type, request, context, errors);
    objects.sort(BY_NAMESPACE_AND_NAME);
    int exitCode = errors.isEmpty() ? 0 : CommandException.USAGE;
    String stderr = KubectlResults.withNewline(String.join("\n", errors));
    String format = request.output();
    if (format.equals("json") || format.equals("yaml")) {
      if (request.names().size() == 1 && objects.isEmpty()) {
        return new KubectlResult(exitCode, "", stderr);
      }
      boolean single = request.names().size() == 1;
      String text = format.equals("json")
          ? context.formatter().json(objects, single)
          : context.formatter().yaml(objects, single);
      return new KubectlResult(exitCode, KubectlResults.withNewline(text), stderr);
    }
    if (format.equals("name")) {
      StringBuilder out = new StringBuilder();
      objects.forEach(o -> out.append(o.nameOutput()).append('\n'));
      return new KubectlResult(exitCode, out.toString(), stderr);
    }
    if (objects.isEmpty() && errors.isEmpty()) {
      return new KubectlResult(0, "", noResourcesFound(type, request));
    }
    String table = objects.isEmpty() ? "" : table(type, request, objects, context);
    return new KubectlResult(exitCode, table, stderr);
  }

  private static <T extends KubernetesObject> List<T> list(
      ResourceType<T> type, Request request, KubectlContext context) {
    List<T> matching = new ArrayList<>();
    for (T object : context.cluster().list(type.type())) {
      boolean inNamespace = !type.namespaced() || request.allNamespaces()
          || object.metadata().namespace().equals(request.namespace());
      if (inNamespace && request.selector().matches(object.metadata().labels())) {
        matching.add(object);
      }
    }
    return matching;
  }

  private static <T extends KubernetesObject> List<T> fetch(
      ResourceType<T> type, Request request, KubectlContext context, List<String> errors) {
    List<T> found = new ArrayList<>();
    String namespace = type.namespaced() ? request.namespace() : "";
    for (String name : request.names()) {
      Optional<T> object = context.cluster().get(type.type(), namespace, name);
      if (object.isPresent()) {
        found.add(object.get());
      } else {
        errors.add(type.notFoundLine(name));
      }
    }
    return found;
  }

  private static <T extends KubernetesObject> String table(
      ResourceType<T> type, Request request, List<T> objects, KubectlContext context) {
    boolean wide = request.output().equals("wide");
    boolean withNamespace = request.allNamespaces() && type.namespaced();
    List<String> header = new ArrayList<>();
    if (withNamespace) {
      header.add("Namespace");
    }
    header.addAll(type.printer().columns(wide));
    List<List<String>> rows = new ArrayList<>();
    for (T object : objects) {
      List<String> row = new ArrayList<>();
      if (withNamespace) {
        row.add(object.metadata().namespace());
      }
      row.addAll(type.printer().row(object, context.cluster().now(), wide));
      rows.add(row);
    }
    return TableWriter.render(header, rows);
  }

  private static String noResourcesFound(ResourceType<?> type, Request request) {
    if (request.allNamespaces() || !type.namespaced()) {
      return "No resources found\n";
    }
    return "No resources found in " + request.namespace() + " namespace.\n";
  }

  /** The parsed and checked command line of one {@code get}. */
  private record Request(
      ResourceType<?> type,
      ImmutableList<String> names,
      String namespace,
      boolean allNamespaces,
      LabelSelector selector,
      String output) {

    static Request from(ParsedArgs parsed) {
      List<String> words = parsed.positionals();
      if (words.isEmpty()) {
        throw CommandException.usage("error: Required resource not specified.\n"
            + "You must specify the type of resource to get; known types: " + knownTypes());
      }
      ResourceType<?> type;
      List<String> names = new ArrayList<>();
      if (words.get(0).contains("/")) {
        type = slashTargets(words, names);
      } else {
        type = resourceType(words.get(0));
        names.addAll(words.subList(1, words.size()));
      }
      String output = OutputFormats.check(parsed.value("output").orElse(""), FORMATS);
      boolean all = parsed.isSet("all-namespaces");
      Optional<String> selectorText = parsed.value("selector");
      if (!names.isEmpty() && selectorText.isPresent()) {
        throw CommandException.usage("error: name cannot be provided when a selector is specified");
      }
      if (!names.isEmpty() && all && type.namespaced()) {
        throw CommandException.usage(
            "error: a resource cannot be retrieved by name across all namespaces");
      }
      String namespace = parsed.value("namespace").orElse(NamespacedName.DEFAULT_NAMESPACE);
      return new Request(type, ImmutableList.copyOf(names), namespace, all,
          selector(selectorText.orElse("")), output);
    }

    /** Reads {@code TYPE/NAME} words; all must name the same type. */
    private static ResourceType<?> slashTargets(List<String> words, List<String> names) {
      ResourceType<?> type = null;
      for (String word : words) {
        int slash = word.indexOf('/');
        if (slash <= 0 || slash == word.length() - 1) {
          throw CommandException.usage("error: there is no need to specify a resource type as a "
              + "separate argument when passing arguments in resource/name form (e.g. 'kubectl "
              + "get resource/<resource_name>' instead of 'kubectl get resource "
              + "resource/<resource_name>'); got \"" + word + "\"");
        }
        ResourceType<?> wordType = resourceType(word.substring(0, slash));
        if (type != null && type != wordType) {
          throw severalTypes(String.join(" ", words));
        }
        type = wordType;
        names.add(word.substring(slash + 1));
      }
      return type;
    }

    private static ResourceType<?> resourceType(String word) {
      if (word.contains(",")) {
        throw severalTypes(word);
      }
      return ResourceType.lookup(word).orElseThrow(() -> CommandException.usage(
          "error: the server doesn't have a resource type \"" + word + "\""));
    }

    private static LabelSelector selector(String text) {
      try {
        return LabelSelector.parse(text);
      } catch (IllegalArgumentException e) {
        throw CommandException.usage("error: " + e.getMessage());
      }
    }

    private static CommandException severalTypes(String words) {
      return CommandException.usage("error: getting several resource types in one call (\""
          + words + "\") is not supported by the simulator; run one get per type");
    }

    private static String knownTypes() {
      List<String> names = new ArrayList<>();
      ResourceType.all().forEach(t -> names.add(t.resource()));
      return String.join(", ", names);
    }
  }
}

package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.kubenetsim.model.KubernetesObject;
import java.util.List;

/**
 * Writes model records as {@code kubectl get -o json} and {@code -o yaml} print them: keys
 * sorted at every level, empty fields omitted as Go's {@code omitempty} does, {@code
 * resourceVersion} as a string, timestamps in RFC 3339 to the second. JSON is indented with four
 * spaces; YAML has no {@code ---} header, two-space indentation and list items at their key's
 * indentation. Several objects are wrapped in a {@code v1 List}: as {@code kubectl get} wraps
 * them ({@link #toJson(List)}), or as {@code kubectl apply} does ({@link #toJsonAsTypedList}).
 *
 * <pre>{@code
 * ManifestWriter writer = new ManifestWriter();
 * String yaml = writer.toYaml(pod);              // one object
 * String json = writer.toJson(List.of(a, b));    // {"apiVersion": "v1", "items": [...], ...}
 * }</pre>
 *
 * <p>Reading the output back with {@link ManifestReader} gives an equal object, except for the
 * server-set metadata and the status that reading drops. Immutable and deterministic.
 */
public final class ManifestWriter {
  private final KindRegistry kinds;
  private final ObjectWriter json;
  private final ObjectMapper yaml;

  /** A writer of the built-in kinds ({@link KindRegistry#defaults()}). */
  public ManifestWriter() {
    this(KindRegistry.defaults());
  }

  /** {@return a writer printing JSON as kubectl does: 4-space indent, {@code "key": value}} */
  public static ObjectWriter kubectlJson(ObjectMapper mapper) {
    DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
    return mapper.writer(printer);
  }

  /** A writer of the kinds in this registry. */
  public ManifestWriter(KindRegistry kinds) {
    this.kinds = kinds;
    this.json = kubectlJson(new ObjectMapper());
    this.yaml = new ObjectMapper(YAMLFactory.builder()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .disable(YAMLGenerator.Feature.INDENT_ARRAYS)
        .disable(YAMLGenerator.Feature.SPLIT_LINES)
        .stringQuotingChecker(new YamlQuoting())
        .build());
  }

  /**
   * {@return the object as Kubernetes JSON, keys sorted}
   *
   * @throws IllegalArgumentException for a record type with no registered encoder
   */
  public ObjectNode toTree(KubernetesObject object) {
    KindEncoder<KubernetesObject> encoder = kinds.encoder(object).orElseThrow(
        () -> new IllegalArgumentException("no manifest encoder for " + object.kind() + " ("
            + object.getClass().getName() + "); register one with KindRegistry.withEncoder"));
    ObjectNode out = TreeOut.object();
    out.put("apiVersion", object.apiVersion());
    out.put("kind", object.kind());
    out.set("metadata", ObjectMetaEncoder.encode(object.metadata(), encoder.namespaced()));
    encoder.encode(object, out);
    return (ObjectNode) TreeOut.sorted(out);
  }

  /** {@return one object as JSON, as {@code kubectl get <kind> <name> -o json} prints it} */
  public String toJson(KubernetesObject object) {
    return json(toTree(object));
  }

  /** {@return the objects in a {@code v1 List}, as {@code kubectl get -o json} prints it} */
  public String toJson(List<? extends KubernetesObject> items) {
    return json(list(items));
  }

  /** {@return one object as YAML, as {@code kubectl get <kind> <name> -o yaml} prints it} */
  public String toYaml(KubernetesObject object) {
    return yaml(toTree(object));
  }

  /** {@return the objects in a {@code v1 List}, as {@code kubectl get -o yaml} prints it} */
  public String toYaml(List<? extends KubernetesObject> items) {
    return yaml(list(items));
  }

  /**
   * {@return the objects in a typed {@code v1 List}, as {@code kubectl apply -o json} prints
   * several objects} kubectl's {@code printObjects} wraps them in a {@code corev1.List}, which
   * Go marshals in struct order with an empty {@code metadata}: {@code kind}, {@code apiVersion},
   * {@code metadata: {}}, {@code items}; each item keeps its keys sorted.
   */
  public String toJsonAsTypedList(List<? extends KubernetesObject> items) {
    return json(typedList(items));
  }

  /**
   * {@return the objects in a typed {@code v1 List}, as {@code kubectl apply -o yaml} prints
   * several objects} The YAML printer sorts keys, so only {@code metadata: {}} differs from
   * {@link #toYaml(List)}.
   */
  public String toYamlAsTypedList(List<? extends KubernetesObject> items) {
    return yaml(TreeOut.sorted(typedList(items)));
  }

  private ObjectNode typedList(List<? extends KubernetesObject> items) {
    ObjectNode out = TreeOut.object();
    out.put("kind", "List");
    out.put("apiVersion", "v1");
    out.putObject("metadata");
    ArrayNode array = out.putArray("items");
    items.forEach(item -> array.add(toTree(item)));
    return out;
  }

  private ObjectNode list(List<? extends KubernetesObject> items) {
    ObjectNode out = TreeOut.object();
    out.put("apiVersion", "v1");
    ArrayNode array = out.putArray("items");
    items.forEach(item -> array.add(toTree(item)));
    out.put("kind", "List");
    out.putObject("metadata").put("resourceVersion", "");
    return out;
  }

  private String json(JsonNode tree) {
    try {
      return json.writeValueAsString(tree) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private String yaml(JsonNode tree) {
    try {
      return yaml.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}

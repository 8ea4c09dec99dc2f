package io.kubenetsim.core.kubectl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.core.manifest.ManifestWriter;

/**
 * Writes JSON documents the way {@code kubectl -o json} prints them (Go's {@code
 * json.MarshalIndent} with four spaces: {@code "key": value}, empty arrays as {@code []}),
 * fields in insertion order, ending with a newline. Stateless.
 */
final class JsonOutput {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER = ManifestWriter.kubectlJson(MAPPER);

  private JsonOutput() {}

  /** {@return a new empty object whose fields keep the order they are put in} */
  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Puts the value's text, or {@code null} when there is none. */
  static void putOptional(ObjectNode json, String field, java.util.Optional<?> value) {
    if (value.isPresent()) {
      json.put(field, value.get().toString());
    } else {
      json.putNull(field);
    }
  }

  /** {@return {@code node} pretty-printed, with a final newline} */
  static String write(ObjectNode node) {
    try {
      return WRITER.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}

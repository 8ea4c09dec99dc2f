package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * Builds a {@link JsonNode} tree from a JSON or YAML token stream, keeping key order and
 * recording duplicate keys (with their field path, as strict decoding reports them) instead of
 * silently keeping the last value as Jackson's own tree reader does.
 */
final class TreeReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TreeReader() {}

  /**
   * Reads the value whose first token the parser is on.
   *
   * @param duplicates receives the path of every repeated key; the later value wins
   */
  static JsonNode read(JsonParser parser, String path, List<String> duplicates)
      throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        return readObject(parser, path, duplicates);
      case START_ARRAY:
        return readArray(parser, path, duplicates);
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        return readInteger(parser);
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDecimalValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      case VALUE_EMBEDDED_OBJECT:
        return NODES.textNode(String.valueOf(parser.getEmbeddedObject()));
      default:
        throw new IllegalStateException("unexpected token " + token + " at " + path);
    }
  }

  private static ObjectNode readObject(JsonParser parser, String path, List<String> duplicates)
      throws IOException {
    ObjectNode object = NODES.objectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      String childPath = path.isEmpty() ? name : path + "." + name;
      parser.nextToken();
      JsonNode value = read(parser, childPath, duplicates);
      if (object.has(name)) {
        duplicates.add(childPath);
      }
      object.set(name, value);
    }
    return object;
  }

  private static ArrayNode readArray(JsonParser parser, String path, List<String> duplicates)
      throws IOException {
    ArrayNode array = NODES.arrayNode();
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      array.add(read(parser, path + "[" + index + "]", duplicates));
      index++;
    }
    return array;
  }

  private static JsonNode readInteger(JsonParser parser) throws IOException {
    switch (parser.getNumberType()) {
      case INT:
        return NODES.numberNode(parser.getIntValue());
      case LONG:
        return NODES.numberNode(parser.getLongValue());
      default:
        return NODES.numberNode(parser.getBigIntegerValue());
    }
  }
}

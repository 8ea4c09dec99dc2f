package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Decides which YAML strings to quote so that output reads back as the same string: on top of
 * Jackson's defaults (booleans such as {@code yes}, numbers), any plain scalar that the reader
 * would not return as exactly this string ({@code 0x1F}, {@code 1e3}, {@code .inf}) is quoted,
 * and so are date-like strings, which go-yaml (and therefore kubectl) quotes, e.g. {@code
 * creationTimestamp: "2026-01-01T00:00:05Z"}.
 */
final class YamlQuoting extends StringQuotingChecker {
  private static final long serialVersionUID = 1L;
  private static final Pattern DATE_LIKE = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*");
  private static final YAMLFactory PROBE = YAMLFactory.builder().build();

  private final StringQuotingChecker defaults = StringQuotingChecker.Default.instance();

  @Override
  public boolean needToQuoteName(String name) {
    return defaults.needToQuoteName(name) || !readsBackAsName(name);
  }

  @Override
  public boolean needToQuoteValue(String value) {
    return defaults.needToQuoteValue(value) || DATE_LIKE.matcher(value).matches()
        || !readsBackAsValue(value);
  }

  private static boolean readsBackAsValue(String value) {
    if (value.contains("\n")) {
      return true; // written as a block scalar, which is always a string
    }
    try (JsonParser parser = PROBE.createParser("k: " + value + "\n")) {
      return parser.nextToken() == JsonToken.START_OBJECT
          && parser.nextToken() == JsonToken.FIELD_NAME
          && parser.nextToken() == JsonToken.VALUE_STRING
          && value.equals(parser.getText())
          && parser.nextToken() == JsonToken.END_OBJECT;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean readsBackAsName(String name) {
    try (JsonParser parser = PROBE.createParser(name + ": v\n")) {
      return parser.nextToken() == JsonToken.START_OBJECT
          && parser.nextToken() == JsonToken.FIELD_NAME
          && name.equals(parser.currentName())
          && parser.nextToken() == JsonToken.VALUE_STRING
          && parser.nextToken() == JsonToken.END_OBJECT;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}

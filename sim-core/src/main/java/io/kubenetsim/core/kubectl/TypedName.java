package io.kubenetsim.core.kubectl;

import java.util.List;

/**
 * The object a verb acts on, written as kubectl accepts it: {@code TYPE NAME} or {@code
 * TYPE/NAME} ({@code pod web-0}, {@code deployment/web}).
 */
record TypedName(ResourceType<?> type, String name) {

  /**
   * {@return the object named by the first one or two positional words}
   *
   * @throws CommandException (usage) when the words do not name one object
   */
  static TypedName parse(String verb, List<String> positionals) {
    String typeWord;
    String name;
    if (positionals.size() == 1 && positionals.get(0).contains("/")) {
      String[] parts = positionals.get(0).split("/", 2);
      typeWord = parts[0];
      name = parts[1];
    } else if (positionals.size() == 2) {
      typeWord = positionals.get(0);
      name = positionals.get(1);
    } else {
      throw CommandException.usage("error: " + verb + " needs one object: TYPE NAME or TYPE/NAME"
          + " (e.g. " + verb + " deployment/web)");
    }
    ResourceType<?> type = ResourceType.lookup(typeWord).orElseThrow(() ->
        CommandException.usage("error: the server doesn't have a resource type \"" + typeWord
            + "\""));
    return new TypedName(type, name);
  }
}

package io.kubenetsim.event;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import io.kubenetsim.model.ObjectRef;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * A read-only sequence of recorded events, in the order they happened, with filters that return
 * narrower sequences. {@code toString()} prints one event per line.
 *
 * <pre>{@code
 * c.events().since(Duration.ofSeconds(30)).ofKind("Killing").forObject("Pod");
 * c.events().digest();  // equal for two runs with the same seed and calls
 * }</pre>
 */
public final class Events {

  private final List<SimEvent> events;

  /** Wraps a list that nobody will modify while this object is in use. */
  public Events(List<SimEvent> events) {
    this.events = events;
  }

  /** {@return the events as a list} */
  public List<SimEvent> asList() {
    return events;
  }

  /** {@return how many events there are} */
  public int size() {
    return events.size();
  }

  /** {@return the events that match} */
  public Events filter(Predicate<SimEvent> predicate) {
    return new Events(events.stream().filter(predicate).collect(ImmutableList.toImmutableList()));
  }

  /** {@return the events at or after this virtual time (time since the simulation began)} */
  public Events since(Duration at) {
    return filter(e -> e.at().compareTo(at) >= 0);
  }

  /** {@return the events of these kinds, such as {@code "Scheduled"}} */
  public Events ofKind(String... kinds) {
    List<String> wanted = List.of(kinds);
    return filter(e -> wanted.contains(e.kind()));
  }

  /** {@return the events about objects of this kind, such as {@code "Pod"}} */
  public Events forObject(String objectKind) {
    return filter(e -> e.object().kind().equals(objectKind));
  }

  /** {@return the events about this object} */
  public Events about(ObjectRef object) {
    return filter(e -> e.object().equals(object));
  }

  /** {@return the last event, if any} */
  public java.util.Optional<SimEvent> last() {
    return events.isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.of(events.get(events.size() - 1));
  }

  /** {@return a SHA-256 of the rendered log: equal logs give equal digests} */
  public String digest() {
    var hasher = Hashing.sha256().newHasher();
    for (SimEvent event : events) {
      hasher.putString(event.toString(), StandardCharsets.UTF_8).putByte((byte) '\n');
    }
    return hasher.hash().toString();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (SimEvent event : events) {
      out.append(event).append('\n');
    }
    return out.toString();
  }
}

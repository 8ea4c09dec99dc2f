package io.kubenetsim.event;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.hash.Hashing;
import io.kubenetsim.model.ObjectRef;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * A read-only sequence of recorded events, in the order they happened, with filters that return
 * narrower sequences, taken at one virtual time ({@link #now()}). {@code toString()} prints one
 * event per line.
 *
 * <p>Two time filters, one meaning each: {@link #since(Duration)} is a window ending now, "the
 * last 30 seconds", as {@code kubectl events --since} and our {@code events --since} read it;
 * {@link #atOrAfter(Duration)} is a point on the simulation's clock, "from +2m on".
 *
 * <pre>{@code
 * c.events().since(Duration.ofSeconds(30)).ofKind("Killing").forObject("Pod");
 * c.events().atOrAfter(deletedAt);   // deletedAt = c.elapsed() read earlier
 * c.events().digest();  // equal for two runs with the same seed and calls
 * }</pre>
 */
public final class Events {

  private final List<SimEvent> events;
  private final Duration now;

  /**
   * Wraps a list that nobody will modify while this object is in use, taken at virtual time
   * {@code now} (time since the simulation began).
   *
   * @throws IllegalArgumentException when {@code now} is negative
   */
  public Events(List<SimEvent> events, Duration now) {
    checkArgument(events != null && now != null && !now.isNegative(),
        "events and a non-negative now are required, got now %s", now);
    this.events = events;
    this.now = now;
  }

  /** {@return the virtual time (since the simulation began) at which this view was taken} */
  public Duration now() {
    return now;
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
    return new Events(events.stream().filter(predicate).collect(ImmutableList.toImmutableList()),
        now);
  }

  /**
   * {@return the events of the last {@code window}: at or after {@link #now()} minus it} A
   * window longer than the run keeps every event. This is {@code kubectl events --since 30s}.
   *
   * @throws IllegalArgumentException when {@code window} is negative
   */
  public Events since(Duration window) {
    checkArgument(window != null && !window.isNegative(),
        "since(window) needs a non-negative duration, got %s", window);
    Duration from = now.minus(window);
    return atOrAfter(from.isNegative() ? Duration.ZERO : from);
  }

  /**
   * {@return the events at or after this point on the virtual clock (time since the simulation
   * began)} For "what happened since I read {@code c.elapsed()}"; for "the last 30 seconds" use
   * {@link #since(Duration)}.
   */
  public Events atOrAfter(Duration elapsed) {
    checkArgument(elapsed != null, "atOrAfter needs a time");
    return filter(e -> e.at().compareTo(elapsed) >= 0);
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

  /**
   * {@return the events about objects in this namespace} The cluster's own workloads (CoreDNS
   * in {@code kube-system}) log too; this keeps a test's count to its own objects.
   */
  public Events inNamespace(String namespace) {
    return filter(e -> e.object().namespace().equals(namespace));
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

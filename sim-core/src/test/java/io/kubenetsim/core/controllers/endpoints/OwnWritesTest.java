package io.kubenetsim.core.controllers.endpoints;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.ObjectMeta;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The controller's record of its own slice writes, as upstream's {@code EndpointSliceTracker}:
 * the echo of its own write queues nothing ({@code ShouldSync}), anybody else's change does, and
 * until the informer shows every write for a Service its reconcile waits ({@code StaleSlices}),
 * so it never plans from a view that lacks what it just wrote.
 */
class OwnWritesTest {
  private static final NamespacedName WEB = NamespacedName.of("shop", "web");

  private static EndpointSlice slice(String name, long version) {
    ObjectMeta meta = ObjectMeta.named("shop", name)
        .withLabels(Labels.of(EndpointSlice.SERVICE_NAME_LABEL, "web"))
        .withServerFields("uid-" + name, version, 1, Optional.empty());
    return new EndpointSlice(meta, "IPv4", ImmutableList.of(), ImmutableList.of());
  }

  private static WatchEvent event(WatchEvent.Type type, EndpointSlice slice) {
    return new WatchEvent(type, slice, Optional.empty());
  }

  @Test
  void theEchoOfOwnWriteIsNotASyncAndEndsTheWait() {
    OwnWrites own = new OwnWrites();
    own.wrote(slice("web-a", 7));
    assertTrue(own.inFlight(WEB), "the cache has not shown version 7 yet");
    assertTrue(own.observe(event(WatchEvent.Type.ADDED, slice("web-a", 7))));
    assertFalse(own.inFlight(WEB));
  }

  @Test
  void aLaterWriteBySomebodyElseIsASyncAndAlsoEndsTheWait() {
    OwnWrites own = new OwnWrites();
    own.wrote(slice("web-a", 7));
    assertFalse(own.observe(event(WatchEvent.Type.MODIFIED, slice("web-a", 9))),
        "version 9 is not ours: reconcile");
    assertFalse(own.inFlight(WEB), "version 9 includes ours");
  }

  @Test
  void anOlderVersionKeepsTheWait() {
    OwnWrites own = new OwnWrites();
    own.wrote(slice("web-a", 7));
    assertFalse(own.observe(event(WatchEvent.Type.MODIFIED, slice("web-a", 5))));
    assertTrue(own.inFlight(WEB), "the cache still lags our write");
  }

  @Test
  void onlyAnExpectedDeletionIsAnEcho() {
    OwnWrites own = new OwnWrites();
    own.removing(slice("web-a", 7));
    assertTrue(own.inFlight(WEB));
    assertTrue(own.observe(event(WatchEvent.Type.DELETED, slice("web-a", 7))));
    assertFalse(own.inFlight(WEB));
    assertFalse(own.observe(event(WatchEvent.Type.DELETED, slice("web-b", 3))),
        "a deletion by somebody else (the garbage collector, a user) is a sync");
  }

  @Test
  void everySliceOfTheServiceMustBeShownBeforeTheWaitEnds() {
    OwnWrites own = new OwnWrites();
    own.wrote(slice("web-a", 7));
    own.wrote(slice("web-b", 8));
    own.observe(event(WatchEvent.Type.ADDED, slice("web-a", 7)));
    assertTrue(own.inFlight(WEB));
    own.observe(event(WatchEvent.Type.ADDED, slice("web-b", 8)));
    assertFalse(own.inFlight(WEB));
  }
}

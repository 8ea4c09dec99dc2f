package io.kubenetsim.junit;

import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointSlice;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.opentest4j.AssertionFailedError;

/** Assertions about one EndpointSlice's endpoints. */
public final class EndpointSliceAssert {
  private final EndpointSlice slice;

  EndpointSliceAssert(EndpointSlice slice) {
    this.slice = slice;
  }

  /** Asserts the slice belongs to this Service (its service-name label). {@return this} */
  public EndpointSliceAssert isForService(String name) {
    if (!slice.serviceName().equals(name)) {
      throw fail("expected a slice of Service " + name + ", but it is of \""
          + slice.serviceName() + "\"");
    }
    return this;
  }

  /** Asserts the addresses of the slice's ready endpoints, in any order. {@return this} */
  public EndpointSliceAssert hasReadyAddresses(String... addresses) {
    return addresses(true, addresses);
  }

  /** Asserts the addresses of all the slice's endpoints, in any order. {@return this} */
  public EndpointSliceAssert hasAddresses(String... addresses) {
    return addresses(false, addresses);
  }

  private EndpointSliceAssert addresses(boolean readyOnly, String[] addresses) {
    Set<String> actual = new TreeSet<>();
    for (Endpoint endpoint : slice.endpoints()) {
      if (!readyOnly || endpoint.conditions().isReady()) {
        actual.addAll(endpoint.addresses());
      }
    }
    Set<String> expected = new TreeSet<>(List.of(addresses));
    if (!actual.equals(expected)) {
      throw fail("expected " + (readyOnly ? "ready " : "") + "addresses " + expected
          + ", but they are " + actual);
    }
    return this;
  }

  private AssertionFailedError fail(String message) {
    return new AssertionFailedError(message + "\n\n  " + slice);
  }
}

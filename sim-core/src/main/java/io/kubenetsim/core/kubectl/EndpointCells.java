package io.kubenetsim.core.kubectl;

import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointAddress;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.EndpointSubset;
import io.kubenetsim.model.Endpoints;
import java.util.ArrayList;
import java.util.List;

/**
 * The endpoint lists kubectl prints, each capped at three entries followed by {@code " + N
 * more..."}: upstream's {@code formatEndpoints}, {@code formatDiscoveryPorts} and {@code
 * formatDiscoveryEndpoints} (kubernetes {@code pkg/printers/internalversion/printers.go}) and
 * {@code formatEndpointSlices} (kubectl {@code pkg/describe/describe.go}). Each keeps its
 * upstream quirks, which differ slightly; the method docs say how. Stateless.
 */
final class EndpointCells {

  /** Upstream's {@code max}: entries listed before {@code + N more...}. */
  static final int MAX_LISTED = 3;

  private EndpointCells() {}

  /**
   * {@return the ENDPOINTS cell of {@code get endpoints}}: {@code ip:port} for every ready
   * address and port of every subset (the bare IP for a subset without ports), the first three
   * listed; {@code <none>} without subsets; {@code ""} when the subsets hold only not-ready
   * addresses.
   */
  static String legacyEndpoints(Endpoints endpoints) {
    if (endpoints.subsets().isEmpty()) {
      return "<none>";
    }
    List<String> list = new ArrayList<>();
    int count = 0;
    for (EndpointSubset subset : endpoints.subsets()) {
      if (subset.ports().isEmpty()) {
        for (EndpointAddress address : subset.addresses()) {
          addIfRoom(list, address.ip());
          count++;
        }
        continue;
      }
      for (EndpointPort port : subset.ports()) {
        for (EndpointAddress address : subset.addresses()) {
          addIfRoom(list, hostPort(address.ip(), port.port().orElse(0)));
          count++;
        }
      }
    }
    return withMore(list, count > MAX_LISTED, count);
  }

  /**
   * {@return the PORTS cell of {@code get endpointslices}}: port numbers (the name when a port
   * has no number, {@code *} when it has neither), or {@code <unset>} when there are none.
   * Simplification: the model cannot tell an unset port name from an empty one, so a port with
   * neither number nor name prints {@code *}.
   */
  static String slicePorts(List<EndpointPort> ports) {
    List<String> list = new ArrayList<>();
    for (EndpointPort port : ports) {
      String text = port.port().map(String::valueOf)
          .orElse(port.name().isEmpty() ? "*" : port.name());
      addIfRoom(list, text);
    }
    return withMoreOrUnset(list, ports.size() > MAX_LISTED, ports.size());
  }

  /**
   * {@return the ENDPOINTS cell of {@code get endpointslices}}: every address of every endpoint,
   * ready or not, or {@code <unset>} when there are none.
   */
  static String sliceAddresses(List<Endpoint> endpoints) {
    List<String> list = new ArrayList<>();
    int count = 0;
    for (Endpoint endpoint : endpoints) {
      for (String address : endpoint.addresses()) {
        addIfRoom(list, address);
        count++;
      }
    }
    return withMoreOrUnset(list, count > MAX_LISTED, count);
  }

  /**
   * {@return the {@code Endpoints:} value of {@code describe service} for the service port named
   * {@code portName}}: ready endpoints as {@code ip:port} from the slices' ports of that name
   * (bare IPs from slices without ports), {@code <none>} when there are no slices at all.
   *
   * <p>Upstream's quirk is kept on purpose: the "more" flag is raised when a fourth endpoint is
   * <em>visited</em>, before its readiness is checked, while the count only includes ready ones,
   * so three ready endpoints followed by a not-ready one print {@code a,b,c + 0 more...}. A
   * slice port without a number (hand-written; upstream would dereference a nil pointer) lists
   * bare addresses.
   */
  static String describeEndpoints(List<EndpointSlice> slices, String portName) {
    if (slices.isEmpty()) {
      return "<none>";
    }
    List<String> list = new ArrayList<>();
    boolean more = false;
    int count = 0;
    for (EndpointSlice slice : slices) {
      if (slice.ports().isEmpty()) {
        for (Endpoint endpoint : slice.endpoints()) {
          more |= list.size() == MAX_LISTED;
          if (!endpoint.conditions().isReady() || endpoint.addresses().isEmpty()) {
            continue;
          }
          if (!more) {
            list.add(endpoint.addresses().get(0));
          }
          count++;
        }
        continue;
      }
      for (EndpointPort port : slice.ports()) {
        if (!port.name().equals(portName)) {
          continue;
        }
        for (Endpoint endpoint : slice.endpoints()) {
          more |= list.size() == MAX_LISTED;
          if (!endpoint.conditions().isReady() || endpoint.addresses().isEmpty()) {
            continue;
          }
          if (!more) {
            String address = endpoint.addresses().get(0);
            list.add(port.port().map(p -> hostPort(address, p)).orElse(address));
          }
          count++;
        }
      }
    }
    return withMore(list, more, count);
  }

  /** {@return Go's {@code net.JoinHostPort}: IPv6 addresses in brackets} */
  static String hostPort(String ip, int port) {
    return ip.contains(":") ? "[" + ip + "]:" + port : ip + ":" + port;
  }

  private static void addIfRoom(List<String> list, String entry) {
    if (list.size() < MAX_LISTED) {
      list.add(entry);
    }
  }

  private static String withMore(List<String> list, boolean more, int count) {
    String joined = String.join(",", list);
    return more ? joined + " + " + (count - MAX_LISTED) + " more..." : joined;
  }

  /** Upstream's {@code listWithMoreString}: like {@link #withMore}, {@code <unset>} if empty. */
  private static String withMoreOrUnset(List<String> list, boolean more, int count) {
    String text = withMore(list, more, count);
    return text.isEmpty() ? "<unset>" : text;
  }
}

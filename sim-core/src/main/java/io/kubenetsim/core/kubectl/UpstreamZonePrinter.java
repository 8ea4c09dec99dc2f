package io.kubenetsim.core.kubectl;

import io.kubenetsim.dns.ResourceRecord;
import io.kubenetsim.model.UpstreamZone;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints kube-netsim's UpstreamZones as {@code get upstreamzones}: {@code NAME RECORDS AGE},
 * the way kubectl prints a kind with a count column; {@code -o wide} adds the names they hold.
 */
public final class UpstreamZonePrinter implements ResourcePrinter<UpstreamZone> {

  private static final List<String> COLUMNS = List.of("Name", "Records", "Age");
  private static final List<String> WIDE = List.of("Names");

  @Override
  public List<String> columns() {
    return COLUMNS;
  }

  @Override
  public List<String> wideColumns() {
    return WIDE;
  }

  @Override
  public List<String> row(UpstreamZone zone, Instant now, boolean wide) {
    String records = String.valueOf(zone.records().size());
    String age = HumanDuration.since(zone.metadata().creationTimestamp(), now);
    if (!wide) {
      return List.of(zone.metadata().name(), records, age);
    }
    return List.of(zone.metadata().name(), records, age, zone.records().stream()
        .map(ResourceRecord::name).map(Object::toString).distinct()
        .collect(Collectors.joining(",")));
  }
}

package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.dns.ResourceRecord;
import io.kubenetsim.model.UpstreamZone;

/**
 * Writes an {@link UpstreamZone}'s records as {@link UpstreamZoneDecoder} reads them: name
 * without its trailing dot, type, data in presentation form (a TXT record's strings quoted, as
 * a zone file writes them) and the TTL.
 */
final class UpstreamZoneEncoder implements KindEncoder<UpstreamZone> {

  @Override
  public Class<UpstreamZone> type() {
    return UpstreamZone.class;
  }

  @Override
  public boolean namespaced() {
    return false;
  }

  @Override
  public void encode(UpstreamZone zone, ObjectNode out) {
    ArrayNode records = out.putArray("records");
    for (ResourceRecord record : zone.records()) {
      String name = record.name().toString();
      ObjectNode node = records.addObject();
      node.put("name", name.substring(0, name.length() - 1));
      node.put("type", record.type().name());
      node.put("data", record.data().toString());
      node.put("ttl", record.ttl());
    }
  }
}

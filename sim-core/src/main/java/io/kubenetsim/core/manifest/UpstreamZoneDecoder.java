package io.kubenetsim.core.manifest;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.RecordData;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.dns.ResourceRecord;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.UpstreamZone;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decodes kube-netsim's {@link UpstreamZone}: metadata and {@code records[]} of {@code name},
 * {@code type}, {@code data} (the presentation form, as a zone file writes it after the type)
 * and an optional {@code ttl} (300). Each record is read into typed data here, so a name, type
 * or data that does not fit is reported with its field path, and nothing is applied.
 */
final class UpstreamZoneDecoder implements KindDecoder<UpstreamZone> {
  private static final String RULE = "upstreamzone.record";
  private static final List<String> TYPES = Arrays.stream(RecordType.values())
      .filter(t -> t != RecordType.SOA).map(Enum::name).toList();

  @Override
  public String apiVersion() {
    return UpstreamZone.API_VERSION;
  }

  @Override
  public String kind() {
    return UpstreamZone.KIND;
  }

  @Override
  public boolean namespaced() {
    return false;
  }

  @Override
  public UpstreamZone decode(ObjectCursor root) {
    ImmutableList.Builder<ResourceRecord> records = ImmutableList.builder();
    for (ObjectCursor record : root.objects("records", "UpstreamRecord")) {
      record(record).ifPresent(records::add);
    }
    return new UpstreamZone(
        ObjectMetaDecoder.decode(root.object("metadata", "v1.ObjectMeta"), false),
        records.build());
  }

  private static Optional<ResourceRecord> record(ObjectCursor record) {
    String nameText = record.string("name");
    Optional<DnsName> name = DnsName.tryParse(nameText).filter(n -> !nameText.isEmpty());
    if (name.isEmpty()) {
      record.error(nameText.isEmpty()
          ? FieldError.required(record.fieldPath("name"), "", RULE)
          : FieldError.invalid(record.fieldPath("name"), nameText, "must be a domain name, "
              + "such as example.com", RULE));
    }
    String typeText = record.string("type");
    Optional<RecordType> type = RecordType.tryParse(typeText).filter(t -> t != RecordType.SOA);
    if (type.isEmpty()) {
      record.error(FieldError.notSupported(record.fieldPath("type"), typeText, TYPES, RULE));
    }
    String dataText = record.string("data");
    long ttl = record.int64("ttl", UpstreamZone.DEFAULT_TTL);
    if (ttl < 0 || ttl > Integer.MAX_VALUE) {
      record.error(FieldError.invalid(record.fieldPath("ttl"), ttl, "must be between 0 and "
          + Integer.MAX_VALUE + ", inclusive", RULE));
      return Optional.empty();
    }
    if (name.isEmpty() || type.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ResourceRecord(name.get(), ttl,
          RecordData.parse(type.get(), dataText)));
    } catch (IllegalArgumentException bad) {
      record.error(FieldError.invalid(record.fieldPath("data"), dataText, bad.getMessage(),
          RULE));
      return Optional.empty();
    }
  }
}

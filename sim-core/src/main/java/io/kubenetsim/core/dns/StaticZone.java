package io.kubenetsim.core.dns;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.DnsQuestion;
import io.kubenetsim.dns.DnsResponse;
import io.kubenetsim.dns.Rcode;
import io.kubenetsim.dns.RecordData;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.dns.ResourceRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An authoritative server for a fixed set of records — the world outside the cluster that
 * CoreDNS forwards to ({@code example.com A 93.184.216.34}), answering as RFC 1034 §4.3.2 and
 * RFC 2308 describe: the records of the type asked; a CNAME followed within the zone (the
 * chain in the answer, the rcode that of the last name, as RFC 6604 has it); NODATA for a name
 * that exists — with records of other types or names below it — and NXDOMAIN for one that does
 * not; a {@code *} label stands for names that do not exist below its parent (RFC 4592). A
 * negative answer carries the SOA of the closest enclosing name that has one.
 *
 * <pre>{@code
 * StaticZone world = new StaticZone()
 *     .add("example.com A 93.184.216.34")
 *     .add("www.example.com CNAME example.com");
 * world.answer(DnsQuestion.of("www.example.com", RecordType.A));
 * // NOERROR: www.example.com. CNAME example.com., example.com. A 93.184.216.34
 * }</pre>
 *
 * <p>Records are kept sorted by name (labels compared right to left), so answers are in a
 * defined order. Confined to the simulation thread.
 */
public final class StaticZone implements Upstream {
  /** Longest CNAME chain followed, as resolvers bound it. */
  private static final int MAX_CHAIN = 16;

  /** Records by name, keyed by the labels right to left ({@code com.example.www.}). */
  private final TreeMap<String, List<ResourceRecord>> records = new TreeMap<>();

  /** Adds a record (a duplicate of one held is ignored). */
  public StaticZone add(ResourceRecord record) {
    checkArgument(record != null, "record must not be null");
    List<ResourceRecord> atName = records.computeIfAbsent(treeKey(record.name()),
        k -> new ArrayList<>());
    if (!atName.contains(record)) {
      atName.add(record);
    }
    return this;
  }

  /**
   * Adds a record written as {@link ResourceRecord#parse} reads it.
   *
   * @throws IllegalArgumentException naming what is wrong with the line
   */
  public StaticZone add(String line) {
    return add(ResourceRecord.parse(line));
  }

  /** Removes every record of a name; {@return whether there were any} */
  public boolean remove(DnsName name) {
    return records.remove(treeKey(name)) != null;
  }

  /** {@return every record, by name (right to left) and then as added} */
  public List<ResourceRecord> records() {
    List<ResourceRecord> out = new ArrayList<>();
    records.values().forEach(out::addAll);
    return out;
  }

  @Override
  public Optional<DnsResponse> forward(DnsQuestion question) {
    return Optional.of(answer(question));
  }

  /** {@return the zone's answer to a question} */
  public DnsResponse answer(DnsQuestion question) {
    List<ResourceRecord> answers = new ArrayList<>();
    Set<String> visited = new HashSet<>();
    DnsName name = question.name();
    while (visited.add(name.key()) && visited.size() <= MAX_CHAIN) {
      List<ResourceRecord> here = recordsAt(name);
      if (here == null) {
        return negative(question, Rcode.NXDOMAIN, answers, name);
      }
      List<ResourceRecord> ofType = here.stream().filter(r -> r.type() == question.type())
          .toList();
      if (!ofType.isEmpty()) {
        answers.addAll(ofType);
        return DnsResponse.of(question, Rcode.NOERROR, answers, List.of(), List.of());
      }
      Optional<ResourceRecord> cname = here.stream()
          .filter(r -> r.type() == RecordType.CNAME).findFirst();
      if (cname.isEmpty()) {
        return negative(question, Rcode.NOERROR, answers, name);
      }
      answers.add(cname.get());
      name = ((RecordData.Cname) cname.get().data()).target();
    }
    return DnsResponse.of(question, Rcode.NOERROR, answers, List.of(), List.of());
  }

  /**
   * {@return the records of a name — its own, or a wildcard's renamed to it — an empty list
   * for a name that exists without records, or null for one that does not exist}
   */
  private List<ResourceRecord> recordsAt(DnsName name) {
    String key = treeKey(name);
    List<ResourceRecord> own = records.get(key);
    if (own != null) {
      return own;
    }
    if (hasDescendants(key)) {
      return List.of();
    }
    DnsName encloser = closestEncloser(name);
    if (encloser.equals(name)) {
      return null;
    }
    List<ResourceRecord> wildcard = records.get(treeKey(encloser.prepend("*")));
    if (wildcard == null) {
      return null;
    }
    return wildcard.stream().map(r -> r.withName(name)).toList();
  }

  /** {@return the longest ancestor of {@code name} (or itself) that exists} */
  private DnsName closestEncloser(DnsName name) {
    List<String> labels = name.labels();
    for (int i = 0; i <= labels.size(); i++) {
      DnsName ancestor = i == labels.size() ? DnsName.ROOT
          : DnsName.of(String.join(".", labels.subList(i, labels.size())));
      String key = treeKey(ancestor);
      if (records.containsKey(key) || hasDescendants(key)) {
        return ancestor;
      }
    }
    return DnsName.ROOT;
  }

  private boolean hasDescendants(String key) {
    String next = records.higherKey(key);
    return next != null && next.startsWith(key);
  }

  private DnsResponse negative(DnsQuestion question, Rcode rcode, List<ResourceRecord> answers,
      DnsName name) {
    return DnsResponse.of(question, rcode, answers, soaAbove(name).map(List::of)
        .orElse(List.of()), List.of());
  }

  /** {@return the SOA of the closest enclosing name that has one} */
  private Optional<ResourceRecord> soaAbove(DnsName name) {
    List<String> labels = name.labels();
    for (int i = 0; i <= labels.size(); i++) {
      DnsName ancestor = i == labels.size() ? DnsName.ROOT
          : DnsName.of(String.join(".", labels.subList(i, labels.size())));
      List<ResourceRecord> here = records.get(treeKey(ancestor));
      if (here != null) {
        for (ResourceRecord r : here) {
          if (r.type() == RecordType.SOA) {
            return Optional.of(r);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** {@return the name's labels right to left, lower case, each followed by a dot} */
  private static String treeKey(DnsName name) {
    List<String> labels = name.labels();
    StringBuilder out = new StringBuilder();
    for (int i = labels.size() - 1; i >= 0; i--) {
      out.append(labels.get(i).toLowerCase(java.util.Locale.ROOT)).append('.');
    }
    return out.toString();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    records().forEach(r -> out.append(r).append('\n'));
    return out.toString();
  }
}

package io.kubenetsim.dns;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.net.IpAddress;
import java.util.List;

/**
 * A server's reply to one {@link DnsQuestion}: a response code and three sections. {@code
 * toString()} prints it as {@code dig} does, header, question and the non-empty sections.
 *
 * <p>The two kinds of "no": {@link Rcode#NXDOMAIN} says the name does not exist at all; NODATA
 * ({@link #isNoData()}: {@code NOERROR} with no answer) says it exists but has no record of the
 * type asked. Both carry the zone's SOA in {@code authority}. A stub resolver moves on to its
 * next search domain after either.
 *
 * @param question what was asked
 * @param rcode the response code
 * @param authoritative whether the server answered for its own zone (the {@code aa} flag)
 * @param answers records answering the question, CNAMEs first
 * @param authority the zone's SOA with a negative answer, or its NS records
 * @param additional addresses of names the answers point to (SRV targets, NS hosts)
 */
public record DnsResponse(
    DnsQuestion question,
    Rcode rcode,
    boolean authoritative,
    ImmutableList<ResourceRecord> answers,
    ImmutableList<ResourceRecord> authority,
    ImmutableList<ResourceRecord> additional) {

  public DnsResponse {
    checkArgument(question != null && rcode != null, "question and rcode must not be null");
    answers = ImmutableList.copyOf(answers);
    authority = ImmutableList.copyOf(authority);
    additional = ImmutableList.copyOf(additional);
  }

  /** {@return an authoritative response} */
  public static DnsResponse of(DnsQuestion question, Rcode rcode, List<ResourceRecord> answers,
      List<ResourceRecord> authority, List<ResourceRecord> additional) {
    return new DnsResponse(question, rcode, true, ImmutableList.copyOf(answers),
        ImmutableList.copyOf(authority), ImmutableList.copyOf(additional));
  }

  /** {@return whether the name exists but has no record of the type asked} */
  public boolean isNoData() {
    return rcode == Rcode.NOERROR && answers.isEmpty();
  }

  /** {@return whether the reply answers the question: NOERROR with at least one record} */
  public boolean hasAnswer() {
    return rcode == Rcode.NOERROR && !answers.isEmpty();
  }

  /** {@return the addresses among the answers (A and AAAA data), in answer order} */
  public List<IpAddress> addresses() {
    return answers.stream().map(ResourceRecord::data).<IpAddress>mapMulti((data, out) -> {
      if (data instanceof RecordData.A a) {
        out.accept(a.address());
      } else if (data instanceof RecordData.Aaaa aaaa) {
        out.accept(aaaa.address());
      }
    }).toList();
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append(";; status: ").append(rcode).append(isNoData() ? " (NODATA)" : "")
        .append(authoritative ? ", flags: aa" : "").append('\n');
    out.append(";; QUESTION SECTION:\n;").append(question).append('\n');
    section(out, "ANSWER", answers);
    section(out, "AUTHORITY", authority);
    section(out, "ADDITIONAL", additional);
    return out.toString();
  }

  private static void section(StringBuilder out, String title, List<ResourceRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    out.append("\n;; ").append(title).append(" SECTION:\n");
    records.forEach(r -> out.append(r).append('\n'));
  }
}

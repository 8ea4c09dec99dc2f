package io.kubenetsim.core.dns;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.DnsQuestion;
import io.kubenetsim.dns.DnsResponse;
import io.kubenetsim.dns.Rcode;
import io.kubenetsim.dns.RecordData;
import io.kubenetsim.dns.ResourceRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rewrite plugin's name rules (coredns {@code plugin/rewrite/rewrite.go} {@code ServeDNS}
 * and {@code reverter.go}): rules apply in order to the question's name, a rule that fires
 * ends the list unless it is a {@code continue} rule; the rest of the chain answers the
 * rewritten question; the reply gets the original question back and, for rules that revert
 * answers, each record's name and name-valued data (CNAME, PTR, NS, MX and SRV targets) are
 * mapped back, rule by rule in firing order.
 */
final class RewritePlugin implements DnsPlugin {
  private final Directive.Rewrite config;

  RewritePlugin(Directive.Rewrite config) {
    this.config = config;
  }

  @Override
  public String name() {
    return "rewrite";
  }

  /** A rule that fired: the name before it and after it. */
  private record Fired(RewriteRule rule, String before, String after) {}

  @Override
  public DnsResponse serve(DnsQuestion q, Next next) {
    String name = q.name().key();
    List<Fired> fired = new ArrayList<>();
    for (RewriteRule rule : config.rules()) {
      Optional<String> rewritten = rule.apply(name);
      if (rewritten.isEmpty()) {
        continue;
      }
      fired.add(new Fired(rule, name, rewritten.get()));
      name = rewritten.get();
      if (!rule.continueAfter()) {
        break;
      }
    }
    if (fired.isEmpty()) {
      return next.serve(q);
    }
    Optional<DnsName> target = DnsName.tryParse(name);
    if (target.isEmpty()) {
      return ForwardPlugin.failure(q, Rcode.SERVFAIL);
    }
    DnsResponse reply = next.serve(new DnsQuestion(target.get(), q.type()));
    List<Fired> reverting = fired.stream().filter(f -> f.rule().revertAnswers()).toList();
    return new DnsResponse(q, reply.rcode(), reply.authoritative(),
        revert(reply.answers(), reverting), revert(reply.authority(), reverting),
        revert(reply.additional(), reverting));
  }

  private static ImmutableList<ResourceRecord> revert(List<ResourceRecord> records,
      List<Fired> fired) {
    if (fired.isEmpty()) {
      return ImmutableList.copyOf(records);
    }
    ImmutableList.Builder<ResourceRecord> out = ImmutableList.builder();
    for (ResourceRecord record : records) {
      String owner = record.name().text();
      RecordData data = record.data();
      for (Fired f : fired) {
        owner = f.rule().revert(owner, f.before(), f.after());
        data = revertData(data, f);
      }
      out.add(new ResourceRecord(DnsName.of(owner), record.ttl(), data));
    }
    return out.build();
  }

  private static RecordData revertData(RecordData data, Fired f) {
    if (data instanceof RecordData.Cname c) {
      return new RecordData.Cname(revertName(c.target(), f));
    } else if (data instanceof RecordData.Ptr p) {
      return new RecordData.Ptr(revertName(p.target(), f));
    } else if (data instanceof RecordData.Ns n) {
      return new RecordData.Ns(revertName(n.host(), f));
    } else if (data instanceof RecordData.Mx m) {
      return new RecordData.Mx(m.preference(), revertName(m.exchange(), f));
    } else if (data instanceof RecordData.Srv s) {
      return new RecordData.Srv(s.priority(), s.weight(), s.port(), revertName(s.target(), f));
    }
    return data;
  }

  private static DnsName revertName(DnsName name, Fired f) {
    return DnsName.of(f.rule().revert(name.text(), f.before(), f.after()));
  }
}

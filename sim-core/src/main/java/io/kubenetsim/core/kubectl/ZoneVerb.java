package io.kubenetsim.core.kubectl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.KubectlResult;
import io.kubenetsim.dns.ResourceRecord;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code zone [-n NS] [-o json]}: the zone view — the records CoreDNS serves now for the
 * Services of one namespace or of all ({@link io.kubenetsim.Cluster#dnsRecords}), one per line
 * as a zone file writes them ({@code web.shop.svc.cluster.local. 30 IN A 10.96.12.7}), or with
 * {@code -o json} {@code {"records": [{"name", "type", "ttl", "data"}]}}. Exit 0; 1 when no
 * CoreDNS pod is running (there is no one to ask); 2 on bad input.
 *
 * <pre>{@code
 * kubectl.run("zone -n shop");
 * }</pre>
 */
final class ZoneVerb implements Verb {
  private static final FlagSet FLAGS = FlagSet.of("zone",
      FlagSet.Flag.value("namespace", 'n'), FlagSet.Flag.value("output", 'o'));
  private static final VerbHelp HELP = VerbHelp.of("zone [-n NS] [-o json]",
      "Print the DNS records CoreDNS serves for the cluster's Services, as a zone file.",
      "Each Service's A/AAAA (an ExternalName's CNAME), SRV for named ports, and a headless",
      "Service's per-endpoint names, as a running CoreDNS pod answers them now (its watch",
      "lags the API).",
      "flags:",
      "  -n, --namespace NS   only this namespace's Services (all namespaces by default)",
      "  -o json              the records as data",
      "examples:",
      "  zone -n shop");

  @Override
  public String name() {
    return "zone";
  }

  @Override
  public VerbHelp help() {
    return HELP;
  }

  @Override
  public KubectlResult run(List<String> args, KubectlContext context) {
    ParsedArgs parsed = FLAGS.parse(args).withoutPositionals("zone", HELP.usage());
    String output = OutputFormats.check(parsed.value("output").orElse(""), List.of("json"));
    Optional<String> namespace = parsed.value("namespace");
    namespace.ifPresent(ns -> CommandException.requireNamespace(context.cluster(), ns));
    List<ResourceRecord> records;
    try {
      records = context.cluster().dnsRecords(namespace);
    } catch (IllegalStateException e) {
      throw CommandException.failed("error: " + e.getMessage());
    }
    if (output.equals("json")) {
      ObjectNode json = JsonOutput.object();
      DnsJson.records(json.putArray("records"), records);
      return KubectlResult.ok(JsonOutput.write(json));
    }
    return KubectlResult.ok(records.stream().map(r -> r + "\n").collect(Collectors.joining()));
  }
}

package io.kubenetsim.core.proxy.nftables;

import io.kubenetsim.core.proxy.ProxyDecision.Entry;
import io.kubenetsim.core.proxy.ServicePortInfo;
import java.util.Optional;

/**
 * One element of a set or verdict map, with the service port it was written for.
 *
 * @param key e.g. {@code 172.30.0.41 . tcp . 80}
 * @param verdict e.g. {@code goto service-…}, {@code drop}; empty for set elements
 * @param comment upstream's element comment ({@code ns/svc:port} in the no-endpoint maps)
 * @param entry how a packet matching this element addressed the service
 * @param target the chain a {@code goto} verdict that the evaluator follows names (the
 *     {@code service-ips}, {@code service-nodeports} and {@code firewall-ips} maps), held
 *     rather than looked up by name for every packet
 */
public record NftElement(String key, String verdict, Optional<String> comment,
    Optional<ServicePortInfo> port, Entry entry, Optional<NftChain> target) {

  /** An element whose verdict the evaluator does not follow, or a set's element. */
  public NftElement(String key, String verdict, Optional<String> comment,
      Optional<ServicePortInfo> port, Entry entry) {
    this(key, verdict, comment, port, entry, Optional.empty());
  }

  /** {@return an element whose verdict is {@code goto <target>}} */
  static NftElement goTo(String key, NftChain target, ServicePortInfo port, Entry entry) {
    return new NftElement(key, "goto " + target.name(), Optional.empty(), Optional.of(port),
        entry, Optional.of(target));
  }

  /** {@return the element as {@code nft} prints it} */
  public String text() {
    return key + comment.map(c -> " comment \"" + c + "\"").orElse("")
        + (verdict.isEmpty() ? "" : " : " + verdict);
  }

  @Override
  public String toString() {
    return text();
  }
}

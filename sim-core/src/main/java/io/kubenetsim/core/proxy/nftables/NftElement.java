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
 */
public record NftElement(String key, String verdict, Optional<String> comment,
    Optional<ServicePortInfo> port, Entry entry) {

  /** {@return the chain a {@code goto} verdict names, or empty} */
  public Optional<String> gotoChain() {
    return verdict.startsWith("goto ") ? Optional.of(verdict.substring(5)) : Optional.empty();
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

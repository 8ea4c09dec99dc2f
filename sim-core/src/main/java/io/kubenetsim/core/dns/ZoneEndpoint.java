package io.kubenetsim.core.dns;

import io.kubenetsim.model.Endpoint;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;

/**
 * One ready endpoint address as the kubernetes plugin keeps it (upstream's {@code
 * object.EndpointAddress}): the address, the endpoint's {@code hostname}, and the name of the
 * object it targets when that name fits a DNS label.
 *
 * @param address the endpoint address
 * @param hostname the endpoint's {@code hostname}, {@code ""} when unset
 * @param targetName the {@code targetRef} name (a pod's name), {@code ""} when absent or 64
 *     characters or longer (upstream drops names too long for a label)
 */
record ZoneEndpoint(IpAddress address, String hostname, String targetName) {

  static ZoneEndpoint of(IpAddress address, Endpoint endpoint) {
    String target = endpoint.targetRef().map(ref -> ref.name()).orElse("");
    return new ZoneEndpoint(address, endpoint.hostname(), target.length() < 64 ? target : "");
  }

  /**
   * {@return the endpoint's label in {@code <label>.<svc>.<ns>.svc.<zone>}} As upstream's
   * {@code endpointHostname}: the hostname; else, with {@code endpoint_pod_names}, the target's
   * name; else the address with {@code .} (IPv4) or {@code :} (IPv6) turned into {@code -}, and
   * a {@code 0} after a trailing {@code -} ({@code fd00::} becomes {@code fd00--0}).
   */
  String label(boolean podNames) {
    if (!hostname.isEmpty()) {
      return hostname;
    }
    if (podNames && !targetName.isEmpty()) {
      return targetName;
    }
    return dashed(address);
  }

  /** {@return the dashed form of an address, the label CoreDNS gives endpoints and pods} */
  static String dashed(IpAddress address) {
    String text = address.toString();
    if (address.family() == IpFamily.IPV4) {
      return text.replace('.', '-');
    }
    String dashed = text.replace(':', '-');
    return dashed.endsWith("-") ? dashed + "0" : dashed;
  }
}

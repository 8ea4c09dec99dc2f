package io.kubenetsim.core.policy;

import com.google.common.net.InetAddresses;
import io.kubenetsim.model.IPBlock;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.LabelSelectorRequirement;
import io.kubenetsim.model.Labels;
import java.util.Map;

/**
 * Label-selector and CIDR matching for {@link NaivePolicyEvaluator}, written again from the API
 * documentation on purpose: an oracle that borrowed {@link LabelSelector#matches} or {@code
 * Cidr.contains} from sim-api could not catch a bug in them, because the engine uses them too.
 * Slow and literal; for tests only.
 */
final class NaiveMatching {
  private NaiveMatching() {}

  /**
   * Whether labels satisfy a {@code metav1.LabelSelector}. Its Go doc: "The requirements are
   * ANDed" and "A single {key,value} in the matchLabels map is equivalent to an element of
   * matchExpressions, whose key field is "key", the operator is "In", and the values array
   * contains only "value"." An empty selector ({@code {}}) matches everything: NetworkPolicy's
   * {@code podSelector} doc says "An empty selector matches all pods in the policy's namespace".
   */
  static boolean matches(LabelSelector selector, Labels labels) {
    Map<String, String> have = labels.asMap();
    for (Map.Entry<String, String> wanted : selector.matchLabels().entrySet()) {
      if (!wanted.getValue().equals(have.get(wanted.getKey()))) {
        return false;
      }
    }
    for (LabelSelectorRequirement requirement : selector.matchExpressions()) {
      if (!matches(requirement, have)) {
        return false;
      }
    }
    return true;
  }

  /**
   * One {@code matchExpressions} entry. The operators as the labels concept page describes the
   * set-based requirements: {@code In} needs the key with one of the values; {@code NotIn}
   * selects objects whose value is none of the values and also objects without the key; {@code
   * Exists} and {@code DoesNotExist} test the key alone.
   */
  private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> have) {
    String value = have.get(requirement.key());
    switch (requirement.operator()) {
      case "In":
        return value != null && requirement.values().contains(value);
      case "NotIn":
        return value == null || !requirement.values().contains(value);
      case "Exists":
        return value != null;
      case "DoesNotExist":
        return value == null;
      default:
        throw new AssertionError("not an operator the API defines: " + requirement);
    }
  }

  /**
   * Whether an address is in an {@code ipBlock}. types.go: "IPBlock describes a particular CIDR
   * ... that is allowed" and "except is a slice of CIDRs that should not be included within an
   * IPBlock". An address of the other family is in neither.
   */
  static boolean inBlock(IPBlock block, String address) {
    if (!inCidr(block.cidr(), address)) {
      return false;
    }
    for (String except : block.except()) {
      if (inCidr(except, address)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the first {@code prefix} bits of the address equal those of the CIDR's address. */
  static boolean inCidr(String cidr, String address) {
    int slash = cidr.indexOf('/');
    byte[] network = InetAddresses.forString(cidr.substring(0, slash)).getAddress();
    int prefix = Integer.parseInt(cidr.substring(slash + 1));
    byte[] ip = InetAddresses.forString(address).getAddress();
    if (ip.length != network.length) {
      return false;
    }
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((ip[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}

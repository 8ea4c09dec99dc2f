package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The string formats kube-apiserver checks names, label keys, label values and port names
 * against, with upstream's exact messages (apimachinery {@code pkg/util/validation}: {@code
 * IsDNS1123Label}, {@code IsDNS1123Subdomain}, {@code IsDNS1035Label}, {@code IsValidPortName},
 * {@code IsValidPortNum}; {@code pkg/api/validate/content/kube.go}: {@code IsLabelKey}, {@code
 * IsLabelValue}).
 *
 * <p>Every check returns the list of messages for what is wrong, empty when the value is valid,
 * in the order upstream appends them. Callers wrap each message in a {@code FieldError} at their
 * own path. Lengths are counted in UTF-8 bytes, as Go's {@code len} counts them.
 *
 * <pre>{@code
 * NameRules.dns1123Label("web.shop");
 * // ["must not contain dots"]
 * }</pre>
 */
public final class NameRules {

  /** Longest DNS-1123 or DNS-1035 label. */
  public static final int LABEL_MAX_LENGTH = 63;
  /** Longest DNS-1123 subdomain. */
  public static final int SUBDOMAIN_MAX_LENGTH = 253;
  /** Longest IANA service (port) name. */
  public static final int PORT_NAME_MAX_LENGTH = 15;
  /** Longest name part of a label key, and longest label value. */
  public static final int LABEL_KEY_NAME_MAX_LENGTH = 63;

  static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  static final String DNS1123_SUBDOMAIN_FMT =
      DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
  private static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
  static final String LABEL_KEY_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  static final String LABEL_VALUE_FMT = "(" + LABEL_KEY_FMT + ")?";

  private static final Pattern DNS1035_LABEL = Pattern.compile(DNS1035_LABEL_FMT);
  private static final Pattern PORT_NAME_CHARSET = Pattern.compile("[-a-z0-9]+");
  private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*", Pattern.DOTALL);

  private static final String DNS1123_LABEL_MSG = "a lowercase RFC 1123 label must consist of"
      + " lower case alphanumeric characters or '-', and must start and end with an alphanumeric"
      + " character";
  private static final String DNS1123_SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must"
      + " consist of lower case alphanumeric characters, '-' or '.', and must start and end with"
      + " an alphanumeric character";
  private static final String DNS1035_LABEL_MSG = "a DNS-1035 label must consist of lower case"
      + " alphanumeric characters or '-', start with an alphabetic character, and end with an"
      + " alphanumeric character";
  private static final String LABEL_KEY_MSG = "must consist of alphanumeric characters, '-', '_'"
      + " or '.', and must start and end with an alphanumeric character";
  private static final String LABEL_VALUE_MSG = "a valid label must be an empty string or consist"
      + " of alphanumeric characters, '-', '_' or '.', and must start and end with an"
      + " alphanumeric character";

  private NameRules() {}

  /** {@return problems with a DNS-1123 label: Namespace names, container names, hostnames} */
  public static List<String> dns1123Label(String value) {
    List<String> errors = new ArrayList<>();
    if (byteLength(value) > LABEL_MAX_LENGTH) {
      errors.add(maxLenError(LABEL_MAX_LENGTH));
    }
    if (!isDns1123Label(value, 0, value.length())) {
      // A valid subdomain that is not a valid label can only be wrong because of its dots (the
      // length was checked above), so upstream says exactly that.
      errors.add(isDns1123Subdomain(value)
          ? "must not contain dots"
          : regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, "my-name", "123-abc"));
    }
    return ImmutableList.copyOf(errors);
  }

  /** {@return problems with a DNS-1123 subdomain: Pod, Node, Deployment names, key prefixes} */
  public static List<String> dns1123Subdomain(String value) {
    List<String> errors = new ArrayList<>();
    if (byteLength(value) > SUBDOMAIN_MAX_LENGTH) {
      errors.add(maxLenError(SUBDOMAIN_MAX_LENGTH));
    }
    if (!isDns1123Subdomain(value)) {
      errors.add(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
    }
    return ImmutableList.copyOf(errors);
  }

  /** {@return problems with a DNS-1035 label (letter first): Service names} */
  public static List<String> dns1035Label(String value) {
    List<String> errors = new ArrayList<>();
    if (byteLength(value) > LABEL_MAX_LENGTH) {
      errors.add(maxLenError(LABEL_MAX_LENGTH));
    }
    if (!DNS1035_LABEL.matcher(value).matches()) {
      errors.add(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, "my-name", "abc-123"));
    }
    return ImmutableList.copyOf(errors);
  }

  /**
   * {@return problems with an IANA service name, as a container port name or a named target
   * port must be} At most 15 of {@code a-z}, {@code 0-9} and {@code -}, at least one letter, no
   * {@code --}, no hyphen at either end; every broken rule gets its own message.
   */
  public static List<String> portName(String value) {
    List<String> errors = new ArrayList<>();
    if (byteLength(value) > PORT_NAME_MAX_LENGTH) {
      errors.add(maxLenError(PORT_NAME_MAX_LENGTH));
    }
    if (!PORT_NAME_CHARSET.matcher(value).matches()) {
      errors.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    }
    if (!HAS_LETTER.matcher(value).matches()) {
      errors.add("must contain at least one letter (a-z)");
    }
    if (value.contains("--")) {
      errors.add("must not contain consecutive hyphens");
    }
    if (!value.isEmpty() && (value.startsWith("-") || value.endsWith("-"))) {
      errors.add("must not begin or end with a hyphen");
    }
    return ImmutableList.copyOf(errors);
  }

  /** {@return problems with a port number: it must lie in 1..65535} */
  public static List<String> portNumber(long port) {
    return port >= 1 && port <= 65535
        ? ImmutableList.of()
        : ImmutableList.of(inclusiveRangeError(1, 65535));
  }

  /**
   * {@return problems with a qualified name (a label key, an annotation key, a selector key)}
   * An optional DNS-1123 subdomain prefix and {@code /}, then a name part of at most 63
   * characters; more than one {@code /} is reported alone.
   */
  public static List<String> qualifiedName(String value) {
    List<String> errors = new ArrayList<>();
    String name = value;
    int slash = value.indexOf('/');
    if (slash >= 0) {
      if (value.indexOf('/', slash + 1) >= 0) {
        return ImmutableList.of("a valid label key "
            + regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, "MyName", "my.name", "123-abc")
            + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
      }
      String prefix = value.substring(0, slash);
      name = value.substring(slash + 1);
      if (prefix.isEmpty()) {
        errors.add("prefix part must be non-empty");
      } else {
        dns1123Subdomain(prefix).forEach(message -> errors.add("prefix part " + message));
      }
    }
    if (name.isEmpty()) {
      errors.add("name part must be non-empty");
    } else if (byteLength(name) > LABEL_KEY_NAME_MAX_LENGTH) {
      errors.add("name part " + maxLenError(LABEL_KEY_NAME_MAX_LENGTH));
    }
    // Upstream checks the pattern even after reporting an empty name, so "app/" gets both.
    if (!isLabelName(name)) {
      errors.add("name part "
          + regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, "MyName", "my.name", "123-abc"));
    }
    return ImmutableList.copyOf(errors);
  }

  /** {@return problems with a label value: empty, or up to 63 characters shaped like a name} */
  public static List<String> labelValue(String value) {
    List<String> errors = new ArrayList<>();
    if (byteLength(value) > LABEL_KEY_NAME_MAX_LENGTH) {
      errors.add(maxLenError(LABEL_KEY_NAME_MAX_LENGTH));
    }
    if (!value.isEmpty() && !isLabelName(value)) {
      errors.add(regexError(LABEL_VALUE_MSG, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
    }
    return ImmutableList.copyOf(errors);
  }

  // The formats above, matched by hand: every name and label of every write is checked, and
  // a regex engine costs several times more. NameRulesProperties checks they agree.

  /** {@return whether {@code value[from, to)} matches {@link #DNS1123_LABEL_FMT}} */
  static boolean isDns1123Label(String value, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = value.charAt(i);
      boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!alphanumeric && (c != '-' || i == from || i == to - 1)) {
        return false;
      }
    }
    return true;
  }

  /** {@return whether {@code value} matches {@link #DNS1123_SUBDOMAIN_FMT}} */
  static boolean isDns1123Subdomain(String value) {
    int start = 0;
    while (true) {
      int dot = value.indexOf('.', start);
      int end = dot < 0 ? value.length() : dot;
      if (!isDns1123Label(value, start, end)) {
        return false;
      }
      if (dot < 0) {
        return true;
      }
      start = dot + 1;
    }
  }

  /** {@return whether {@code value} matches {@link #LABEL_KEY_FMT}} */
  static boolean isLabelName(String value) {
    int last = value.length() - 1;
    if (last < 0) {
      return false;
    }
    for (int i = 0; i <= last; i++) {
      char c = value.charAt(i);
      boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9');
      if (!alphanumeric && ((c != '-' && c != '_' && c != '.') || i == 0 || i == last)) {
        return false;
      }
    }
    return true;
  }

  /** {@return upstream's {@code MaxLenError}: "must be no more than N characters"} */
  public static String maxLenError(int length) {
    return "must be no more than " + length + " characters";
  }

  /** {@return upstream's {@code InclusiveRangeError}} */
  public static String inclusiveRangeError(long low, long high) {
    return "must be between " + low + " and " + high + ", inclusive";
  }

  /**
   * {@return upstream's {@code RegexError}} It joins examples with {@code "', "} and {@code " or
   * "}, which is why the messages read {@code 'my-name',  or '123-abc'} with two spaces.
   */
  public static String regexError(String message, String regex, String... examples) {
    if (examples.length == 0) {
      return message + " (regex used for validation is '" + regex + "')";
    }
    StringBuilder out = new StringBuilder(message).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      if (i > 0) {
        out.append(" or ");
      }
      out.append('\'').append(examples[i]).append("', ");
    }
    return out.append("regex used for validation is '").append(regex).append("')").toString();
  }

  static int byteLength(String value) {
    return value.getBytes(StandardCharsets.UTF_8).length;
  }
}

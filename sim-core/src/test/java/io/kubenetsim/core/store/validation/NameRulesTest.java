package io.kubenetsim.core.store.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each format rule against a table of inputs and the exact upstream messages. The expected
 * texts are written out here rather than taken from the main code, so a wording slip in {@code
 * NameRules} fails these tests.
 */
class NameRulesTest {

  private static final String LABEL_REGEX = "a lowercase RFC 1123 label must consist of lower"
      + " case alphanumeric characters or '-', and must start and end with an alphanumeric"
      + " character (e.g. 'my-name',  or '123-abc', regex used for validation is"
      + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
  private static final String SUBDOMAIN_REGEX = "a lowercase RFC 1123 subdomain must consist of"
      + " lower case alphanumeric characters, '-' or '.', and must start and end with an"
      + " alphanumeric character (e.g. 'example.com', regex used for validation is"
      + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  private static final String DNS1035_REGEX = "a DNS-1035 label must consist of lower case"
      + " alphanumeric characters or '-', start with an alphabetic character, and end with an"
      + " alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is"
      + " '[a-z]([-a-z0-9]*[a-z0-9])?')";
  private static final String NAME_PART_REGEX = "name part must consist of alphanumeric"
      + " characters, '-', '_' or '.', and must start and end with an alphanumeric character"
      + " (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is"
      + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  private static final String TWO_SLASHES = "a valid label key must consist of alphanumeric"
      + " characters, '-', '_' or '.', and must start and end with an alphanumeric character"
      + " (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is"
      + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and"
      + " '/' (e.g. 'example.com/MyName')";
  private static final String VALUE_REGEX = "a valid label must be an empty string or consist of"
      + " alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric"
      + " character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is"
      + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
  private static final String MAX_63 = "must be no more than 63 characters";
  private static final String MAX_15 = "must be no more than 15 characters";
  private static final String CHARSET =
      "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)";
  private static final String ONE_LETTER = "must contain at least one letter (a-z)";
  private static final String DOUBLE_HYPHEN = "must not contain consecutive hyphens";
  private static final String EDGE_HYPHEN = "must not begin or end with a hyphen";
  private static final String PORT_RANGE = "must be between 1 and 65535, inclusive";
  private static final String MAX_253 = "must be no more than 253 characters";

  private static final String A63 = "a".repeat(63);
  private static final String A64 = "a".repeat(64);

  @Test
  void dns1123LabelsGiveUpstreamMessages() {
    check(NameRules::dns1123Label, "web",               List.of());
    check(NameRules::dns1123Label, "123-abc",           List.of());
    check(NameRules::dns1123Label, A63,                 List.of());
    check(NameRules::dns1123Label, A64,                 List.of(MAX_63));
    check(NameRules::dns1123Label, "shop.eu",           List.of("must not contain dots"));
    check(NameRules::dns1123Label, A64 + ".eu",         List.of(MAX_63, "must not contain dots"));
    check(NameRules::dns1123Label, "Web",               List.of(LABEL_REGEX));
    check(NameRules::dns1123Label, "web-",              List.of(LABEL_REGEX));
    check(NameRules::dns1123Label, "",                  List.of(LABEL_REGEX));
    check(NameRules::dns1123Label, "web_1",             List.of(LABEL_REGEX));
  }

  @Test
  void dns1123SubdomainsGiveUpstreamMessages() {
    check(NameRules::dns1123Subdomain, "web-0",             List.of());
    check(NameRules::dns1123Subdomain, "node-1.zone-a",     List.of());
    check(NameRules::dns1123Subdomain, "1.2.3.4",           List.of());
    check(NameRules::dns1123Subdomain, "a".repeat(253),     List.of());
    check(NameRules::dns1123Subdomain, "a".repeat(254),     List.of(MAX_253));
    check(NameRules::dns1123Subdomain, "web..0",            List.of(SUBDOMAIN_REGEX));
    check(NameRules::dns1123Subdomain, "Web",               List.of(SUBDOMAIN_REGEX));
    check(NameRules::dns1123Subdomain, ".web",              List.of(SUBDOMAIN_REGEX));
  }

  @Test
  void dns1035LabelsMustStartWithALetter() {
    check(NameRules::dns1035Label, "web",               List.of());
    check(NameRules::dns1035Label, "abc-123",           List.of());
    check(NameRules::dns1035Label, "1web",              List.of(DNS1035_REGEX));
    check(NameRules::dns1035Label, "web.shop",          List.of(DNS1035_REGEX));
    check(NameRules::dns1035Label, A64,                 List.of(MAX_63));
  }

  @Test
  void portNamesReportEveryBrokenRule() {
    check(NameRules::portName, "http",              List.of());
    check(NameRules::portName, "h2c-9",             List.of());
    check(NameRules::portName, "a".repeat(15),      List.of());
    check(NameRules::portName, "a".repeat(16),      List.of(MAX_15));
    check(NameRules::portName, "HTTP",              List.of(CHARSET, ONE_LETTER));
    check(NameRules::portName, "8080",              List.of(ONE_LETTER));
    check(NameRules::portName, "web--ui",           List.of(DOUBLE_HYPHEN));
    check(NameRules::portName, "-web",              List.of(EDGE_HYPHEN));
    check(NameRules::portName, "web-",              List.of(EDGE_HYPHEN));
  }

  @Test
  void qualifiedNamesCheckPrefixAndNameParts() {
    check(NameRules::qualifiedName, "app",                 List.of());
    check(NameRules::qualifiedName, "App_Name.v1",         List.of());
    check(NameRules::qualifiedName, "example.com/MyName",  List.of());
    check(NameRules::qualifiedName, "app name",            List.of(NAME_PART_REGEX));
    check(NameRules::qualifiedName, "app-",                List.of(NAME_PART_REGEX));
    check(NameRules::qualifiedName, A64,                   List.of("name part " + MAX_63));
    check(NameRules::qualifiedName, "/app",
        List.of("prefix part must be non-empty"));
    check(NameRules::qualifiedName, "example.com/",
        List.of("name part must be non-empty", NAME_PART_REGEX));
    check(NameRules::qualifiedName, "Example.com/app",
        List.of("prefix part " + SUBDOMAIN_REGEX));
    check(NameRules::qualifiedName, "a/b/c",               List.of(TWO_SLASHES));
  }

  @Test
  void labelValuesMayBeEmptyButNotMalformed() {
    check(NameRules::labelValue, "",                    List.of());
    check(NameRules::labelValue, "v1.2_rc-3",           List.of());
    check(NameRules::labelValue, A63,                   List.of());
    check(NameRules::labelValue, A64,                   List.of(MAX_63));
    check(NameRules::labelValue, "web app",             List.of(VALUE_REGEX));
    check(NameRules::labelValue, "-web",                List.of(VALUE_REGEX));
  }

  @Test
  void portNumbersMustLieBetweenOneAnd65535() {
    assertEquals(List.of(),           NameRules.portNumber(1));
    assertEquals(List.of(),           NameRules.portNumber(65535));
    assertEquals(List.of(PORT_RANGE), NameRules.portNumber(0));
    assertEquals(List.of(PORT_RANGE), NameRules.portNumber(70000));
    assertEquals(List.of(PORT_RANGE), NameRules.portNumber(-1));
  }

  @Test
  void generateNamePrefixesMayEndInADashWithUpstreamsMasking() {
    // maskTrailingDash drops two characters and appends "a": "web-" is checked as "wea".
    assertEquals(List.of(), NameFormat.DNS1123_SUBDOMAIN.validate("web-", true));
    assertEquals(List.of(LABEL_REGEX), NameFormat.DNS1123_LABEL.validate("web-", false));
    assertEquals(List.of(SUBDOMAIN_REGEX), NameFormat.DNS1123_SUBDOMAIN.validate("-", true));
  }

  @Test
  void lengthsAreCountedInUtf8BytesAsGoCountsThem() {
    // 32 two-byte characters are 64 bytes: over the limit although only 32 chars long.
    assertEquals(List.of(MAX_63, VALUE_REGEX), NameRules.labelValue("é".repeat(32)));
  }

  private static void check(Function<String, List<String>> rule, String input, List<String> want) {
    assertEquals(want, rule.apply(input), () -> "messages for \"" + input + "\"");
  }
}

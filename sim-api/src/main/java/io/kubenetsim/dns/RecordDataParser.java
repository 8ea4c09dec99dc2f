package io.kubenetsim.dns;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.net.IpAddress;
import java.util.ArrayList;
import java.util.List;

/** Reads RDATA in presentation form for {@link RecordData#parse}; one method per shape. */
final class RecordDataParser {
  private RecordDataParser() {}

  static RecordData parse(RecordType type, String text) {
    String[] f = text.isEmpty() ? new String[0] : text.split("\\s+");
    switch (type) {
      case A:
        return new RecordData.A(address(type, text));
      case AAAA:
        return new RecordData.Aaaa(address(type, text));
      case CNAME:
        return new RecordData.Cname(name(type, text, f, 1, 0));
      case PTR:
        return new RecordData.Ptr(name(type, text, f, 1, 0));
      case NS:
        return new RecordData.Ns(name(type, text, f, 1, 0));
      case MX:
        fields(type, text, f, 2, "PREFERENCE EXCHANGE");
        return new RecordData.Mx((int) number(type, text, f[0]), name(type, text, f, 2, 1));
      case SRV:
        fields(type, text, f, 4, "PRIORITY WEIGHT PORT TARGET");
        return new RecordData.Srv((int) number(type, text, f[0]), (int) number(type, text, f[1]),
            (int) number(type, text, f[2]), name(type, text, f, 4, 3));
      case TXT:
        return new RecordData.Txt(strings(text));
      case SOA:
        fields(type, text, f, 7, "MNAME RNAME SERIAL REFRESH RETRY EXPIRE MINIMUM");
        return new RecordData.Soa(name(type, text, f, 7, 0), name(type, text, f, 7, 1),
            number(type, text, f[2]), number(type, text, f[3]), number(type, text, f[4]),
            number(type, text, f[5]), number(type, text, f[6]));
      default:
        throw new AssertionError("unhandled record type " + type);
    }
  }

  private static IpAddress address(RecordType type, String text) {
    IpAddress address = IpAddress.tryParse(text).orElseThrow(() -> new IllegalArgumentException(
        "\"" + text + "\" is not an address for a " + type + " record"));
    return address;
  }

  private static void fields(RecordType type, String text, String[] f, int count, String form) {
    checkArgument(f.length == count, "\"%s\" is not %s data; write %s", text, type, form);
  }

  private static DnsName name(RecordType type, String text, String[] f, int count, int index) {
    if (count == 1) {
      fields(type, text, f, 1, "one name");
    }
    return DnsName.tryParse(f[index]).orElseThrow(() -> new IllegalArgumentException("\""
        + text + "\" is not " + type + " data: \"" + f[index] + "\" is not a valid DNS name"));
  }

  private static long number(RecordType type, String text, String field) {
    checkArgument(!field.isEmpty() && field.length() <= 10
        && field.chars().allMatch(Character::isDigit), "\"%s\" is not %s data: \"%s\" is not a "
            + "number", text, type, field);
    return Long.parseLong(field);
  }

  /** Quoted strings (with {@code \"} and {@code \\} escapes) or bare words, as zone files. */
  private static ImmutableList<String> strings(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        StringBuilder s = new StringBuilder();
        i++;
        while (i < text.length() && text.charAt(i) != '"') {
          if (text.charAt(i) == '\\' && i + 1 < text.length()) {
            i++;
          }
          s.append(text.charAt(i++));
        }
        checkArgument(i < text.length(), "\"%s\" is not TXT data: a quote is not closed", text);
        out.add(s.toString());
        i++;
      } else {
        int start = i;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        out.add(text.substring(start, i));
      }
    }
    checkArgument(!out.isEmpty(), "TXT data needs at least one string");
    return ImmutableList.copyOf(out);
  }
}

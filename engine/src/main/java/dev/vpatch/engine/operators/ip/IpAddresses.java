package dev.vpatch.engine.operators.ip;

/**
 * Parses textual IPv4 and IPv6 addresses into bytes without any name resolution (unlike
 * {@link java.net.InetAddress#getByName}, which may query DNS for anything that is not a literal).
 */
public final class IpAddresses {
  private IpAddresses() {}

  /** The 4 or 16 address bytes, or null when {@code text} is not an IP address literal. */
  public static byte[] parse(String text) {
    return text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
  }

  static byte[] parseIpv4(String text) {
    byte[] bytes = new byte[4];
    int part = 0;
    int i = 0;
    while (part < 4) {
      int start = i;
      int value = 0;
      while (i < text.length() && i - start < 3 && isDigit(text.charAt(i))) {
        value = value * 10 + (text.charAt(i++) - '0');
      }
      if (i == start || value > 255) return null;
      bytes[part++] = (byte) value;
      if (part < 4) {
        if (i >= text.length() || text.charAt(i) != '.') return null;
        i++;
      }
    }
    return i == text.length() ? bytes : null;
  }

  static byte[] parseIpv6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) return null;
    byte[] head = gap < 0 ? parseGroups(text, true) : parseGroups(text.substring(0, gap), false);
    byte[] tail = gap < 0 ? new byte[0] : parseGroups(text.substring(gap + 2), true);
    if (head == null || tail == null) return null;
    int filled = head.length + tail.length;
    if (gap < 0 ? filled != 16 : filled > 14) return null;
    byte[] bytes = new byte[16];
    System.arraycopy(head, 0, bytes, 0, head.length);
    System.arraycopy(tail, 0, bytes, 16 - tail.length, tail.length);
    return bytes;
  }

  /** Colon-separated hex groups; the last may be a dotted IPv4 address when allowed. */
  private static byte[] parseGroups(String text, boolean ipv4Last) {
    if (text.isEmpty()) return new byte[0];
    String[] groups = text.split(":", -1);
    if (groups.length > 8) return null;
    byte[] bytes = new byte[groups.length * 2 + 2];
    int length = 0;
    for (int g = 0; g < groups.length; g++) {
      String group = groups[g];
      if (ipv4Last && g == groups.length - 1 && group.indexOf('.') >= 0) {
        byte[] ipv4 = parseIpv4(group);
        if (ipv4 == null) return null;
        System.arraycopy(ipv4, 0, bytes, length, 4);
        length += 4;
        continue;
      }
      if (group.isEmpty() || group.length() > 4) return null;
      int value = 0;
      for (int k = 0; k < group.length(); k++) {
        int digit = Character.digit(group.charAt(k), 16);
        if (digit < 0) return null;
        value = value * 16 + digit;
      }
      bytes[length++] = (byte) (value >> 8);
      bytes[length++] = (byte) value;
    }
    return java.util.Arrays.copyOf(bytes, length);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}

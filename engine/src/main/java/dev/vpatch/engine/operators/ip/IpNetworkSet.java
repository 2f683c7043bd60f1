package dev.vpatch.engine.operators.ip;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A set of IPv4 and IPv6 networks ({@code 10.0.0.0/8}, {@code ::1}) answering membership in
 * O(number of distinct prefix lengths): each network is stored masked, per prefix length.
 */
public final class IpNetworkSet {
  private final Set<String> networks = new HashSet<>();
  private final TreeSet<Integer> ipv4Prefixes = new TreeSet<>();
  private final TreeSet<Integer> ipv6Prefixes = new TreeSet<>();

  /**
   * Adds {@code address} or {@code address/prefix}.
   *
   * @throws IllegalArgumentException when it is not an IP address or network
   */
  public void add(String network) {
    String text = network.strip();
    int slash = text.indexOf('/');
    byte[] address = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash));
    if (address == null) {
      throw new IllegalArgumentException("not an IP address or network: " + text);
    }
    int bits = address.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String length = text.substring(slash + 1);
      if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("invalid prefix length in " + text);
      }
      prefix = Integer.parseInt(length);
      if (prefix > bits) {
        throw new IllegalArgumentException("prefix length above " + bits + " in " + text);
      }
    }
    networks.add(key(address, prefix));
    (address.length == 4 ? ipv4Prefixes : ipv6Prefixes).add(prefix);
  }

  public boolean isEmpty() {
    return networks.isEmpty();
  }

  /** Whether {@code addressText} is an IP address inside one of the networks. */
  public boolean contains(String addressText) {
    byte[] address = IpAddresses.parse(addressText);
    if (address == null) return false;
    for (int prefix : address.length == 4 ? ipv4Prefixes : ipv6Prefixes) {
      if (networks.contains(key(address, prefix))) return true;
    }
    return false;
  }

  private static String key(byte[] address, int prefix) {
    byte[] masked = new byte[address.length + 1];
    for (int i = 0; i < address.length; i++) {
      int bitsHere = Math.max(0, Math.min(8, prefix - i * 8));
      int mask = bitsHere == 0 ? 0 : (0xff << (8 - bitsHere)) & 0xff;
      masked[i] = (byte) (address[i] & mask);
    }
    masked[address.length] = (byte) prefix;
    return new String(masked, StandardCharsets.ISO_8859_1);
  }
}

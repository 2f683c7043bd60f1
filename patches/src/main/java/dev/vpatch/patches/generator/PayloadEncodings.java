package dev.vpatch.patches.generator;

import java.nio.charset.StandardCharsets;

/** The encodings evasion tests apply to a payload before it goes into a URL or form body. */
final class PayloadEncodings {
  private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

  private PayloadEncodings() {}

  /** Ordinary form encoding: unreserved characters kept, everything else %XX (UTF-8), space as %20. */
  static String form(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (UNRESERVED.indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append(hex(b));
      }
    }
    return out.toString();
  }

  /** Every byte as %XX, letters included. */
  static String full(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      out.append(hex(b));
    }
    return out.toString();
  }

  /** Double encoding: the % of each %XX encoded again, so one decode leaves %XX. */
  static String doubled(String value) {
    return full(value).replace("%", "%25");
  }

  /** IIS-style %uXXXX for every non-alphanumeric character. */
  static String percentU(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 0x80) {
        out.append(c);
      } else {
        out.append(String.format("%%u%04x", (int) c));
      }
    }
    return out.toString();
  }

  /** Alternating upper and lower case letters: "select" becomes "SeLeCt". */
  static String mixedCase(String value) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char c : value.toCharArray()) {
      if (Character.isLetter(c)) {
        out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
        upper = !upper;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  static String json(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String hex(byte b) {
    return String.format("%%%02X", b & 0xFF);
  }
}

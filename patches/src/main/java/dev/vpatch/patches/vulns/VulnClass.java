package dev.vpatch.patches.vulns;

import java.util.Locale;

/** Vulnerability classes that a virtual patch can address, with the CWE each stands for. */
public enum VulnClass {
  SQLI("sqli", 89, "SQL injection"),
  XSS("xss", 79, "Cross-site scripting"),
  PATH_TRAVERSAL("path-traversal", 22, "Path traversal"),
  RFI("rfi", 98, "Remote file inclusion"),
  COMMAND_INJECTION("command-injection", 78, "OS command injection"),
  CODE_INJECTION("code-injection", 94, "Code injection"),
  XXE("xxe", 611, "XML external entity injection"),
  SSRF("ssrf", 918, "Server-side request forgery"),
  OPEN_REDIRECT("open-redirect", 601, "Open redirect"),
  CRLF("crlf", 113, "CRLF / HTTP response splitting"),
  LDAP_INJECTION("ldap-injection", 90, "LDAP injection"),
  XPATH_INJECTION("xpath-injection", 643, "XPath injection"),
  SSTI("ssti", 1336, "Server-side template injection"),
  BUFFER_OVERFLOW("buffer-overflow", 120, "Buffer overflow (oversized input)");

  private final String label;
  private final int cwe;
  private final String title;

  VulnClass(String label, int cwe, String title) {
    this.label = label;
    this.cwe = cwe;
    this.title = title;
  }

  public String label() {
    return label;
  }

  public int cwe() {
    return cwe;
  }

  public String title() {
    return title;
  }

  public static VulnClass parse(String text) {
    String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (VulnClass c : values()) {
      if (c.label.equals(wanted)) {
        return c;
      }
    }
    StringBuilder known = new StringBuilder();
    for (VulnClass c : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(c.label);
    }
    throw new IllegalArgumentException("unknown vulnerability class '" + text + "': use one of " + known);
  }
}

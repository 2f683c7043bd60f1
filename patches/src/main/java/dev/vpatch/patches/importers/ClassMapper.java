package dev.vpatch.patches.importers;

import dev.vpatch.patches.vulns.VulnClass;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a scanner's own check id (ZAP plugin id, Burp issue type, Arachni check, Nuclei tag) or the
 * CWE to a vulnerability class. Never looks at alert names: those change between versions and
 * languages.
 */
final class ClassMapper {
  private static final Map<String, VulnClass> ZAP_PLUGINS = Map.ofEntries(
      Map.entry("40018", VulnClass.SQLI), Map.entry("40019", VulnClass.SQLI), Map.entry("40020", VulnClass.SQLI),
      Map.entry("40021", VulnClass.SQLI), Map.entry("40022", VulnClass.SQLI), Map.entry("40024", VulnClass.SQLI),
      Map.entry("40027", VulnClass.SQLI),
      Map.entry("40012", VulnClass.XSS), Map.entry("40014", VulnClass.XSS), Map.entry("40016", VulnClass.XSS),
      Map.entry("40017", VulnClass.XSS), Map.entry("40026", VulnClass.XSS), Map.entry("40031", VulnClass.XSS),
      Map.entry("6", VulnClass.PATH_TRAVERSAL), Map.entry("7", VulnClass.RFI),
      Map.entry("90020", VulnClass.COMMAND_INJECTION), Map.entry("90019", VulnClass.CODE_INJECTION),
      Map.entry("90023", VulnClass.XXE), Map.entry("40046", VulnClass.SSRF), Map.entry("20019", VulnClass.OPEN_REDIRECT),
      Map.entry("40003", VulnClass.CRLF), Map.entry("40015", VulnClass.LDAP_INJECTION),
      Map.entry("90021", VulnClass.XPATH_INJECTION), Map.entry("90035", VulnClass.SSTI),
      Map.entry("90036", VulnClass.SSTI), Map.entry("30001", VulnClass.BUFFER_OVERFLOW));

  /** Burp issue type indexes (decimal of the hex type index). */
  private static final Map<String, VulnClass> BURP_TYPES = Map.ofEntries(
      Map.entry("1048832", VulnClass.COMMAND_INJECTION), // 0x00100100
      Map.entry("1049088", VulnClass.SQLI), // 0x00100200
      Map.entry("1049104", VulnClass.SQLI), // 0x00100210 second order
      Map.entry("1049344", VulnClass.PATH_TRAVERSAL), // 0x00100300
      Map.entry("1049600", VulnClass.XXE), // 0x00100400
      Map.entry("1049856", VulnClass.LDAP_INJECTION), // 0x00100500
      Map.entry("1050112", VulnClass.XPATH_INJECTION), // 0x00100600
      Map.entry("1051648", VulnClass.CODE_INJECTION), // 0x00100c00 PHP
      Map.entry("1051904", VulnClass.CODE_INJECTION), // 0x00100d00 server-side JavaScript
      Map.entry("1052160", VulnClass.CODE_INJECTION), // 0x00100e00 Perl
      Map.entry("1052416", VulnClass.CODE_INJECTION), // 0x00100f00 Ruby
      Map.entry("1052672", VulnClass.CODE_INJECTION), // 0x00101000 Python
      Map.entry("1053184", VulnClass.SSTI), // 0x00101200
      Map.entry("2097920", VulnClass.XSS), // 0x00200300 reflected
      Map.entry("2097936", VulnClass.XSS), // 0x00200310 stored
      Map.entry("2097408", VulnClass.CRLF), // 0x00200100 response header injection
      Map.entry("5243136", VulnClass.OPEN_REDIRECT)); // 0x00500100

  private static final Map<String, VulnClass> ARACHNI_CHECKS = Map.ofEntries(
      Map.entry("sql_injection", VulnClass.SQLI), Map.entry("sql_injection_differential", VulnClass.SQLI),
      Map.entry("sql_injection_timing", VulnClass.SQLI), Map.entry("no_sql_injection", VulnClass.SQLI),
      Map.entry("xss", VulnClass.XSS), Map.entry("xss_dom", VulnClass.XSS), Map.entry("xss_event", VulnClass.XSS),
      Map.entry("xss_path", VulnClass.XSS), Map.entry("xss_script_context", VulnClass.XSS),
      Map.entry("xss_tag", VulnClass.XSS), Map.entry("path_traversal", VulnClass.PATH_TRAVERSAL),
      Map.entry("file_inclusion", VulnClass.PATH_TRAVERSAL), Map.entry("rfi", VulnClass.RFI),
      Map.entry("os_cmd_injection", VulnClass.COMMAND_INJECTION),
      Map.entry("os_cmd_injection_timing", VulnClass.COMMAND_INJECTION),
      Map.entry("code_injection", VulnClass.CODE_INJECTION), Map.entry("code_injection_timing", VulnClass.CODE_INJECTION),
      Map.entry("ldap_injection", VulnClass.LDAP_INJECTION), Map.entry("xpath_injection", VulnClass.XPATH_INJECTION),
      Map.entry("response_splitting", VulnClass.CRLF), Map.entry("unvalidated_redirect", VulnClass.OPEN_REDIRECT),
      Map.entry("xxe", VulnClass.XXE));

  private static final Map<String, VulnClass> NUCLEI_TAGS = Map.ofEntries(
      Map.entry("sqli", VulnClass.SQLI), Map.entry("xss", VulnClass.XSS), Map.entry("lfi", VulnClass.PATH_TRAVERSAL),
      Map.entry("traversal", VulnClass.PATH_TRAVERSAL), Map.entry("rfi", VulnClass.RFI),
      Map.entry("cmdi", VulnClass.COMMAND_INJECTION), Map.entry("ssrf", VulnClass.SSRF),
      Map.entry("redirect", VulnClass.OPEN_REDIRECT), Map.entry("xxe", VulnClass.XXE), Map.entry("crlf", VulnClass.CRLF),
      Map.entry("ssti", VulnClass.SSTI));

  private static final Map<Integer, VulnClass> CWES = Map.ofEntries(
      Map.entry(89, VulnClass.SQLI), Map.entry(564, VulnClass.SQLI), Map.entry(943, VulnClass.SQLI),
      Map.entry(79, VulnClass.XSS), Map.entry(80, VulnClass.XSS), Map.entry(83, VulnClass.XSS),
      Map.entry(87, VulnClass.XSS), Map.entry(22, VulnClass.PATH_TRAVERSAL), Map.entry(23, VulnClass.PATH_TRAVERSAL),
      Map.entry(35, VulnClass.PATH_TRAVERSAL), Map.entry(73, VulnClass.PATH_TRAVERSAL), Map.entry(98, VulnClass.RFI),
      Map.entry(77, VulnClass.COMMAND_INJECTION), Map.entry(78, VulnClass.COMMAND_INJECTION),
      Map.entry(94, VulnClass.CODE_INJECTION), Map.entry(95, VulnClass.CODE_INJECTION),
      Map.entry(611, VulnClass.XXE), Map.entry(918, VulnClass.SSRF), Map.entry(601, VulnClass.OPEN_REDIRECT),
      Map.entry(93, VulnClass.CRLF), Map.entry(113, VulnClass.CRLF), Map.entry(90, VulnClass.LDAP_INJECTION),
      Map.entry(643, VulnClass.XPATH_INJECTION), Map.entry(1336, VulnClass.SSTI));

  private ClassMapper() {}

  /** The class for the scanner's check id; null when the check is unknown. */
  static VulnClass byCheck(ScannerFinding finding) {
    switch (finding.tool()) {
      case "zap":
        return ZAP_PLUGINS.get(finding.ruleId());
      case "burp":
        return BURP_TYPES.get(finding.ruleId());
      case "arachni":
        return ARACHNI_CHECKS.get(finding.ruleId().toLowerCase(Locale.ROOT));
      default:
        return null;
    }
  }

  static VulnClass byCwe(Integer cwe) {
    return cwe == null ? null : CWES.get(cwe);
  }

  /** Nuclei's classification tags (not the template name). */
  static VulnClass byTags(Iterable<String> tags) {
    for (String tag : tags) {
      VulnClass found = NUCLEI_TAGS.get(tag.trim().toLowerCase(Locale.ROOT));
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /**
   * ZAP's passive scan rules only look at traffic; their findings are about responses or
   * configuration, never a confirmed exploitable input.
   */
  static boolean isZapPassive(String pluginId) {
    try {
      int id = Integer.parseInt(pluginId);
      return (id >= 10000 && id < 20000) || id == 2 || id == 3 || (id >= 50000 && id < 60000)
          || id == 90001 || id == 90002 || id == 90003 || id == 90004 || id == 90011 || id == 90022
          || id == 90030 || id == 90033;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}

package dev.vpatch.patches.generator;

import dev.vpatch.patches.vulns.VulnClass;
import java.util.List;

/**
 * Class-level detections for negative patches: the whole attack class at the vulnerable input,
 * never the PoC string. Regexes are ours, RE2-compatible (linear time, no lookaround), and avoid
 * the double quote (written \x22) so they sit inside a quoted SecLang operator unchanged.
 */
final class ClassSignatures {
  private static final String DECODE = "t:none,t:utf8toUnicode,t:urlDecodeUni,t:removeNulls";

  private static final String SQLI = "(?i)(?:\\bunion\\b[\\s\\S]{0,100}?\\bselect\\b|\\bselect\\b[\\s\\S]{0,200}?\\bfrom\\b"
      + "|\\binsert\\b[\\s\\S]{0,100}?\\binto\\b|\\bupdate\\b[\\s\\S]{0,100}?\\bset\\b|\\bdelete\\b[\\s\\S]{0,50}?\\bfrom\\b"
      + "|\\b(?:drop|alter|truncate|create)\\s+(?:table|database|user)\\b"
      + "|['\\x22`)]\\s*(?:\\bor\\b|\\band\\b|\\bxor\\b|\\|\\||&&|;|--|#)"
      + "|\\b(?:or|and|xor)\\b\\s*['\\x22`(]?\\s*[0-9a-z_@.]+\\s*['\\x22`)]?\\s*(?:=|<>|!=|<=?|>=?|\\blike\\b|\\bis\\b)"
      + "|\\b(?:sleep|benchmark|pg_sleep|extractvalue|updatexml|load_file|char|concat|ascii|substring)\\s*\\("
      + "|\\bwaitfor\\s+(?:delay|time)\\b|;\\s*(?:select|drop|delete|insert|update|shutdown|exec|declare)\\b"
      + "|\\bexec\\s+x?p_|\\bhaving\\b\\s+[0-9]|\\border\\s+by\\s+[0-9]|@@(?:version|datadir)|\\binformation_schema\\b"
      + "|^[0-9]+\\s*[-+*/]\\s*[0-9]+$)";
  private static final String XSS = "(?i)(?:<[\\s/]*(?:script|iframe|frame|svg|img|image|body|object|embed|style|link|meta"
      + "|base|form|input|video|audio|source|details|marquee|math|isindex|applet|xml|x)\\b"
      + "|<[a-z][^>]*?\\bon[a-z]{3,}\\s*=|\\bon(?:error|load|click|dblclick|mouse[a-z]+|focus[a-z]*|blur|toggle|animation[a-z]+"
      + "|pointer[a-z]+|key[a-z]+|submit|change|input|begin|end)\\s*=|(?:java|vb|live)script\\s*:|data\\s*:\\s*text/html"
      + "|\\bsrcdoc\\s*=|expression\\s*\\(|<!--|-->|<[a-z_][a-z0-9_-]*[\\s/>])";
  private static final String PATH_TRAVERSAL = "(?i)(?:(?:^|[\\\\/])\\.{2,}(?:[\\\\/;]|$)|\\b(?:etc[\\\\/](?:passwd|shadow|hosts"
      + "|group)|boot\\.ini|win\\.ini|windows[\\\\/]system32|proc[\\\\/]self)\\b|^[\\\\/]|^[a-z]:[\\\\/]|[\\x00])";
  private static final String RFI = "(?i)(?:^\\s*(?:https?|ftps?|php|data|expect|file|zlib|glob|phar|gopher|dict|jar)\\s*:"
      + "|^\\s*[\\\\/]{2}[a-z0-9._-]+)";
  private static final String COMMAND_INJECTION = "(?i)(?:(?:[;&|`\\n]|\\$\\(|\\$\\{)\\s*[a-z0-9/\\\\._-]*?"
      + "(?:cat|ls|id|whoami|uname|wget|curl|nc|ncat|bash|sh|zsh|python[0-9.]*|perl|ruby|php|ping|nslookup|sleep|echo"
      + "|rm|chmod|powershell|cmd|net|type|dir|ipconfig|ifconfig|env|printenv|tail|head|more)\\b|\\$\\{?ifs\\b"
      + "|`[^`]{1,200}`|\\$\\([^)]{1,200}\\))";
  private static final String CODE_INJECTION = "(?i)(?:\\b(?:eval|assert|system|exec|passthru|shell_exec|popen|proc_open"
      + "|phpinfo|base64_decode|file_get_contents|file_put_contents|include|require|__import__|compile|execfile|getruntime"
      + "|processbuilder|settimeout|setinterval|function)\\s*\\(|<\\?(?:php|=)?|\\$\\{[^}]{0,100}\\}|\\bos\\.(?:system|popen)"
      + "|\\bsubprocess\\.|\\brequire\\s*\\(|;\\s*\\$[a-z_])";
  private static final String XXE = "(?i)<!(?:doctype|entity)\\b[^>]{0,500}?\\b(?:system|public)\\b|<!entity\\b";
  private static final String SSRF = "(?i)^\\s*(?:https?|ftp|gopher|dict|file|ldap|tftp|jar|netdoc)\\s*:\\s*(?://)?"
      + "(?:[^/@]*@)?(?:localhost\\b|127\\.|0\\.0\\.0\\.0|0x[0-9a-f]+|[0-9]{8,10}\\b|0[0-7]*\\.|10\\.|192\\.168\\.|"
      + "172\\.(?:1[6-9]|2[0-9]|3[01])\\.|169\\.254\\.|\\[|metadata\\b|[^/:]*\\.internal\\b)|^\\s*(?:gopher|dict|file|ldap"
      + "|tftp|jar|netdoc)\\s*:";
  private static final String OPEN_REDIRECT = "(?i)(?:^\\s*(?:[a-z][a-z0-9+.-]*:)?[\\\\/]{2}|^\\s*(?:https?|javascript"
      + "|data|vbscript)\\s*:|^\\s*[\\\\/][\\\\/\\t]+)";
  private static final String CRLF = "[\\r\\n]";
  private static final String LDAP = "(?:\\)\\s*\\(|\\(\\s*[|&!]|\\*\\s*\\)|\\)\\s*[|&]|[\\x00])";
  private static final String XPATH = "(?i)(?:['\\x22]\\s*(?:or|and)\\s|\\b(?:count|name|string-length|substring|contains"
      + "|text|node|position|last)\\s*\\(|\\]\\s*\\[|//\\*|/\\.\\./|['\\x22]\\s*\\]|\\|\\s*/)";
  private static final String SSTI = "(?:\\{\\{[\\s\\S]{0,200}?\\}\\}|\\$\\{[\\s\\S]{0,200}?\\}|<%[\\s\\S]{0,200}?%>"
      + "|#\\{[\\s\\S]{0,200}?\\}|\\{%[\\s\\S]{0,200}?%\\}|\\*\\{[\\s\\S]{0,200}?\\})";

  /**
   * For a parameter whose SQL injection was shown with a bare quote: any quote breaks the query's
   * string context there, so no working request can contain one.
   */
  static final Detection SQL_STRING_BREAKER = new Detection("@rx ['\\x22`]",
      DECODE + ",t:htmlEntityDecode", "quote breaking the SQL string context");

  /** Longest value accepted where oversized input is the flaw. */
  static final int MAX_LENGTH = 1024;

  private ClassSignatures() {}

  static List<Detection> of(VulnClass vulnClass) {
    switch (vulnClass) {
      case SQLI:
        return List.of(new Detection("@detectSQLi", DECODE, "SQL injection (libinjection-style)"),
            new Detection("@rx " + SQLI, DECODE + ",t:htmlEntityDecode,t:replaceComments,t:compressWhitespace,t:lowercase",
                "SQL injection syntax"));
      case XSS:
        return List.of(new Detection("@detectXSS", DECODE + ",t:htmlEntityDecode,t:jsDecode,t:cssDecode",
                "cross-site scripting (libinjection-style)"),
            new Detection("@rx " + XSS, DECODE + ",t:htmlEntityDecode,t:jsDecode,t:cssDecode,t:compressWhitespace",
                "HTML/script injection"));
      case PATH_TRAVERSAL:
        return List.of(new Detection("@rx " + PATH_TRAVERSAL, "t:none,t:utf8toUnicode,t:urlDecodeUni,t:urlDecodeUni",
            "path traversal"));
      case RFI:
        return List.of(new Detection("@rx " + RFI, DECODE, "remote file inclusion"));
      case COMMAND_INJECTION:
        return List.of(new Detection("@rx " + COMMAND_INJECTION, DECODE + ",t:compressWhitespace", "OS command injection"));
      case CODE_INJECTION:
        return List.of(new Detection("@rx " + CODE_INJECTION, DECODE + ",t:compressWhitespace", "code injection"));
      case XXE:
        return List.of(new Detection("@rx " + XXE, DECODE, "XML external entity"));
      case SSRF:
        return List.of(new Detection("@rx " + SSRF, DECODE, "request to an internal or non-HTTP address"));
      case OPEN_REDIRECT:
        return List.of(new Detection("@rx " + OPEN_REDIRECT, DECODE, "redirect to another site"));
      case CRLF:
        return List.of(new Detection("@rx " + CRLF, "t:none,t:utf8toUnicode,t:urlDecodeUni", "CR/LF injection"));
      case LDAP_INJECTION:
        return List.of(new Detection("@rx " + LDAP, "t:none,t:utf8toUnicode,t:urlDecodeUni", "LDAP filter injection"));
      case XPATH_INJECTION:
        return List.of(new Detection("@rx " + XPATH, DECODE, "XPath injection"));
      case SSTI:
        return List.of(new Detection("@rx " + SSTI, DECODE, "template expression"));
      case BUFFER_OVERFLOW:
        return List.of(new Detection("@gt " + MAX_LENGTH, "t:none,t:length", "value longer than " + MAX_LENGTH + " bytes"));
      default:
        throw new IllegalArgumentException("no detection for " + vulnClass);
    }
  }
}

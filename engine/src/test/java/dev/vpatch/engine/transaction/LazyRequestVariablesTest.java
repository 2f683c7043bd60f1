package dev.vpatch.engine.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.ByteStrings;
import dev.vpatch.engine.LoggedMatches;
import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.Transaction;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The query string is split into ARGS_GET, the Cookie headers into REQUEST_COOKIES, and the body
 * copied into REQUEST_BODY, when a rule first reads them: every way of reading (collection, names,
 * count, key, macro, the error flag) sees what an eager split would have given, whatever is read
 * first.
 */
class LazyRequestVariablesTest {
  private static final String CONFIG = "SecRuleEngine On\nSecRequestBodyAccess On\n";

  /** Runs the request; returns rule id → logdata of every matched rule that logs. */
  private static Map<Long, String> run(String rules, String uri, String body, String... headers) {
    RuleSet ruleSet = RuleSet.builder().addText(CONFIG + rules, "rules").build();
    try (Transaction tx = ruleSet.newTransaction()) {
      tx.processConnection("127.0.0.1", 40000, "127.0.0.1", 80);
      tx.processUri(uri, body == null ? "GET" : "POST", "HTTP/1.1");
      tx.addRequestHeader("Host", "localhost");
      for (int i = 0; i < headers.length; i += 2) tx.addRequestHeader(headers[i], headers[i + 1]);
      if (body != null) tx.addRequestHeader("Content-Type", "application/x-www-form-urlencoded");
      tx.processRequestHeaders();
      if (body != null) {
        byte[] bytes = ByteStrings.bytes(body);
        tx.appendRequestBody(bytes, 0, bytes.length);
      }
      tx.processRequestBody();
      tx.processLogging();
      return LoggedMatches.of(tx);
    }
  }

  private static String logRule(int id, int phase, String variable, String operator, String logdata) {
    return "SecRule " + variable + " \"" + operator + "\" \"id:" + id + ",phase:" + phase
        + ",pass,log,logdata:'" + logdata + "'\"\n";
  }

  /** Each rule alone (so the first reader), then all of them together, give the same answers. */
  private static void assertEachAloneAndTogether(Map<String, String> expected, String uri, String body, String... headers) {
    Map<Long, String> all = new TreeMap<>();
    long id = 1;
    for (Map.Entry<String, String> rule : expected.entrySet()) {
      assertThat(run(rule.getKey(), uri, body, headers)).as(rule.getKey()).containsOnly(Map.entry(id, rule.getValue()));
      all.put(id++, rule.getValue());
    }
    assertThat(run(String.join("", expected.keySet()), uri, body, headers)).isEqualTo(all);
  }

  @Test
  void everyWayOfReadingSeesTheQueryArgumentsFromPhaseOne() {
    Map<String, String> expected = new java.util.LinkedHashMap<>();
    expected.put(logRule(1, 1, "&ARGS", "@eq 3", "%{MATCHED_VAR}"), "3");
    expected.put(logRule(2, 1, "ARGS_GET_NAMES", "@streq s", "%{MATCHED_VAR_NAME}"), "ARGS_GET_NAMES:s");
    expected.put(logRule(3, 1, "ARGS:r", "@streq A", "%{ARGS.q}"), "x");
    expected.put(logRule(4, 1, "ARGS_NAMES", "@streq r", "%{ARGS_GET.r}"), "A");
    expected.put(logRule(5, 1, "&ARGS_GET", "@eq 3", "%{MATCHED_VAR}"), "3");
    expected.put(logRule(6, 2, "ARGS", "@streq x", "%{MATCHED_VAR_NAME}"), "ARGS:q");
    assertEachAloneAndTogether(expected, "/page?q=x&r=%41&s", null);
  }

  @Test
  void aQueryEncodingErrorAndTheQueryArgumentsWhateverIsReadFirst() {
    String error = logRule(1, 1, "URLENCODED_ERROR", "@eq 1", "%{URLENCODED_ERROR}");
    String count = logRule(2, 1, "&ARGS_GET", "@eq 2", "%{MATCHED_VAR}");
    for (String rules : List.of(error + count, count + error)) {
      assertThat(run(rules, "/page?a=%zz&b=2", null)).containsOnly(Map.entry(1L, "1"), Map.entry(2L, "2"));
      assertThat(run(rules, "/page?a=%41&b=2", null)).containsOnly(Map.entry(2L, "2"));
    }
    String byMacro = "SecAction \"id:3,phase:1,pass,log,logdata:'%{URLENCODED_ERROR}'\"\n";
    assertThat(run(byMacro, "/page?a=%zz", null)).containsOnly(Map.entry(3L, "1"));
    assertThat(run(byMacro, "/page?a=%41", null)).containsOnly(Map.entry(3L, ""));
  }

  @Test
  void theQueryArgumentsComeFirstAndCountAgainstTheLimitWhicheverCollectionIsReadFirst() {
    String limit = "SecArgumentsLimit 3\n";
    String post = logRule(2, 2, "&ARGS_POST", "@eq 1", "%{ARGS_POST.c}");
    String get = logRule(3, 2, "&ARGS_GET", "@eq 2", "%{ARGS_GET.b}");
    String all = "SecRule ARGS_NAMES \"@rx .\" \"id:4,phase:2,pass,nolog,setvar:'tx.names=%{tx.names}%{MATCHED_VAR}'\"\n"
        + logRule(5, 2, "TX:names", "@rx .", "%{TX.names}");
    for (String rules : List.of(post + get + all, get + post + all, all + post + get)) {
      Map<Long, String> matched = run(limit + rules, "/form?a=1&b=2", "c=3&d=4");
      assertThat(matched).containsEntry(2L, "3").containsEntry(3L, "2").containsEntry(5L, "abc");
    }
  }

  @Test
  void everyWayOfReadingSeesTheCookiesOfEveryCookieHeaderInOrder() {
    String[] headers = {"Cookie", "a=1; b=2", "Accept", "*/*", "Cookie", "c=3"};
    Map<String, String> expected = new java.util.LinkedHashMap<>();
    expected.put(logRule(1, 1, "&REQUEST_COOKIES", "@eq 3", "%{MATCHED_VAR}"), "3");
    expected.put(logRule(2, 1, "REQUEST_COOKIES_NAMES", "@streq c", "%{MATCHED_VAR_NAME}"), "REQUEST_COOKIES_NAMES:c");
    expected.put(logRule(3, 1, "REQUEST_COOKIES:b", "@streq 2", "%{REQUEST_COOKIES.c}"), "3");
    expected.put("SecAction \"id:4,phase:1,pass,log,logdata:'%{REQUEST_COOKIES.a}'\"\n", "1");
    expected.put("SecRule REQUEST_COOKIES_NAMES \"@rx .\" \"id:50,phase:2,pass,nolog,setvar:'tx.names=%{tx.names}%{MATCHED_VAR}'\"\n"
        + logRule(5, 2, "TX:names", "@rx .", "%{TX.names}"), "abc");
    assertEachAloneAndTogether(expected, "/page", null, headers);
  }

  @Test
  void theRequestBodyVariableIsTheBodyWhicheverWayItIsFirstRead() {
    String body = "a=1&b=%41+B";
    Map<String, String> expected = new java.util.LinkedHashMap<>();
    expected.put(logRule(1, 2, "REQUEST_BODY", "@contains b=%41", "%{MATCHED_VAR}"), body);
    expected.put(logRule(2, 2, "&REQUEST_BODY", "@eq 1", "%{REQUEST_BODY_LENGTH}"), "11");
    expected.put("SecAction \"id:3,phase:2,pass,log,logdata:'%{REQUEST_BODY}'\"\n", body);
    expected.put(logRule(4, 2, "ARGS:b", "@streq A B", "%{REQUEST_BODY}"), body);
    assertEachAloneAndTogether(expected, "/form", body);
  }
}

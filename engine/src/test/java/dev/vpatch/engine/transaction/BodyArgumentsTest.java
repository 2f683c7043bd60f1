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
 * The body's arguments are added when a rule first reads them (ARGS, ARGS_POST, their NAMES,
 * ARGS_COMBINED_SIZE, a macro): every way of reading sees them, in order after the query's, and
 * the body's errors are there before any argument is read.
 */
class BodyArgumentsTest {
  private static final String CONFIG =
      "SecRuleEngine On\nSecRequestBodyAccess On\n"
          + "SecRule REQUEST_HEADERS:Content-Type \"@rx ^application/json\" "
          + "\"id:10,phase:1,pass,nolog,t:lowercase,ctl:requestBodyProcessor=JSON\"\n";

  /** Runs the request; returns rule id → logdata of every matched rule that logs. */
  private static Map<Long, String> run(String rules, String contentType, String body) {
    RuleSet ruleSet = RuleSet.builder().addText(CONFIG + rules, "rules").build();
    try (Transaction tx = ruleSet.newTransaction()) {
      tx.processConnection("127.0.0.1", 40000, "127.0.0.1", 80);
      tx.processUri("/form?q=x&r=%41", "POST", "HTTP/1.1");
      tx.addRequestHeader("Host", "localhost");
      tx.addRequestHeader("Content-Type", contentType);
      tx.processRequestHeaders();
      byte[] bytes = ByteStrings.bytes(body);
      tx.appendRequestBody(bytes, 0, 3);
      tx.appendRequestBody(bytes, 3, bytes.length - 3);
      tx.processRequestBody();
      tx.processLogging();
      return LoggedMatches.of(tx);
    }
  }

  private static String logRule(int id, String variable, String operator, String logdata) {
    return "SecRule " + variable + " \"" + operator + "\" \"id:" + id + ",phase:2,pass,log,logdata:'" + logdata + "'\"\n";
  }

  /** Two rule sets: the error rule first, then the argument rule first. */
  private static List<String> inBothOrders(String errorRule, String argumentRule) {
    return List.of(errorRule + argumentRule, argumentRule + errorRule);
  }

  @Test
  void everyWayOfReadingSeesTheFormArgumentsWhenItIsTheFirstReaderAndWhenItIsNot() {
    // Names and values of q=x r=A (query) and a=1 b="A B" c="" (body): 2 + 2 + 2 + 4 + 1.
    Map<String, String> expected = new java.util.LinkedHashMap<>();
    expected.put(logRule(1, "ARGS_COMBINED_SIZE", "@eq 11", "%{ARGS_COMBINED_SIZE}"), "11");
    expected.put(logRule(2, "&ARGS", "@eq 5", "%{MATCHED_VAR}"), "5");
    expected.put(logRule(3, "ARGS_POST_NAMES", "@streq b", "%{MATCHED_VAR_NAME}"), "ARGS_POST_NAMES:b");
    expected.put(logRule(4, "ARGS_NAMES", "@streq c", "%{ARGS.c}"), "");
    expected.put(logRule(5, "ARGS:b", "@streq A B", "%{MATCHED_VAR}"), "A B");
    expected.put(logRule(6, "ARGS_POST", "@rx ^1$", "%{ARGS_POST.b}"), "A B");
    expected.put(logRule(7, "&ARGS_POST", "@eq 3", "%{MATCHED_VAR}"), "3");
    expected.put(logRule(8, "ARGS_GET", "@streq A", "%{ARGS_POST.a}"), "1");
    String body = "a=1&b=%41+B&c";
    Map<Long, String> all = new TreeMap<>();
    long id = 1;
    for (Map.Entry<String, String> rule : expected.entrySet()) {
      assertThat(run(rule.getKey(), "application/x-www-form-urlencoded", body)).containsOnly(Map.entry(id, rule.getValue()));
      all.put(id++, rule.getValue());
    }
    assertThat(run(String.join("", expected.keySet()), "application/x-www-form-urlencoded", body)).isEqualTo(all);
  }

  @Test
  void aMacroIsTheFirstReader() {
    String rules =
        "SecAction \"id:1,phase:2,pass,nolog,setvar:tx.seen=%{ARGS.b}\"\n" + logRule(2, "TX:seen", "@streq 2", "%{TX.seen}");
    assertThat(run(rules, "application/x-www-form-urlencoded", "a=1&b=2")).containsOnlyKeys(2L);
  }

  @Test
  void jsonArgumentsAndTheirErrorsWhateverIsReadFirst() {
    for (String rules :
        inBothOrders(
            logRule(1, "REQBODY_ERROR", "@eq 1", "%{REQBODY_ERROR_MSG}"),
            logRule(2, "ARGS_NAMES", "@beginsWith json", "%{MATCHED_VAR}"))) {
      Map<Long, String> matched = run(rules, "application/json", "{\"a\":[1,{\"b\":2}],\"c\":");
      assertThat(matched.get(1L)).startsWith("JSON parsing error: ");
      assertThat(matched.get(2L)).isEqualTo("json.a.array_1.b");
    }
  }

  @Test
  void aFormsEncodingErrorAndItsArgumentsWhateverIsReadFirst() {
    // A form body is parsed only when read: the error alone, the error by macro, and the
    // arguments before or after the error all see one parse.
    String byMacro = "SecAction \"id:3,phase:2,pass,log,logdata:'%{URLENCODED_ERROR}'\"\n";
    for (String rules :
        inBothOrders(
            logRule(1, "URLENCODED_ERROR", "@eq 1", "%{URLENCODED_ERROR}"),
            logRule(2, "&ARGS_POST", "@eq 2", "%{MATCHED_VAR}"))) {
      assertThat(run(rules, "application/x-www-form-urlencoded", "a=%zz&b=2")).containsOnly(Map.entry(1L, "1"), Map.entry(2L, "2"));
      assertThat(run(rules, "application/x-www-form-urlencoded", "a=%41&b=2")).containsOnly(Map.entry(2L, "2"));
    }
    assertThat(run(byMacro, "application/x-www-form-urlencoded", "a=%zz")).containsOnly(Map.entry(3L, "1"));
    assertThat(run(byMacro, "application/x-www-form-urlencoded", "a=%41")).containsOnly(Map.entry(3L, ""));
  }

  @Test
  void aJsonBodysErrorFlagsAreSetWhetherAMacroACountOrTheirKinReadsThem() {
    // The error flags are the only thing read: ARGS is left unparsed, the flags are not.
    String byMacro = "SecAction \"id:1,phase:2,pass,log,logdata:'%{REQBODY_ERROR}%{REQBODY_ERROR_MSG}'\"\n";
    String byCount = logRule(2, "&REQBODY_ERROR", "@eq 1", "%{REQBODY_ERROR}");
    String byKin = logRule(3, "REQBODY_PROCESSOR_ERROR", "@eq 1", "%{REQBODY_PROCESSOR_ERROR_MSG}");
    String invalid = "{\"a\":";
    String valid = "{\"a\":1}";
    assertThat(run(byMacro, "application/json", invalid).get(1L)).startsWith("1JSON parsing error: ");
    assertThat(run(byMacro, "application/json", valid)).containsExactly(Map.entry(1L, "0"));
    assertThat(run(byCount, "application/json", invalid)).containsExactly(Map.entry(2L, "1"));
    assertThat(run(byCount, "application/json", valid)).containsExactly(Map.entry(2L, "0"));
    assertThat(run(byKin, "application/json", invalid).get(3L)).startsWith("JSON parsing error: ");
    assertThat(run(byKin, "application/json", valid)).isEmpty();
  }

  @Test
  void noRuleReadingArgumentsStillSeesEveryBodyError() {
    String rules =
        logRule(1, "REQBODY_ERROR", "@eq 1", "%{REQBODY_ERROR_MSG}") + logRule(2, "URLENCODED_ERROR", "@eq 1", "x");
    assertThat(run(rules, "application/json", "[1,2")).containsOnlyKeys(1L);
    assertThat(run(rules, "application/x-www-form-urlencoded", "a=%zz")).containsOnlyKeys(2L);
    assertThat(run(rules, "application/x-www-form-urlencoded", "a=1")).isEmpty();
  }
}

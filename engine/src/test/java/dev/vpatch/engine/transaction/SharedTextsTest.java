package dev.vpatch.engine.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.ByteStrings;
import dev.vpatch.engine.LoggedMatches;
import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.Transaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Equal argument texts share one instance, and with it what the transaction learns about it:
 * every member must still be matched, transformed and named as itself.
 */
class SharedTextsTest {
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void shareReturnsAnEqualTextTheFirstInstanceOfNearlyEveryRepeatAndLongTextsThemselves(long seed) {
    Random random = new Random(seed);
    SharedTexts shared = new SharedTexts();
    Map<String, String> first = new HashMap<>();
    int repeats = 0;
    int sharedRepeats = 0;
    // Few letters and short lengths: many repeats, and crowded neighbourhoods in the table.
    for (int i = 0; i < 5_000; i++) {
      int length = random.nextInt(random.nextInt(10) == 0 ? 100 : 6);
      StringBuilder text = new StringBuilder();
      for (int c = 0; c < length; c++) text.append((char) ('a' + random.nextInt(3)));
      String instance = new String(text);
      String returned = shared.share(instance);
      assertThat(returned).isEqualTo(instance);
      if (instance.length() > SharedTexts.MAX_LENGTH) {
        assertThat(returned).isSameAs(instance);
        continue;
      }
      String earlier = first.putIfAbsent(instance, instance);
      if (earlier == null) continue;
      repeats++;
      assertThat(returned).isIn(earlier, instance);
      if (returned == earlier) sharedRepeats++;
    }
    assertThat(sharedRepeats).isGreaterThan(repeats * 9 / 10);
  }

  /** {@code "Aa"} and {@code "BB"} have one String hash: any sequence of them collides. */
  @Test
  void textsBuiltToCollideAreReturnedEqualTheFirstFewSharedAndTheRestNotLookedThrough() {
    List<String> colliding = new ArrayList<>();
    for (int bits = 0; bits < 1 << 12; bits++) {
      StringBuilder text = new StringBuilder();
      for (int b = 0; b < 12; b++) text.append((bits >> b & 1) == 0 ? "Aa" : "BB");
      colliding.add(text.toString());
    }
    assertThat(colliding.stream().map(String::hashCode).distinct()).hasSize(1);
    SharedTexts shared = new SharedTexts();
    for (String text : colliding) assertThat(shared.share(text)).isSameAs(text);
    for (String text : colliding) {
      String copy = new String(text);
      assertThat(shared.share(copy)).isEqualTo(text);
    }
    assertThat(shared.share(new String(colliding.get(0)))).isSameAs(colliding.get(0));
    // Past the few slots a text looks at, colliding texts were not kept: no walk over them all.
    String late = new String(colliding.get(100));
    assertThat(shared.share(late)).isSameAs(late);
  }

  private static Map<Long, String> run(String rules, String body) {
    RuleSet ruleSet =
        RuleSet.builder().addText("SecRuleEngine On\nSecRequestBodyAccess On\n" + rules, "rules").build();
    try (Transaction tx = ruleSet.newTransaction()) {
      tx.processConnection("127.0.0.1", 40000, "127.0.0.1", 80);
      tx.processUri("/order?qty=2&qty=2", "POST", "HTTP/1.1");
      tx.addRequestHeader("Host", "localhost");
      tx.addRequestHeader("Content-Type", "application/x-www-form-urlencoded");
      tx.processRequestHeaders();
      byte[] bytes = ByteStrings.bytes(body);
      tx.appendRequestBody(bytes, 0, bytes.length);
      tx.processRequestBody();
      tx.processLogging();
      return LoggedMatches.of(tx);
    }
  }

  @Test
  void everyMemberWithARepeatedValueIsMatchedAndNamedAsItself() {
    String rules = String.join("\n",
        "SecRule ARGS \"@rx ^select$\" \"id:1,phase:2,pass,nolog,t:lowercase,setvar:'tx.hits=%{tx.hits} %{MATCHED_VAR_NAME}'\"",
        "SecRule TX:hits \"@rx .\" \"id:2,phase:2,pass,log,logdata:'%{tx.hits}'\"",
        "SecRule &ARGS:qty \"@eq 4\" \"id:3,phase:2,pass,log,logdata:'%{MATCHED_VAR}'\"",
        "SecRule ARGS_NAMES \"@streq qty\" \"id:4,phase:2,pass,log,setvar:tx.names=+1,logdata:'%{tx.names}'\"",
        "");
    Map<Long, String> logged = run(rules, "a=SeLeCt&b=select&c=SeLeCt&d=other&qty=2&qty=2");
    assertThat(logged.get(2L)).isEqualTo(" ARGS:a ARGS:b ARGS:c");
    assertThat(logged.get(3L)).isEqualTo("4");
    assertThat(logged.get(4L)).isEqualTo("4");
  }

  @Test
  void aRepeatedValueIsTransformedForEachChainWhicheverMemberAsksFirst() {
    List<String> rules = new ArrayList<>();
    rules.add("SecRule ARGS:a \"@rx ^x y$\" \"id:1,phase:2,pass,log,t:urlDecode\"");
    rules.add("SecRule ARGS:b \"@rx ^x\\+y$\" \"id:2,phase:2,pass,log\"");
    rules.add("SecRule ARGS:c \"@rx ^X Y$\" \"id:3,phase:2,pass,log,t:urlDecode,t:uppercase\"");
    rules.add("");
    // The form decodes "x%2By" to "x+y" in each of the three members.
    Map<Long, String> logged = run(String.join("\n", rules), "a=x%2By&b=x%2By&c=x%2By");
    assertThat(logged).containsOnlyKeys(1L, 2L, 3L);
  }
}

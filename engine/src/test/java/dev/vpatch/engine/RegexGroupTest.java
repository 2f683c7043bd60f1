package dev.vpatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.operators.GroupedOperator;
import dev.vpatch.engine.operators.RegexGroup;
import dev.vpatch.engine.rules.CompiledRuleSet;
import dev.vpatch.engine.rules.Rule;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Regexes the literal prefilter cannot narrow share one union search per value when they read the
 * same targets through the same transformations between the same flow-control points; each rule
 * still matches, captures and negates exactly as alone.
 */
class RegexGroupTest {
  private static final String RULES = String.join("\n",
      "SecRuleEngine On",
      // 1-3: no literal (1, 2) or one-character ones (3), same targets and transformations.
      "SecRule ARGS_NAMES|ARGS \"@rx (?i)b[\\\"'\\\\]*a[\\\"'\\\\]*s[\\\"'\\\\]*h\\b\" \"id:1,phase:2,pass,log,capture,t:none,logdata:'%{TX.0}'\"",
      "SecRule ARGS_NAMES|ARGS \"@rx ^[0-9]{5,}$\" \"id:2,phase:2,pass,log,t:none\"",
      "SecRule ARGS_NAMES|ARGS \"@rx [;|]\\s*i[\\\"']*d\\b\" \"id:3,phase:2,pass,log,t:none\"",
      // Negated, a required literal, other transformations, other targets: each alone.
      "SecRule ARGS_NAMES|ARGS \"!@rx ^[a-z0-9 ;|=.]*$\" \"id:4,phase:2,pass,log,t:none\"",
      "SecRule ARGS_NAMES|ARGS \"@rx /etc/passwd\" \"id:5,phase:2,pass,log,t:none\"",
      "SecRule ARGS_NAMES|ARGS \"@rx ^\\W{4}\" \"id:6,phase:2,pass,log,t:none,t:lowercase\"",
      "SecRule REQUEST_HEADERS \"@rx ^\\W{5}\" \"id:7,phase:2,pass,log,t:none\"",
      // Past a skip the rules form a stretch of their own.
      "SecRule ARGS:skip \"@streq yes\" \"id:8,phase:2,pass,nolog,skipAfter:END\"",
      "SecRule ARGS_NAMES|ARGS \"@rx ^\\W{3}\" \"id:9,phase:2,pass,log,t:none\"",
      "SecRule ARGS_NAMES|ARGS \"@rx ^\\d{3}\\W\" \"id:10,phase:2,pass,log,t:none\"",
      "SecMarker END",
      "");

  private static final RuleSet RULE_SET = RuleSet.builder().addText(RULES, "rules").build();

  /** Rule id → logdata of every logged match for a request with this query. */
  private static Map<Long, String> request(String query) {
    try (Transaction tx = RULE_SET.newTransaction()) {
      tx.processConnection("127.0.0.1", 40000, "127.0.0.1", 80);
      tx.processUri("/page?" + query, "GET", "HTTP/1.1");
      tx.addRequestHeader("Host", "localhost");
      tx.processRequestHeaders();
      tx.processRequestBody();
      tx.processLogging();
      return LoggedMatches.of(tx);
    }
  }

  @Test
  void onlyUnfilteredRegexesReadingTheSameValuesTheSameWayShareAGroup() {
    Map<Long, Object> groupOf = new HashMap<>();
    for (Rule rule : ((CompiledRuleSet) RULE_SET).phase(2)) {
      if (rule.operator() instanceof GroupedOperator grouped) {
        assertThat(grouped.group()).isInstanceOf(RegexGroup.class);
        groupOf.put(rule.id(), grouped.group());
      }
    }
    assertThat(groupOf.keySet()).isEqualTo(Set.of(1L, 2L, 3L, 9L, 10L));
    assertThat(groupOf.get(1L)).isSameAs(groupOf.get(2L)).isSameAs(groupOf.get(3L));
    assertThat(groupOf.get(9L)).isSameAs(groupOf.get(10L)).isNotSameAs(groupOf.get(1L));
  }

  @Test
  void eachGroupedRuleMatchesAndCapturesAsItsOwnSearchWould() {
    assertThat(request("q=plain+text")).isEmpty();
    assertThat(request("q=b%22a%27sh+-c")).containsOnly(Map.entry(1L, "b\"a'sh"), Map.entry(4L, ""));
    assertThat(request("zip=1234567")).containsOnly(Map.entry(2L, ""));
    assertThat(request("cmd=x%3B+id")).containsOnly(Map.entry(3L, ""));
    assertThat(request("bash=1;id")).containsOnly(Map.entry(1L, "bash"), Map.entry(3L, ""));
    assertThat(request("a=!!!&b=123-")).containsOnly(Map.entry(4L, ""), Map.entry(9L, ""), Map.entry(10L, ""));
    assertThat(request("skip=yes&a=!!!")).containsOnly(Map.entry(4L, ""));
  }
}

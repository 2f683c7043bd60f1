package dev.vpatch.engine.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.MatchedRule;
import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.Transaction;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A regex rule skips a collection when no member holds a literal it needs; these cases would match
 * wrongly or miss if the skip looked at stale or untransformed members.
 */
class CollectionFormsTest {
  private static List<Long> matchedIds(String rules, String uri, String... headers) {
    Transaction tx = RuleSet.builder().addText(rules, "rules.conf").build().newTransaction();
    tx.processConnection("10.0.0.1", 5555, "127.0.0.1", 80);
    tx.processUri(uri, "GET", "HTTP/1.1");
    for (int i = 0; i < headers.length; i += 2) tx.addRequestHeader(headers[i], headers[i + 1]);
    tx.processRequestHeaders();
    tx.processRequestBody();
    return tx.matchedRules().stream().map(MatchedRule::ruleId).toList();
  }

  @Test
  void aCollectionChangedBetweenRulesIsLookedAtAgain() {
    String rules = String.join("\n",
        "SecAction \"id:1,phase:1,pass,nolog,setvar:tx.first=harmless\"",
        "SecRule TX \"@rx select\" \"id:2,phase:1,pass,log\"",
        "SecAction \"id:3,phase:1,pass,nolog,setvar:tx.second=union select\"",
        "SecRule TX \"@rx select\" \"id:4,phase:1,pass,log\"");
    assertThat(matchedIds(rules, "/")).contains(4L).doesNotContain(2L);
  }

  @Test
  void literalsAreLookedForAfterTheRulesTransformations() {
    String rules = String.join("\n",
        "SecRule ARGS \"@rx select\" \"id:1,phase:1,pass,log\"",
        "SecRule ARGS \"@rx select\" \"id:2,phase:1,pass,log,t:urlDecodeUni,t:lowercase\"",
        "SecRule ARGS_NAMES \"@rx select\" \"id:3,phase:1,pass,log,t:lowercase\"");
    assertThat(matchedIds(rules, "/?q=SE%254cECT&SELECTED=1")).containsExactly(2L, 3L);
  }

  /**
   * A step that changes no member shares its parent's forms; one that changes only a later member
   * keeps the earlier members' forms: each rule still sees every member after its own chain.
   */
  @Test
  void stepsThatChangeNoMemberOrOnlyALaterOneLeaveEveryMemberAsItsChainMakesIt() {
    String rules = String.join("\n",
        "SecRule ARGS \"@rx select\" \"id:1,phase:1,pass,log,t:lowercase\"",
        "SecRule ARGS \"@rx ^abc$\" \"id:2,phase:1,pass,log,t:lowercase\"",
        "SecRule ARGS \"@rx select\" \"id:3,phase:1,pass,log,t:urlDecodeUni\"",
        "SecRule ARGS \"@rx select\" \"id:4,phase:1,pass,log,t:urlDecodeUni,t:lowercase\"",
        "SecRule ARGS \"@rx ^def$\" \"id:5,phase:1,pass,log,t:urlDecodeUni,t:lowercase\"",
        "SecRule ARGS \"@rx SELECT\" \"id:6,phase:1,pass,log,t:urlDecodeUni\"");
    assertThat(matchedIds(rules, "/?a=abc&b=def&c=SELECT")).containsExactly(1L, 2L, 4L, 5L, 6L);
  }

  @Test
  void aSkippedCollectionDoesNotHideOtherTargetsOfTheSameRule() {
    String rules = "SecRule ARGS|REQUEST_HEADERS \"@rx union\" \"id:1,phase:1,pass,log,t:lowercase\"";
    assertThat(matchedIds(rules, "/?a=1", "X-Probe", "1 UNION 2")).containsExactly(1L);
    assertThat(matchedIds(rules, "/?a=1", "X-Probe", "benign")).isEmpty();
  }

  @Test
  void exclusionsStillApplyWhenTheCollectionMayMatch() {
    String rules = "SecRule ARGS|!ARGS:safe \"@rx union\" \"id:1,phase:1,pass,log\"";
    assertThat(matchedIds(rules, "/?safe=union")).isEmpty();
    assertThat(matchedIds(rules, "/?safe=union&other=union")).containsExactly(1L);
  }

  @Test
  void aMultiMatchRuleFindsItsLiteralInWhicheverFormHasIt() {
    String rules = "SecRule ARGS \"@rx select\" \"id:1,phase:1,pass,log,multiMatch,t:base64Decode\"";
    assertThat(matchedIds(rules, "/?q=select")).containsExactly(1L);
    assertThat(matchedIds(rules, "/?q=c2VsZWN0")).containsExactly(1L);
    assertThat(matchedIds(rules, "/?q=c2VsZWN")).isEmpty();
  }

  @Test
  void aMultiMatchRuleVisitsEveryMemberWithItsLiteralInAnyFormAndNoOther() {
    // b holds it after base64Decode, d only after base64Decode and urlDecodeUni, e raw.
    String rules = String.join("\n",
        "SecRule ARGS \"@rx select\" \"id:1,phase:1,pass,nolog,multiMatch,t:base64Decode,t:urlDecodeUni,"
            + "setvar:tx.hits=+1,setvar:'tx.names=%{tx.names}%{matched_var_name};'\"",
        "SecRule TX:hits \"@eq 3\" \"id:2,phase:1,pass,log\"",
        "SecRule TX:names \"@streq ARGS:b;ARGS:d;ARGS:e;\" \"id:3,phase:1,pass,log\"");
    assertThat(matchedIds(rules, "/?a=benign&b=c2VsZWN0&c=YmVuaWdu&d=JTczZWxlY3Q%3D&e=select&f=2"))
        .containsExactly(1L, 2L, 3L);
  }

  @Test
  void membersAfterOneRemovedMidRuleAreStillTransformedAndTested() {
    String rules = String.join("\n",
        "SecAction \"id:1,phase:1,pass,nolog,setvar:tx.a=SELECT 1,setvar:tx.b=benign,setvar:tx.c=SELECT 2\"",
        "SecRule TX \"@rx select\" \"id:2,phase:1,pass,nolog,t:lowercase,setvar:!tx.b,setvar:tx.hits=+1\"",
        "SecRule TX:hits \"@eq 2\" \"id:3,phase:1,pass,log\"");
    assertThat(matchedIds(rules, "/")).contains(3L);
  }
}

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

  /**
   * Members whose bytes no step of a chain acts on share their parent's forms, settled for the
   * whole collection or member by member from their byte classes: whatever mix of members a
   * request brings, each rule matches exactly when one member, transformed step by step on its
   * own, holds the literal.
   */
  @org.junit.jupiter.api.RepeatedTest(30)
  void everyRuleSeesEachMemberAsItsOwnChainMakesItWhicheverMembersItsStepsChange(
      org.junit.jupiter.api.RepetitionInfo repetition) {
    java.util.Random random = new java.util.Random(9100 + repetition.getCurrentRepetition());
    String[][] chains = {
        {"lowercase"}, {"urlDecodeUni"}, {"urlDecodeUni", "lowercase"}, {"removeWhitespace"},
        {"urlDecodeUni", "removeWhitespace", "lowercase"}, {"htmlEntityDecode", "lowercase"},
        {"compressWhitespace"}, {"jsDecode", "lowercase"}, {"cmdLine"}, {"base64Decode"}};
    String[] pieces = {"sel", "ect", "SEL", "ECT", "x", "1", "%20", "%73", "+", " ", "\\u0073", "&#115;",
        "s e l e c t", "c2VsZWN0", "se'lect", "_", "-"};
    StringBuilder rules = new StringBuilder();
    for (int k = 0; k < chains.length; k++) {
      rules.append("SecRule ARGS \"@rx select\" \"id:").append(k + 1).append(",phase:1,pass,log");
      for (String step : chains[k]) rules.append(",t:").append(step);
      rules.append("\"\n");
    }
    RuleSet ruleSet = RuleSet.builder().addText(rules.toString(), "rules.conf").build();
    int matches = 0;
    for (int request = 0; request < 40; request++) {
      List<String> values = new java.util.ArrayList<>();
      StringBuilder query = new StringBuilder();
      for (int a = random.nextInt(6) + 1; a > 0; a--) {
        StringBuilder value = new StringBuilder();
        // Mostly plain members, so that many steps change none or only some of them.
        int count = random.nextInt(3) == 0 ? random.nextInt(4) + 1 : 1;
        for (int p = 0; p < count; p++) {
          value.append(random.nextInt(3) == 0 ? pieces[random.nextInt(pieces.length)] : "abc");
        }
        values.add(value.toString());
        query.append(query.length() == 0 ? "?" : "&").append("a").append(a).append('=')
            .append(java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.ISO_8859_1));
      }
      List<Long> expected = new java.util.ArrayList<>();
      for (int k = 0; k < chains.length; k++) {
        for (String value : values) {
          String form = value;
          for (String step : chains[k]) form = dev.vpatch.engine.transformations.Transformations.lookup(step).apply(form);
          if (form.contains("select")) {
            expected.add(k + 1L);
            break;
          }
        }
      }
      Transaction tx = ruleSet.newTransaction();
      tx.processConnection("10.0.0.1", 5555, "127.0.0.1", 80);
      tx.processUri("/" + query, "GET", "HTTP/1.1");
      tx.processRequestHeaders();
      assertThat(tx.matchedRules().stream().map(MatchedRule::ruleId).toList()).as("%s", values)
          .containsExactlyElementsOf(expected);
      matches += expected.size();
    }
    // Both outcomes occur: the requests are neither all benign nor all matched by every chain.
    assertThat(matches).isBetween(5, 40 * chains.length - 40);
  }

  @Test
  void membersAfterOneRemovedMidRuleAreStillTransformedAndTested() {
    String rules = String.join("\n",
        "SecAction \"id:1,phase:1,pass,nolog,setvar:tx.a=SELECT 1,setvar:tx.b=benign,setvar:tx.c=SELECT 2\"",
        "SecRule TX \"@rx select\" \"id:2,phase:1,pass,nolog,t:lowercase,setvar:!tx.b,setvar:tx.hits=+1\"",
        "SecRule TX:hits \"@eq 2\" \"id:3,phase:1,pass,log\"");
    assertThat(matchedIds(rules, "/")).contains(3L);
  }
  /**
   * A byte-range or encoding check skips the members (and whole collections) whose byte classes
   * hold none of the bytes it refuses: over random bytes, ranges whose refused bytes have classes
   * of their own and ranges that refuse letters or digits (which have none), raw and after a
   * transformation, each rule still matches exactly the members the operator alone would.
   */
  @org.junit.jupiter.api.RepeatedTest(25)
  void byteCheckingOperatorsMatchExactlyTheMembersTheyWouldTestOneByOne(
      org.junit.jupiter.api.RepetitionInfo repetition) {
    java.util.Random random = new java.util.Random(4400 + repetition.getCurrentRepetition());
    String[][] checks = {
        {"validateByteRange", "1-255"}, {"validateByteRange", "9,10,13,32-126,128-255"},
        {"validateByteRange", "32-126"}, {"validateByteRange", "38,44-46,48-58,61,65-90,95,97-122"},
        {"validateByteRange", "65-90"}, {"validateByteRange", "0-255"},
        {"validateUtf8Encoding", ""}, {"validateUrlEncoding", ""}};
    String[] chains = {"", "t:urlDecodeUni"};
    StringBuilder rules = new StringBuilder("SecAction \"id:1,phase:1,pass,nolog");
    for (int k = 0; k < checks.length * chains.length; k++) rules.append(",setvar:tx.hits_").append(k).append("=0");
    rules.append("\"\n");
    for (int k = 0; k < checks.length * chains.length; k++) {
      String[] check = checks[k / chains.length];
      rules.append("SecRule ARGS|ARGS_NAMES \"@").append(check[0]).append(' ').append(check[1])
          .append("\" \"id:").append(10 + k).append(",phase:1,pass,nolog,t:none")
          .append(chains[k % chains.length].isEmpty() ? "" : "," + chains[k % chains.length])
          .append(",setvar:tx.hits_").append(k).append("=+1\"\n");
    }
    rules.append("SecAction \"id:99,phase:1,pass,log,logdata:'");
    for (int k = 0; k < checks.length * chains.length; k++) rules.append("%{tx.hits_").append(k).append("} ");
    rules.append("'\"\n");
    RuleSet ruleSet = RuleSet.builder().addText(rules.toString(), "rules.conf").build();
    // Mostly letters, so that many members and whole requests hold no refused byte.
    String plain = "abcxyzABCXYZ0129=_-.";
    String rare = "\u0000\t\n\r %+&'\"<\u007f\u0080\u00a0\u00c3\u00a9\u00e2\u0082\u00ac\u00ed\u00a0\u0080\u00ff";
    int[] totals = new int[checks.length * chains.length];
    for (int request = 0; request < 30; request++) {
      List<String> members = new java.util.ArrayList<>();
      StringBuilder query = new StringBuilder();
      for (int a = random.nextInt(5) + 1; a > 0; a--) {
        String name = randomBytes(random, plain, rare, 4);
        String value = randomBytes(random, plain, rare, 12);
        members.add(name);
        members.add(value);
        query.append(query.length() == 0 ? "?" : "&").append(percentEncoded(name)).append('=').append(percentEncoded(value));
      }
      StringBuilder expected = new StringBuilder();
      for (int k = 0; k < checks.length * chains.length; k++) {
        String[] check = checks[k / chains.length];
        dev.vpatch.engine.operators.Operator operator = dev.vpatch.engine.operators.Operators.lookup(check[0])
            .create(dev.vpatch.engine.operators.OperatorArgument.of(check[1]));
        int hits = 0;
        for (String member : members) {
          String form = k % chains.length == 0
              ? member
              : dev.vpatch.engine.transformations.Transformations.lookup("urlDecodeUni").apply(member);
          if (operator.matches(null, form)) hits++;
        }
        totals[k] += hits;
        expected.append(hits).append(' ');
      }
      Transaction tx = ruleSet.newTransaction();
      tx.processConnection("10.0.0.1", 5555, "127.0.0.1", 80);
      tx.processUri("/" + query, "GET", "HTTP/1.1");
      tx.processRequestHeaders();
      MatchedRule summary = tx.matchedRules().stream().filter(m -> m.ruleId() == 99).findFirst().orElseThrow();
      assertThat(summary.data()).as("%s", members).isEqualTo(expected.toString());
    }
    // Each check both matched and passed some members over the requests.
    for (int k = 0; k < totals.length; k++) {
      if (checks[k / chains.length][1].equals("0-255")) continue;
      assertThat(totals[k]).as("check %d", k).isPositive();
    }
  }

  private static String randomBytes(java.util.Random random, String plain, String rare, int maxLength) {
    StringBuilder out = new StringBuilder();
    for (int n = random.nextInt(maxLength) + 1; n > 0; n--) {
      out.append(random.nextInt(4) == 0 ? rare.charAt(random.nextInt(rare.length())) : plain.charAt(random.nextInt(plain.length())));
    }
    return out.toString();
  }

  /** Every byte but letters and digits as %XX, so the query decodes to exactly these bytes. */
  private static String percentEncoded(String bytes) {
    StringBuilder out = new StringBuilder();
    for (char c : bytes.toCharArray()) {
      if (Character.isLetterOrDigit(c) && c < 0x80) out.append(c);
      else out.append('%').append(String.format("%02X", (int) c));
    }
    return out.toString();
  }
}

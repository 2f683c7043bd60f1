package dev.vpatch.engine.operators.regex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.operators.CrsRuleFiles;
import dev.vpatch.engine.operators.regex.dfa.RandomByteStrings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A union answers "no member can match" only when none of its patterns, each searched alone,
 * matches; and for inputs its DFA decides, it answers "may match" only when one does.
 */
class RegexUnionTest {
  private static final int MEMBERS = 6;
  private static final int RANDOM_INPUTS_PER_UNION = 200;

  private static RegexUnion union(String... patterns) {
    List<PcrePattern> compiled = new ArrayList<>();
    for (String pattern : patterns) compiled.add(PcrePattern.compile(pattern));
    return RegexUnion.of(compiled);
  }

  @Test
  void theUnionMatchesWhatAnyMemberMatchesAndNothingElse() {
    RegexUnion union = union("(?i)\\bunion\\b.{1,100}?\\bselect\\b", "^(?:json\\.)?ba[s]h\\b", "[;|&]\\s*id\\b");
    assertThat(union.mayMatchAny("1 UNION all SELECT x")).isTrue();
    assertThat(union.mayMatchAny("bash -c")).isTrue();
    assertThat(union.mayMatchAny("json.bash")).isTrue();
    assertThat(union.mayMatchAny("x; id")).isTrue();
    assertThat(union.mayMatchAny("union then nothing")).isFalse();
    assertThat(union.mayMatchAny("a bash")).isFalse();
    assertThat(union.mayMatchAny("Springfield")).isFalse();
  }

  @Test
  void eachMemberKeepsItsInlineFlagsToItself() {
    RegexUnion union = union("(?i)abc", "def");
    assertThat(union.mayMatchAny("ABC")).isTrue();
    assertThat(union.mayMatchAny("def")).isTrue();
    assertThat(union.mayMatchAny("DEF")).isFalse();
  }

  @Test
  void patternsThatCannotShareADfaMakeNoUnion() {
    assertThat(union()).isNull();
    // A back-reference runs on the bounded backtracker, not on a DFA.
    assertThat(union("(a)\\1", "b")).isNull();
  }

  @Test
  void theUnionKeepsPcresRuleForACaretAfterAFinalNewline() {
    RegexUnion union = union("^x", "abc");
    // PCRE: a multiline ^ never matches after the newline that ends the subject.
    assertThat(PcrePattern.compile("^x").find("a\n")).isFalse();
    assertThat(union.mayMatchAny("a\n")).isFalse();
    assertThat(union.mayMatchAny("a\nx")).isTrue();
  }

  @Test
  void noCrsUnionMissesAMatchOfOneOfItsPatterns() {
    List<String> payloads = CrsRegressionStrings.all();
    RandomByteStrings random = new RandomByteStrings(20261127);
    List<CrsRuleFiles.RuleOperator> members = new ArrayList<>();
    List<String> misses = new ArrayList<>();
    int unions = 0;
    long checked = 0;
    long matches = 0;
    long spurious = 0;
    for (CrsRuleFiles.RuleOperator op : CrsRuleFiles.operators()) {
      if (!op.name().equals("rx")) continue;
      if (!(PcrePattern.compile(op.argument()) instanceof Re2Pattern pattern) || !pattern.usesDfa()) continue;
      members.add(op);
      if (members.size() < MEMBERS) continue;
      List<PcrePattern> patterns = members.stream().map(m -> PcrePattern.compile(m.argument())).toList();
      RegexUnion union = RegexUnion.of(patterns);
      if (union != null) {
        unions++;
        List<String> inputs = new ArrayList<>(payloads);
        StringBuilder fragments = new StringBuilder();
        for (CrsRuleFiles.RuleOperator m : members) fragments.append(m.argument().replace("\\", ""));
        for (int i = 0; i < RANDOM_INPUTS_PER_UNION; i++) inputs.add(random.next(fragments.toString()));
        for (String input : inputs) {
          checked++;
          boolean anyMember = patterns.stream().anyMatch(p -> p.find(input));
          boolean mayMatch = union.mayMatchAny(input);
          if (anyMember) matches++;
          if (anyMember && !mayMatch && misses.size() < 20) {
            misses.add(members.stream().map(CrsRuleFiles.RuleOperator::id).toList() + " on \""
                + CrsDfaDifferentialTest.escaped(input) + "\"");
          }
          if (!anyMember && mayMatch) spurious++;
        }
      }
      members.clear();
    }
    System.out.printf("CRS unions of %d: %d, %d inputs, %d matches, %d undecided%n", MEMBERS, unions, checked, matches, spurious);
    assertThat(misses).isEmpty();
    assertThat(unions).isGreaterThan(40);
    assertThat(matches).isGreaterThan(checked / 100);
    // The union's DFA decides nearly everything; "may match" without a match is its giving up.
    assertThat(spurious).isLessThan(checked / 1000 + 1);
  }
}

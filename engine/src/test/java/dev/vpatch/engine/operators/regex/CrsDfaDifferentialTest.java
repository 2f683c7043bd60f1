package dev.vpatch.engine.operators.regex;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import dev.vpatch.engine.operators.CrsRuleFiles;
import dev.vpatch.engine.operators.regex.dfa.LazyDfa;
import dev.vpatch.engine.operators.regex.dfa.RandomByteStrings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lazy DFA against RE2/J on every CRS {@code @rx} pattern RE2/J runs: over the CRS regression
 * test payloads and seeded random strings built from each pattern's own text, the DFA must answer
 * exactly as RE2/J's {@code find()} (with RE2's {@code ^}), and {@link Re2Pattern#find(String)}
 * (DFA, PCRE's {@code ^}) exactly as the RE2/J path with its trailing-newline confirmation.
 */
class CrsDfaDifferentialTest {
  private static final int RANDOM_INPUTS_PER_PATTERN = 300;

  private static List<String> payloads;

  @BeforeAll
  static void harvestPayloads() {
    payloads = CrsRegressionStrings.all();
  }

  @Test
  void dfaDecidesLikeRe2OnEveryCrsPatternAndRegressionPayload() {
    RandomByteStrings random = new RandomByteStrings(20261126);
    List<String> disagreements = new ArrayList<>();
    int onDfa = 0;
    int onRe2Only = 0;
    long checked = 0;
    long matches = 0;
    for (CrsRuleFiles.RuleOperator op : CrsRuleFiles.operators()) {
      if (!op.name().equals("rx")) continue;
      if (!(PcrePattern.compile(op.argument()) instanceof Re2Pattern pattern)) continue;
      if (!pattern.usesDfa()) {
        onRe2Only++;
        continue;
      }
      onDfa++;
      Pattern re2 = Pattern.compile(pattern.translated());
      LazyDfa re2Semantics = LazyDfa.compile(pattern.translated(), true);
      List<String> inputs = new ArrayList<>(payloads);
      String fragments = op.argument().replace("\\", "");
      for (int i = 0; i < RANDOM_INPUTS_PER_PATTERN; i++) inputs.add(random.next(fragments));
      // The longest inputs the DFA answers unsearched, being shorter than the pattern's shortest match.
      int minimum = re2Semantics.minimumLength();
      Set<String> belowMinimum = new HashSet<>();
      for (String payload : payloads) {
        if (minimum > 0 && payload.length() >= minimum - 1) belowMinimum.add(payload.substring(0, minimum - 1));
      }
      inputs.addAll(belowMinimum);
      for (String input : inputs) {
        checked++;
        boolean expected = re2.matcher(input).find();
        if (expected) matches++;
        LazyDfa.Result actual = re2Semantics.search(input);
        if (actual != (expected ? LazyDfa.Result.MATCH : LazyDfa.Result.NO_MATCH)) {
          note(disagreements, op, "RE2 semantics", input, expected, actual);
        }
        boolean expectedPcre = needsPcreCaretCheck(input) ? pattern.findWithRe2(input) : expected;
        if (pattern.find(input) != expectedPcre) {
          note(disagreements, op, "Re2Pattern.find", input, expectedPcre, !expectedPcre);
        }
        if (expectedPcre && pattern.find(input, 0) == null) {
          note(disagreements, op, "Re2Pattern.find from 0", input, true, "no match");
        }
      }
    }
    System.out.printf(
        "CRS @rx on the DFA: %d patterns, on RE2/J only: %d; %d inputs checked, %d matches%n",
        onDfa, onRe2Only, checked, matches);
    assertThat(disagreements).isEmpty();
    assertThat(onDfa).isGreaterThan(300);
    assertThat(matches).as("matching inputs of %d", checked).isGreaterThan(checked / 100);
  }

  /** Only a text ending in a newline can tell PCRE's multiline ^ from RE2's. */
  private static boolean needsPcreCaretCheck(String input) {
    return input.endsWith("\n");
  }

  private static void note(List<String> disagreements, CrsRuleFiles.RuleOperator op, String what,
      String input, boolean expected, Object actual) {
    if (disagreements.size() < 20) {
      disagreements.add(op.id() + " " + what + " on \"" + escaped(input) + "\": expected "
          + expected + ", got " + actual);
    }
  }

  static String escaped(String input) {
    StringBuilder out = new StringBuilder();
    for (char c : input.toCharArray()) {
      if (c >= 0x20 && c < 0x7f) out.append(c);
      else out.append(String.format("\\x%02x", (int) c));
    }
    return out.toString();
  }
}

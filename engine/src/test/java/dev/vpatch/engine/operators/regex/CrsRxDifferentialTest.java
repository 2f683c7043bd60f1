package dev.vpatch.engine.operators.regex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.operators.CrsRuleFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the PCRE-to-RE2 translation on real patterns: every CRS {@code @rx} pattern must decide
 * like java.util.regex (a PCRE-like backtracker, with ModSecurity's flags and ASCII {@code \b})
 * on seeded inputs built from fragments of the pattern itself, random bytes and case changes.
 */
class CrsRxDifferentialTest {
  private static final int INPUTS_PER_PATTERN = 60;
  private static final String SEPARATORS = " \n;'\"(<=/";

  @Test
  void re2TranslationDecidesLikeABacktrackerOnEveryCrsPattern() {
    Random random = new Random(20240601);
    List<String> disagreements = new ArrayList<>();
    int matched = 0;
    int total = 0;
    for (CrsRuleFiles.RuleOperator op : CrsRuleFiles.operators()) {
      if (!op.name().equals("rx")) continue;
      PcrePattern re2 = PcrePattern.compile(op.argument());
      Pattern reference =
          Pattern.compile(
              JavaDialect.adapt(op.argument()),
              Pattern.DOTALL | Pattern.MULTILINE | Pattern.UNIX_LINES);
      String fragments = op.argument().replace("\\", "");
      for (int i = 0; i < INPUTS_PER_PATTERN; i++) {
        String input = randomInput(random, fragments);
        boolean expected = reference.matcher(input).find();
        boolean actual = re2.find(input);
        total++;
        if (expected) matched++;
        if (expected != actual && disagreements.size() < 20) {
          disagreements.add(op.id() + " on " + escape(input) + ": expected " + expected);
        }
      }
    }
    assertThat(disagreements).isEmpty();
    assertThat(matched).as("inputs that match, of %d", total).isGreaterThan(total / 20);
  }

  @Test
  void everyCrsMatchContainsOneOfTheRequiredLiterals() {
    Random random = new Random(99);
    List<String> violations = new ArrayList<>();
    int withLiterals = 0;
    int rxCount = 0;
    int checked = 0;
    for (CrsRuleFiles.RuleOperator op : CrsRuleFiles.operators()) {
      if (!op.name().equals("rx")) continue;
      rxCount++;
      PcrePattern pattern = PcrePattern.compile(op.argument());
      List<Set<String>> literalSets = pattern.requiredLiteralSets();
      if (literalSets.isEmpty()) continue;
      withLiterals++;
      String fragments = op.argument().replace("\\", "");
      for (int i = 0; i < INPUTS_PER_PATTERN * 5; i++) {
        String input = randomInput(random, fragments);
        if (!pattern.find(input)) continue;
        checked++;
        String folded = AsciiCase.lower(input);
        Set<String> missed = literalSets.stream()
            .filter(literals -> literals.stream().noneMatch(folded::contains)).findFirst().orElse(null);
        if (missed != null && violations.size() < 20) {
          violations.add(op.id() + " " + missed + " on " + escape(input));
        }
      }
    }
    assertThat(violations).isEmpty();
    assertThat(withLiterals).as("patterns with literals, of %d", rxCount)
        .isGreaterThan(rxCount * 3 / 4);
    assertThat(checked).as("matching inputs checked").isGreaterThan(2_000);
  }

  private static String randomInput(Random random, String fragments) {
    StringBuilder input = new StringBuilder();
    int parts = 1 + random.nextInt(4);
    for (int p = 0; p < parts; p++) {
      switch (random.nextInt(5)) {
        case 0, 1, 2 -> {
          int start = random.nextInt(Math.max(1, fragments.length()));
          int length = 1 + random.nextInt(12);
          String piece = fragments.substring(start, Math.min(fragments.length(), start + length));
          input.append(random.nextBoolean() ? piece : piece.toUpperCase(java.util.Locale.ROOT));
        }
        case 3 -> {
          for (int k = random.nextInt(4); k >= 0; k--) input.append((char) random.nextInt(256));
        }
        default -> input.append(SEPARATORS.charAt(random.nextInt(SEPARATORS.length())));
      }
    }
    return input.toString();
  }

  private static String escape(String input) {
    StringBuilder out = new StringBuilder();
    for (char c : input.toCharArray()) {
      if (c >= 0x20 && c < 0x7f) out.append(c);
      else out.append(String.format("\\x%02x", (int) c));
    }
    return out.toString();
  }
}

package dev.vpatch.engine.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class MemberIndexTest {
  @Test
  void candidatesAreTheMembersContainingOneOfTheRequiredLiterals() {
    LiteralPrefilter.Builder b = new LiteralPrefilter.Builder();
    int union = b.add(Set.of("union", "select"));
    int script = b.add(Set.of("<script"));
    int absent = b.add(Set.of("etc/passwd"));
    LiteralPrefilter p = b.build();
    MemberIndex index = index(p, "id=1", "1 UNION all", "<SCRIPT>", "select 1", "plain");

    long[] into = new long[index.memberWords()];
    assertThat(index.mayMatch(p.requirement(union))).isTrue();
    assertThat(index.candidates(p.requirement(union), into)).isTrue();
    assertThat(into[0]).isEqualTo(0b01010L);
    assertThat(index.candidates(p.requirement(script), into)).isTrue();
    assertThat(into[0]).isEqualTo(0b00100L);
    assertThat(index.mayMatch(p.requirement(absent))).isFalse();
    assertThat(index.candidates(p.requirement(absent), into)).isFalse();
  }

  @Test
  void anEmptyCollectionHasNoCandidates() {
    LiteralPrefilter.Builder b = new LiteralPrefilter.Builder();
    int any = b.add(Set.of("a"));
    LiteralPrefilter p = b.build();
    MemberIndex index = new MemberIndex(new long[0][], 0);
    assertThat(index.mayMatch(p.requirement(any))).isFalse();
    assertThat(index.candidates(p.requirement(any), new long[1])).isFalse();
  }

  @RepeatedTest(25)
  void agreesWithTestingEveryMemberOnSeededRandomCollections(RepetitionInfo repetition) {
    Random random = new Random(1000 + repetition.getCurrentRepetition());
    // Enough literals for several bitset words (every other run more than 64 words, beyond what
    // a found set's touched-word mark covers) and enough members for several member words.
    boolean manyWords = repetition.getCurrentRepetition() % 2 == 0;
    List<String> literals = new ArrayList<>();
    for (int i = 0; i < (manyWords ? 5_000 : 150); i++) literals.add(Integer.toString(i * 7919 % 100_003, 36));
    LiteralPrefilter.Builder b = new LiteralPrefilter.Builder();
    List<Integer> handles = new ArrayList<>();
    List<Integer> conjunctions = new ArrayList<>();
    if (manyWords) handles.add(b.add(new java.util.HashSet<>(literals)));
    for (int r = 0; r < 30; r++) {
      // Every third requirement needs a literal of each of two or three sets.
      List<Set<String>> sets = new ArrayList<>();
      for (int s = 0; s < (r % 3 == 0 ? 2 + random.nextInt(2) : 1); s++) {
        Set<String> required = new java.util.HashSet<>();
        for (int k = 0; k <= random.nextInt(6); k++) required.add(literals.get(random.nextInt(literals.size())));
        sets.add(required);
      }
      int handle = b.addAll(sets);
      handles.add(handle);
      if (sets.size() > 1) conjunctions.add(handle);
    }
    LiteralPrefilter p = b.build();
    int size = random.nextInt(200);
    String[] values = new String[size];
    for (int m = 0; m < size; m++) {
      StringBuilder value = new StringBuilder();
      for (int k = 0; k < random.nextInt(4); k++) value.append(literals.get(random.nextInt(literals.size()))).append('-');
      values[m] = value.toString().toUpperCase(Locale.ROOT);
    }
    MemberIndex index = index(p, values);
    long[] into = new long[Math.max(1, index.memberWords())];
    for (int handle : handles) {
      LiteralPrefilter.Requirement requirement = p.requirement(handle);
      boolean any = index.candidates(requirement, into);
      boolean expectedAny = false;
      for (int m = 0; m < size; m++) {
        long[] found = p.newFoundSet();
        p.scan(values[m], found);
        boolean expected = requirement.satisfiedBy(found);
        expectedAny |= expected;
        if (any) assertThat((into[m >>> 6] & (1L << m)) != 0).as("member %d", m).isEqualTo(expected);
      }
      assertThat(any).isEqualTo(expectedAny);
      if (conjunctions.contains(handle)) {
        // The union may hold each set through different members: "may" only.
        if (expectedAny) assertThat(index.mayMatch(requirement)).isTrue();
      } else {
        assertThat(index.mayMatch(requirement)).isEqualTo(expectedAny);
      }
    }
  }

  /** Every other member's found set is compact ({@link LiteralPrefilter#foundIn}): an index takes both. */
  private static MemberIndex index(LiteralPrefilter p, String... values) {
    long[][] found = new long[values.length][];
    long[] scratch = p.newFoundSet();
    for (int m = 0; m < values.length; m++) {
      if (m % 2 == 1) {
        found[m] = p.foundIn(values[m], scratch);
        continue;
      }
      found[m] = p.newFoundSet();
      p.scan(values[m], found[m]);
    }
    return new MemberIndex(found, values.length);
  }
}

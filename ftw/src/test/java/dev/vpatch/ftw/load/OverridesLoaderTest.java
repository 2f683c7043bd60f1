package dev.vpatch.ftw.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpatch.ftw.model.FtwTest;
import dev.vpatch.ftw.model.TestOverride;
import dev.vpatch.ftw.support.CrsDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverridesLoaderTest {
  @TempDir Path temp;

  @Test
  void readsCrsNginxOverrides() {
    List<TestOverride> overrides =
        OverridesLoader.load(CrsDirectory.get().resolve("tests/regression/nginx-overrides.yaml"));

    assertThat(overrides).hasSize(24).allSatisfy(o -> assertThat(o.reason()).isNotBlank());
    TestOverride first = overrides.get(0);
    assertThat(first.ruleId()).isEqualTo(920100);
    assertThat(first.testIds()).containsExactly(4);
    assertThat(first.output().status()).containsExactly(400);
  }

  @Test
  void projectOverridesStayFewAndGiveReasons() {
    List<TestOverride> overrides = OverridesLoader.load(Path.of("crs-overrides.yaml"));

    assertThat(overrides).hasSizeLessThanOrEqualTo(10).allSatisfy(o -> assertThat(o.reason()).hasSizeGreaterThan(20));
  }

  @Test
  void appliesToListedTestsOrToAllTestsOfTheRule() {
    TestOverride some = new TestOverride(920100, List.of(4, 8), "why", null);
    TestOverride all = new TestOverride(920100, List.of(), "why", null);

    assertThat(some.appliesTo(test(920100, 8))).isTrue();
    assertThat(some.appliesTo(test(920100, 5))).isFalse();
    assertThat(some.appliesTo(test(920101, 8))).isFalse();
    assertThat(all.appliesTo(test(920100, 99))).isTrue();
  }

  @Test
  void requiresAReason() throws IOException {
    Path file = Files.writeString(temp.resolve("o.yaml"), "test_overrides:\n  - rule_id: 1\n    test_ids: [2]\n");

    assertThatThrownBy(() -> OverridesLoader.load(file))
        .hasMessageContaining("test_overrides[0]")
        .hasMessageContaining("reason is required");
  }

  private static FtwTest test(long rule, int id) {
    return new FtwTest(Path.of("x.yaml"), rule, id, null, List.of());
  }
}

package dev.vpatch.ftw.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataTemplateTest {
  @Test
  void leavesTextWithoutActionsAlone() {
    assertThat(DataTemplate.expand("")).isEmpty();
    assertThat(DataTemplate.expand("a=1&b={x}")).isEqualTo("a=1&b={x}");
    assertThat(DataTemplate.expand("nul\0byte")).isEqualTo("nul\0byte");
  }

  @Test
  void repeatsPipedAndCalledForms() {
    assertThat(DataTemplate.expand("x={{ \"ab\" | repeat 3 }};")).isEqualTo("x=ababab;");
    assertThat(DataTemplate.expand("{{repeat 2 \"é\"}}")).isEqualTo("éé");
    assertThat(DataTemplate.expand("{{ `raw\\n` | repeat 1 }}")).isEqualTo("raw\\n");
    assertThat(DataTemplate.expand("{{ \"1\" | repeat 0 }}")).isEmpty();
  }

  @Test
  void trimsWhitespaceAroundDashedActions() {
    assertThat(DataTemplate.expand("a \n {{- \"b\" -}} \n c")).isEqualTo("abc");
  }

  @Test
  void unescapesGoStringLiterals() {
    assertThat(DataTemplate.expand("{{ \"a\\\"b\\n\" }}")).isEqualTo("a\"b\n");
  }

  @Test
  void rejectsWhatItCannotEvaluate() {
    assertThatThrownBy(() -> DataTemplate.expand("{{ .Foo }}")).hasMessageContaining("unsupported template action");
    assertThatThrownBy(() -> DataTemplate.expand("{{ \"a\" | repeat x }}")).hasMessageContaining("not a number");
    assertThatThrownBy(() -> DataTemplate.expand("{{ \"a\" | repeat 99999999999 }}")).hasMessageContaining("out of range");
    assertThatThrownBy(() -> DataTemplate.expand("{{ \"a\" ")).hasMessageContaining("unclosed");
  }
}

package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpMatchFromFileOperatorTest {
  @TempDir Path directory;

  @Test
  void readsOneNetworkPerLine() throws IOException {
    Files.writeString(
        directory.resolve("ips.txt"), "# office\n10.0.0.0/8\n\n2001:db8::/32\n 192.0.2.7 \n");
    for (String name : new String[] {"ipMatchFromFile", "ipMatchF"}) {
      Operator operator = create(name, "ips.txt", directory);
      assertThat(operator.matches(TestMatchContext.plain(), "10.1.1.1")).isTrue();
      assertThat(operator.matches(TestMatchContext.plain(), "2001:db8::5")).isTrue();
      assertThat(operator.matches(TestMatchContext.plain(), "192.0.2.7")).isTrue();
      assertThat(operator.matches(TestMatchContext.plain(), "192.0.2.8")).isFalse();
    }
  }

  @Test
  void badLineIsALoadError() throws IOException {
    Files.writeString(directory.resolve("bad.txt"), "10.0.0.0/8\nnot-an-ip\n");
    assertThatThrownBy(() -> create("ipMatchFromFile", "bad.txt", directory))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not-an-ip");
  }
}

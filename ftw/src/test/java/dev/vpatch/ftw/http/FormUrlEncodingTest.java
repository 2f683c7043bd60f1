package dev.vpatch.ftw.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormUrlEncodingTest {
  @Test
  void escapesKeysAndValuesLikeGoQueryEscape() {
    assertThat(encode("a b=c d&x=<script>")).isEqualTo("a+b=c+d&x=%3Cscript%3E");
    assertThat(encode("k=-_.~az09AZ")).isEqualTo("k=-_.~az09AZ");
    assertThat(encode("k=é")).isEqualTo("k=%C3%A9");
    assertThat(encode("k=a=b")).isEqualTo("k=a%3Db");
    assertThat(encode("k=\0")).isEqualTo("k=%00");
  }

  @Test
  void escapesPairsWithoutEqualsSignWhole() {
    assertThat(encode("just text")).isEqualTo("just+text");
    assertThat(encode("a=1&&b=2")).isEqualTo("a=1&&b=2");
  }

  @Test
  void dropsOneTrailingAmpersandAsGoFtwDoes() {
    assertThat(encode("a=1&")).isEqualTo("a=1");
  }

  @Test
  void leavesDataWithEscapesUntouched() {
    assertThat(encode("a=%27 or 1")).isEqualTo("a=%27 or 1");
    assertThat(encode("a=1+1 x")).isEqualTo("a=1+1 x");
    assertThat(encode("a=100%")).isEqualTo("a=100%");
    assertThat(encode("")).isEmpty();
  }

  private static String encode(String data) {
    return new String(FormUrlEncoding.encodePairs(data.getBytes(StandardCharsets.UTF_8)), StandardCharsets.ISO_8859_1);
  }
}

package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.create;
import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpMatchOperatorTest {
  private static final String LIST =
      "127.0.0.1, 10.0.0.0/8,192.168.1.128/25,::1,2001:db8::/32,fe80::1:2:3:4/128";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1", "10.0.0.0", "10.255.255.255", "192.168.1.128", "192.168.1.255", "::1",
        "0:0:0:0:0:0:0:1", "2001:db8::", "2001:DB8:ffff::1", "fe80::1:2:3:4", "fe80:0::1:2:3:4"
      })
  void addressesInsideTheListMatch(String address) {
    assertThat(matches("ipMatch", LIST, address)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "127.0.0.2", "11.0.0.1", "192.168.1.127", "::2", "2001:db9::1", "fe80::1:2:3:5",
        "localhost", "127.0.0.1 ", " 127.0.0.1", "127.0.0.1/32", "127.0.0", "127.0.0.1.1",
        "256.0.0.1", "::ffff:127.0.0.1", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::",
        "127.0.0.1\u0000"
      })
  void otherInputsDoNotMatch(String input) {
    assertThat(matches("ipMatch", LIST, input)).isFalse();
  }

  @Test
  void networkBitsBeyondThePrefixAreIgnored() {
    assertThat(matches("ipMatch", "10.1.2.3/8", "10.200.0.1")).isTrue();
    assertThat(matches("ipMatch", "0.0.0.0/0", "8.8.8.8")).isTrue();
    assertThat(matches("ipMatch", "0.0.0.0/0", "::1")).isFalse();
    assertThat(matches("ipMatch", "::/0", "2001:db8::1")).isTrue();
  }

  @Test
  void embeddedIpv4InIpv6Notation() {
    assertThat(matches("ipMatch", "::ffff:0:0/96", "::ffff:1.2.3.4")).isTrue();
  }

  @Test
  void invalidListsAreLoadErrors() {
    assertThatThrownBy(() -> create("ipMatch", "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> create("ipMatch", "1.2.3.4/33"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> create("ipMatch", "example.com"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> create("ipMatch", "::1/129"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> create("ipMatch", "1.2.3.4/"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

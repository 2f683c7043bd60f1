package dev.vpatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.bench.HttpExchange.Header;
import dev.vpatch.engine.ByteStrings;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The shapes must be the bytes wrk sends for the oracle's scenarios. The digests were taken from
 * {@code DUMP=form|json wrk -s shared/oracle/wrk/dump.lua ...} (wrk 4.1.0, LuaJIT).
 */
class OracleScenariosTest {
  @Test
  void formBodyIsTheBodyOfPostFormLua() {
    HttpExchange form = OracleScenarios.formPost();

    assertThat(form.requestBody()).hasSize(4051);
    assertThat(sha256(form.requestBody()))
        .isEqualTo("d0b05e02770d181d74d3f42e54e7a0471a5edcb4f85e945abd45549f9d7388fb");
    assertThat(form.requestBody().split("&")).hasSize(131);
  }

  @Test
  void jsonBodyIsTheBodyOfPostJsonLua() {
    HttpExchange json = OracleScenarios.jsonPost();

    assertThat(json.requestBody()).hasSize(4055);
    assertThat(sha256(json.requestBody()))
        .isEqualTo("015a18f63f6aa124a21f6a20a04ee29704bda984881cf069e356ffc1c4a38a6f");
  }

  @Test
  void browserGetHasTheTwelveHeadersAndFourArgumentsOfGetLua() {
    HttpExchange get = OracleScenarios.browserGet();

    assertThat(get.uri()).isEqualTo("/app/account.php?reqID=12345&lang=en&view=summary&page=2");
    assertThat(get.requestHeaders()).hasSize(12).contains(
        new Header("Host", "localhost"),
        new Header("Cookie", "SESSIONID=8f14e45fceea167a5a36dedd4bea2543; theme=light; consent=1"));
    assertThat(get.requestBody()).isEmpty();
  }

  @Test
  void jsonPostHeadersFollowPostJsonLua() {
    HttpExchange json = OracleScenarios.jsonPost();

    assertThat(json.requestHeaders()).extracting(Header::name)
        .doesNotContain("Upgrade-Insecure-Requests")
        .endsWith("Content-Type", "Origin", "Content-Length");
    assertThat(json.requestHeaders()).contains(
        new Header("Accept", "application/json"),
        new Header("Sec-Fetch-Dest", "empty"),
        new Header("Sec-Fetch-Mode", "cors"),
        new Header("Content-Length", "4055"));
  }

  @Test
  void largeFormIsAbout64KilobytesWithFewerArgumentsThanTheLimit() {
    HttpExchange form = OracleScenarios.largeFormPost();

    assertThat(form.requestBody().length()).isBetween(60 * 1024, 68 * 1024);
    assertThat(form.requestBody().split("&").length).isLessThan(1000);
  }

  @Test
  void urlEncodingKeepsUnreservedBytesAndEncodesTheRestInUpperCase() {
    assertThat(OracleText.urlEncode("a b-._~Z9")).isEqualTo("a+b-._~Z9");
    assertThat(OracleText.urlEncode("+1 \"x\"/\u00ff\u0000")).isEqualTo("%2B1+%22x%22%2F%FF%00");
    assertThat(OracleText.urlEncode("")).isEmpty();
  }

  @Test
  void wordsAreDeterministicPerSeed() {
    assertThat(OracleText.words(5, 11)).isEqualTo(OracleText.words(5, 11));
    assertThat(OracleText.words(5, 11)).isNotEqualTo(OracleText.words(5, 12));
    assertThat(OracleText.words(0, 11)).isEmpty();
    assertThat(OracleText.words(338, 11).split(" ")).hasSize(338);
  }

  private static String sha256(String byteString) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(ByteStrings.bytes(byteString)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}

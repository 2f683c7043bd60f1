package dev.vpatch.patches.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpatch.store.Store;
import dev.vpatch.store.StoreSession;
import dev.vpatch.store.model.Alert;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertStreamReaderTest {
  @TempDir Path dir;

  @Test
  void acceptsCamelCaseEpochMillisAndLogOnlySpellings() {
    Alert alert = AlertStreamReader.parse("{\"timestamp\":1772442000000,\"transactionId\":\"x\",\"clientIp\":\"::1\","
        + "\"ruleId\":\"10000001\",\"action\":\"would_have_blocked\"}", "s:1");
    assertThat(alert.at()).isEqualTo(Instant.ofEpochMilli(1772442000000L));
    assertThat(alert.client()).isEqualTo("::1");
    assertThat(alert.ruleId()).isEqualTo(10000001L);
    assertThat(alert.action()).isEqualTo(Alert.WOULD_HAVE_BLOCKED);
    assertThat(AlertStreamReader.action("log-only", java.util.List.of())).isEqualTo(Alert.WOULD_HAVE_BLOCKED);
    assertThat(AlertStreamReader.action("blocked", java.util.List.of())).isEqualTo(Alert.BLOCKED);
    assertThat(AlertStreamReader.action("logged", java.util.List.of())).isEqualTo("logged");
  }

  @Test
  void readsTheProxysAlertLineWithALogOnlyPatchMatch() {
    Alert alert = AlertStreamReader.parse("{\"time\":\"2026-03-02T09:00:00.123Z\",\"transaction_id\":\"abc\","
        + "\"client\":\"127.0.0.1\",\"method\":\"GET\",\"uri\":\"/x?reqID=1'\",\"rule_id\":10000001,"
        + "\"msg\":\"vpatch VP-2026-0001: m\",\"matched_var\":\"ARGS:reqID\",\"matched_data\":\"1'\",\"data\":\"\","
        + "\"severity\":\"CRITICAL\",\"tags\":[\"vpatch/mode/log-only\",\"vpatch\"],\"phase\":2,\"action\":\"logged\"}",
        "proxy:1");
    assertThat(alert.action()).isEqualTo(Alert.WOULD_HAVE_BLOCKED);
    assertThat(alert.variable()).isEqualTo("ARGS:reqID");
    assertThat(alert.data()).isEqualTo("1'");
  }

  @Test
  void aBadLineFailsTheWholeStreamWithItsLineNumber() throws Exception {
    try (Store store = Store.open(dir.resolve("vpatch.db").toString())) {
      String stream = "{\"time\":\"2026-03-02T09:00:00Z\",\"rule_id\":1,\"action\":\"blocked\"}\n\n{\"time\":\"yesterday\","
          + "\"rule_id\":2}\n";
      assertThatThrownBy(() -> new AlertStreamReader(store).read(new StringReader(stream), "alerts.jsonl"))
          .hasMessageStartingWith("alerts.jsonl:3: time 'yesterday' is not ISO-8601");
      assertThat(store.inTransaction((StoreSession s) -> s.alerts().list())).isEmpty();
      assertThatThrownBy(() -> AlertStreamReader.parse("[1]", "x:1")).hasMessageContaining("JSON object");
      assertThatThrownBy(() -> AlertStreamReader.parse("{\"time\":1}", "x:1")).hasMessageContaining("without rule_id");
    }
  }

  @Test
  void reimportingTheSameStreamStoresNothingNew() throws Exception {
    try (Store store = Store.open(dir.resolve("vpatch.db").toString())) {
      String stream = "{\"time\":\"2026-03-02T09:00:00Z\",\"transaction_id\":\"a\",\"rule_id\":5,\"action\":\"blocked\"}\n";
      assertThat(new AlertStreamReader(store).read(new StringReader(stream), "s")).isEqualTo(new AlertImport(1, 0, 0));
      assertThat(new AlertStreamReader(store).read(new StringReader(stream), "s")).isEqualTo(new AlertImport(0, 1, 0));
    }
  }
}

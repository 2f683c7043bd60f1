package dev.vpatch.ftw.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileAlertSourceTest {
  @TempDir Path temp;

  @Test
  void showsAlertStreamLinesAsModSecurityErrorLogLines() throws IOException {
    Path log = temp.resolve("alerts.jsonl");
    Files.writeString(log, "{\"time\":\"t\",\"transaction_id\":\"tx1\",\"uri\":\"/a?b=\\\"c\",\"rule_id\":922130,"
        + "\"msg\":\"Multipart header contains characters outside of valid range\",\"matched_var\":\"FILES_NAMES\","
        + "\"matched_data\":\"x\",\"data\":\"Matched Data: \u00e9\",\"severity\":\"CRITICAL\","
        + "\"tags\":[\"attack-protocol\",\"paranoia-level/1\"],\"phase\":2,\"action\":\"logged\"}\n"
        + "not json\n", StandardCharsets.UTF_8);

    WafLog read = new LogFileAlertSource(log, 1).since(0);

    assertThat(read.ruleIds()).containsExactly(922130L);
    assertThat(read.text()).containsPattern(
        "\\[id \"922130\"\\].*\\[msg \"Multipart header contains characters outside of valid range\"\\]");
    assertThat(read.text())
        .contains("Matched at FILES_NAMES.")
        .contains("[data \"Matched Data: \\xc3\\xa9\"]")
        .contains("[severity \"2\"]")
        .contains("[tag \"attack-protocol\"] [tag \"paranoia-level/1\"]")
        .contains("[uri \"/a?b=\\x22c\"]")
        .contains("[unique_id \"tx1\"]")
        .endsWith("\nnot json\n");
  }

  @Test
  void leavesAuditRecordsAndBrokenJsonAsTheyAre() {
    String audit = "{\"transaction\":{\"messages\":[{\"details\":{\"ruleId\":\"920100\"}}]}}";
    String broken = "{\"rule_id\": 5, \"msg\": ";

    assertThat(LogFileAlertSource.withAlertsAsErrorLog(audit + "\n" + broken + "\n" + "\n"))
        .isEqualTo(audit + "\n" + broken + "\n\n");
    assertThat(LogFileAlertSource.ruleIds(audit + broken)).containsExactly(920100L, 5L);
  }
}

package dev.vpatch.ftw.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.ftw.load.TestFileLoader;
import dev.vpatch.ftw.model.FtwTest;
import dev.vpatch.ftw.model.Stage;
import dev.vpatch.ftw.support.CrsDirectory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every CRS regression stage builds into bytes that the strict parser reads or rejects. */
class CrsStagesParseTest {
  @Test
  void serverStatusesOfCrsTestsComeFromTheParser() {
    List<FtwTest> tests = TestFileLoader.load(List.of(CrsDirectory.tests()));
    List<String> mismatches = new ArrayList<>();
    int complete = 0;
    int rejected = 0;
    for (FtwTest test : tests) {
      for (Stage stage : test.stages()) {
        ParseResult result = HttpRequestParser.parse(RawRequestBuilder.build(stage.input()));
        if (result instanceof ParseResult.Complete) {
          complete++;
        } else if (result instanceof ParseResult.Rejected) {
          rejected++;
        }
        List<Integer> expected = stage.output().status();
        boolean serverStatus = expected.contains(400) || expected.contains(505) || expected.contains(501);
        if (serverStatus != result instanceof ParseResult.Rejected && !expected.isEmpty()) {
          mismatches.add(test.id() + " expects " + expected + ", parser gives " + describe(result));
        }
      }
    }

    assertThat(complete + rejected).isGreaterThan(4990);
    // "%00" and "%1F" in Host are literal text, legal in a reg-name (Apache refuses them, nginx not)
    assertThat(mismatches).containsExactlyInAnyOrder(
        "920270-4 expects [400], parser gives complete",
        "920274-1 expects [400], parser gives complete");
  }

  private static String describe(ParseResult result) {
    if (result instanceof ParseResult.Rejected r) {
      return "rejected " + r.status() + " (" + r.reason() + ")";
    }
    return result instanceof ParseResult.Complete ? "complete" : "incomplete";
  }
}

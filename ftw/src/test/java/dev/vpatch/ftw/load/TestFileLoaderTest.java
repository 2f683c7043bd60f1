package dev.vpatch.ftw.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpatch.ftw.model.FtwTest;
import dev.vpatch.ftw.model.HeaderField;
import dev.vpatch.ftw.model.StageInput;
import dev.vpatch.ftw.model.StageOutput;
import dev.vpatch.ftw.support.CrsDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestFileLoaderTest {
  @TempDir Path temp;

  @Test
  void loadsEveryCrsRegressionTest() {
    List<FtwTest> tests = TestFileLoader.load(List.of(CrsDirectory.tests()));

    assertThat(tests).hasSize(5003);
    Set<String> ids = tests.stream().map(FtwTest::id).collect(Collectors.toSet());
    assertThat(ids).hasSize(5003).contains("920100-1", "942100-1", "951160-1");
    assertThat(tests).allSatisfy(test -> assertThat(test.stages()).isNotEmpty());
  }

  @Test
  void keepsUnusualRequestLineFieldsVerbatim() {
    FtwTest test = find("REQUEST-920-PROTOCOL-ENFORCEMENT/920100.yaml", 2);

    StageInput input = test.stages().get(0).input();
    assertThat(input.method()).isEqualTo("     GET");
    assertThat(input.uri()).isEqualTo("/get");
    assertThat(input.version()).isEqualTo("HTTP/1.1");
    assertThat(input.destAddr()).isEqualTo("127.0.0.1");
    assertThat(input.port()).isEqualTo(80);
    assertThat(test.stages().get(0).output().status()).containsExactly(400);
  }

  @Test
  void sortsHeadersByNameAndStringifiesNumbers() {
    StageInput input = find("REQUEST-920-PROTOCOL-ENFORCEMENT/920181.yaml", 1).stages().get(0).input();

    assertThat(input.autocompleteHeaders()).isFalse();
    assertThat(input.headers()).extracting(HeaderField::name)
        .containsExactly("Accept", "Content-Length", "Content-Type", "Host", "Transfer-Encoding", "User-Agent");
    assertThat(input.headers()).contains(new HeaderField("Content-Length", "7"));
    assertThat(input.data()).isEqualTo("7\r\nfoo=bar\r\n0\r\n\r\n");
  }

  @Test
  void expandsRepeatTemplatesInData() {
    StageInput input = find("REQUEST-920-PROTOCOL-ENFORCEMENT/920400.yaml", 1).stages().get(0).input();

    assertThat(input.data()).contains("1".repeat(64200)).doesNotContain("{{");
  }

  @Test
  void decodesEncodedRequests() {
    StageInput input = find("REQUEST-920-PROTOCOL-ENFORCEMENT/920290.yaml", 4).stages().get(0).input();

    assertThat(new String(input.encodedRequest(), StandardCharsets.ISO_8859_1))
        .isEqualTo("GET / HTTP/1.0\r\nHost:\r\n\r\n");
  }

  @Test
  void readsLogExpectationsAndExpectError() {
    StageOutput output = find("REQUEST-920-PROTOCOL-ENFORCEMENT/920430.yaml", 5).stages().get(0).output();

    assertThat(output.expectError()).isTrue();
    assertThat(output.log().expectIds()).containsExactly(920430L);
    assertThat(output.status()).isEmpty();
  }

  @Test
  void appliesGoFtwDefaultsAndPositionalTestIds() throws IOException {
    Path file = write("123456.yaml", """
        meta: {author: me}
        tests:
          - stages:
              - input: {}
                output: {log: {no_expect_ids: [1, 2]}}
          - stages:
              - input: {stop_magic: true, data: [a=1, b=2]}
                output: {status: [200, 403]}
        """);

    List<FtwTest> tests = TestFileLoader.loadFile(file);

    assertThat(tests).extracting(FtwTest::id).containsExactly("123456-1", "123456-2");
    StageInput first = tests.get(0).stages().get(0).input();
    assertThat(first.method()).isEqualTo("GET");
    assertThat(first.uri()).isEqualTo("/");
    assertThat(first.version()).isEqualTo("HTTP/1.1");
    assertThat(first.destAddr()).isEqualTo("localhost");
    assertThat(first.port()).isEqualTo(80);
    assertThat(first.autocompleteHeaders()).isTrue();
    assertThat(first.data()).isNull();
    StageInput second = tests.get(1).stages().get(0).input();
    assertThat(second.autocompleteHeaders()).isFalse();
    assertThat(second.data()).isEqualTo("a=1\r\nb=2");
    assertThat(tests.get(1).stages().get(0).output().status()).containsExactly(200, 403);
  }

  @Test
  void readsLegacyNestedStagesAndRawRequest() throws IOException {
    Path file = write("t.yaml", """
        rule_id: 7
        tests:
          - test_id: 9
            stages:
              - stage:
                  input: {raw_request: "GET / HTTP/1.0\\r\\n\\r\\n"}
                  output: {log_contains: "id \\"7\\""}
        """);

    FtwTest test = TestFileLoader.loadFile(file).get(0);

    assertThat(test.id()).isEqualTo("7-9");
    assertThat(new String(test.stages().get(0).input().encodedRequest(), StandardCharsets.UTF_8))
        .isEqualTo("GET / HTTP/1.0\r\n\r\n");
    assertThat(test.stages().get(0).output().logContains()).isEqualTo("id \"7\"");
  }

  @Test
  void namesFileAndFieldOfATypeError() throws IOException {
    Path file = write("1.yaml", """
        rule_id: 1
        tests:
          - test_id: 1
            stages:
              - input: {port: eighty}
                output: {}
        """);

    assertThatThrownBy(() -> TestFileLoader.loadFile(file))
        .isInstanceOf(FtwFormatException.class)
        .hasMessageContaining("1.yaml")
        .hasMessageContaining("tests[0].stages[0].input.port")
        .hasMessageContaining("eighty");
  }

  @Test
  void namesFileOfInvalidYamlAndBadBase64() throws IOException {
    Path broken = write("2.yaml", "tests: [\n");
    Path base64 = write("3.yaml", "tests:\n  - stages:\n      - input: {encoded_request: '@@@'}\n");

    assertThatThrownBy(() -> TestFileLoader.loadFile(broken)).hasMessageContaining("2.yaml").hasMessageContaining("invalid YAML");
    assertThatThrownBy(() -> TestFileLoader.loadFile(base64)).hasMessageContaining("encoded_request").hasMessageContaining("base64");
  }

  @Test
  void rejectsMissingPathsAndFilesWithoutRuleId() throws IOException {
    Path noRule = write("nothing.yaml", "tests: []\n");

    assertThatThrownBy(() -> TestFileLoader.load(List.of(temp.resolve("absent"))))
        .hasMessageContaining("no such test file");
    assertThatThrownBy(() -> TestFileLoader.loadFile(noRule)).hasMessageContaining("rule_id");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(temp.resolve(name), text);
  }

  private static FtwTest find(String file, int testId) {
    return TestFileLoader.loadFile(CrsDirectory.testFile(file)).stream()
        .filter(test -> test.testId() == testId).findFirst().orElseThrow();
  }
}

package dev.vpatch.ftw.load;

import dev.vpatch.ftw.model.FtwTest;
import dev.vpatch.ftw.model.HeaderField;
import dev.vpatch.ftw.model.LogExpectations;
import dev.vpatch.ftw.model.Stage;
import dev.vpatch.ftw.model.StageInput;
import dev.vpatch.ftw.model.StageOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** Reads go-ftw YAML test files (the format of CRS's tests/regression/tests) into {@link FtwTest}s. */
public final class TestFileLoader {
  private static final Pattern FIRST_NUMBER = Pattern.compile("\\d+");

  private TestFileLoader() {}

  /** Every test of every {@code *.yaml}/{@code *.yml} file under the given files or directories, in path order. */
  public static List<FtwTest> load(List<Path> filesOrDirectories) {
    // files parse independently; an ordered parallel stream keeps path order
    return testFiles(filesOrDirectories).parallelStream()
        .map(TestFileLoader::loadFile)
        .flatMap(List::stream)
        .collect(Collectors.toList());
  }

  static List<Path> testFiles(List<Path> filesOrDirectories) {
    List<Path> files = new ArrayList<>();
    for (Path path : filesOrDirectories) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          files.addAll(walk.filter(Files::isRegularFile).filter(TestFileLoader::isYaml).sorted()
              .collect(Collectors.toList()));
        } catch (IOException e) {
          throw new FtwFormatException(path, "cannot list test directory: " + e.getMessage(), e);
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new FtwFormatException(path, "", "no such test file or directory");
      }
    }
    return files;
  }

  private static boolean isYaml(Path path) {
    String name = path.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  public static List<FtwTest> loadFile(Path file) {
    YamlNode root = new YamlNode(file, "", parse(file));
    long ruleId = ruleId(file, root);
    List<FtwTest> tests = new ArrayList<>();
    List<YamlNode> testNodes = root.get("tests").list();
    for (int i = 0; i < testNodes.size(); i++) {
      YamlNode node = testNodes.get(i);
      Long testId = node.get("test_id").number();
      int id = testId == null || testId == 0 ? i + 1 : Math.toIntExact(testId);
      List<Stage> stages = new ArrayList<>();
      for (YamlNode stageNode : node.get("stages").list()) {
        // go-ftw before v1 nested input/output under "stage"
        YamlNode stage = stageNode.has("stage") ? stageNode.get("stage") : stageNode;
        stages.add(new Stage(input(stage.get("input")), output(stage.get("output"))));
      }
      tests.add(new FtwTest(file, ruleId, id, node.get("desc").text(), stages));
    }
    return tests;
  }

  static Object parse(Path file) {
    LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).build();
    try (InputStream in = Files.newInputStream(file)) {
      return new Load(settings).loadFromInputStream(in);
    } catch (IOException e) {
      throw new FtwFormatException(file, "cannot read: " + e.getMessage(), e);
    } catch (YamlEngineException e) {
      throw new FtwFormatException(file, "invalid YAML: " + e.getMessage(), e);
    }
  }

  private static long ruleId(Path file, YamlNode root) {
    Long ruleId = root.get("rule_id").number();
    if (ruleId != null && ruleId > 0) {
      return ruleId;
    }
    Matcher number = FIRST_NUMBER.matcher(file.getFileName().toString());
    if (!number.find()) {
      throw root.error("rule_id is missing and the file name holds no rule id");
    }
    return Long.parseLong(number.group());
  }

  static StageInput input(YamlNode input) {
    Boolean autocomplete = input.get("autocomplete_headers").bool();
    Boolean stopMagic = input.get("stop_magic").bool();
    boolean autocompleteHeaders = autocomplete != null ? autocomplete : stopMagic == null || !stopMagic;
    String encodedRequest = input.get("encoded_request").text();
    String rawRequest = input.get("raw_request").text();
    byte[] wholeRequest = null;
    if (encodedRequest != null && !encodedRequest.isEmpty()) {
      wholeRequest = base64(input.get("encoded_request"), encodedRequest);
    } else if (rawRequest != null && !rawRequest.isEmpty()) {
      wholeRequest = rawRequest.getBytes(StandardCharsets.UTF_8);
    }
    String encodedData = input.get("encoded_data").text();
    Long port = input.get("port").number();
    return new StageInput(
        orDefault(input.get("dest_addr").text(), "localhost"),
        port == null ? 80 : Math.toIntExact(port),
        orDefault(input.get("protocol").text(), "http"),
        orDefault(input.get("method").text(), "GET"),
        orDefault(input.get("uri").text(), "/"),
        orDefault(input.get("version").text(), "HTTP/1.1"),
        headers(input),
        data(input.get("data")),
        encodedData == null ? null : base64(input.get("encoded_data"), encodedData),
        wholeRequest,
        autocompleteHeaders,
        Boolean.TRUE.equals(input.get("save_cookie").bool()),
        Boolean.TRUE.equals(input.get("follow_redirect").bool()));
  }

  /** A YAML map is sent sorted by name, as go-ftw does; {@code ordered_headers} keeps its order. */
  private static List<HeaderField> headers(YamlNode input) {
    List<HeaderField> headers = new ArrayList<>();
    if (input.has("ordered_headers")) {
      for (YamlNode item : input.get("ordered_headers").list()) {
        String name = item.get("name").text();
        String value = item.get("value").text();
        headers.add(new HeaderField(name == null ? "" : name, value == null ? "" : value));
      }
      return headers;
    }
    for (Map.Entry<String, String> entry : input.get("headers").stringMap().entrySet()) {
      headers.add(new HeaderField(entry.getKey(), entry.getValue()));
    }
    headers.sort((a, b) -> a.name().compareTo(b.name()));
    return headers;
  }

  private static String data(YamlNode data) {
    if (data.isNull()) {
      return null;
    }
    String text;
    if (data.isList()) {
      // the original Python ftw joined a list of lines with CRLF
      List<String> lines = new ArrayList<>();
      for (YamlNode line : data.list()) {
        lines.add(line.isNull() ? "" : line.text());
      }
      text = String.join("\r\n", lines);
    } else {
      text = data.text();
    }
    try {
      return DataTemplate.expand(text);
    } catch (IllegalArgumentException e) {
      throw data.error(e.getMessage());
    }
  }

  private static byte[] base64(YamlNode node, String text) {
    try {
      return Base64.getDecoder().decode(text.replace("\r", "").replace("\n", ""));
    } catch (IllegalArgumentException e) {
      throw node.error("invalid base64: " + e.getMessage());
    }
  }

  static StageOutput output(YamlNode output) {
    YamlNode log = output.get("log");
    LogExpectations expectations = new LogExpectations(
        log.get("expect_ids").numbers(),
        log.get("no_expect_ids").numbers(),
        emptyToNull(log.get("match_regex").text()),
        emptyToNull(log.get("no_match_regex").text()));
    List<Integer> status = new ArrayList<>();
    for (Long code : output.get("status").numbers()) {
      if (code != 0) {
        status.add(Math.toIntExact(code));
      }
    }
    return new StageOutput(
        status,
        emptyToNull(output.get("response_contains").text()),
        expectations,
        emptyToNull(output.get("log_contains").text()),
        emptyToNull(output.get("no_log_contains").text()),
        Boolean.TRUE.equals(output.get("expect_error").bool()),
        Boolean.TRUE.equals(output.get("isolated").bool()));
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}

package dev.vpatch.patches.generator;

import java.util.List;

/**
 * Writes tests in go-ftw's YAML format (as CRS's regression tests use it), so CRS users can read and
 * rerun them: blocked requests expect status 403, benign ones status 200 and none of the patch's rule ids.
 */
final class FtwYaml {
  private FtwYaml() {}

  static String write(String description, long firstRuleId, List<Long> ruleIds, List<TestRequest> tests) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("---\nmeta:\n  author: \"vpatch\"\n  description: ").append(quote(description)).append('\n')
        .append("rule_id: ").append(firstRuleId).append('\n')
        .append("tests:\n");
    int id = 1;
    for (TestRequest test : tests) {
      yaml.append("  - test_id: ").append(id++).append('\n')
          .append("    desc: ").append(quote((test.mustBlock() ? "blocked: " : "passes: ") + test.description())).append('\n')
          .append("    stages:\n")
          .append("      - input:\n")
          .append("          dest_addr: 127.0.0.1\n")
          .append("          port: 80\n")
          .append("          method: ").append(quote(test.method())).append('\n')
          .append("          uri: ").append(quote(test.uri())).append('\n')
          .append("          version: HTTP/1.1\n")
          .append("          headers:\n")
          .append("            Host: localhost\n")
          .append("            User-Agent: \"vpatch patch test\"\n")
          .append("            Accept: \"*/*\"\n");
      for (String[] header : test.headers()) {
        yaml.append("            ").append(header[0]).append(": ").append(quote(header[1])).append('\n');
      }
      if (!test.body().isEmpty()) {
        yaml.append("          data: ").append(quote(test.body())).append('\n');
      }
      yaml.append("        output:\n");
      if (test.mustBlock()) {
        List<Integer> statuses = test.acceptedStatuses().isEmpty() ? List.of(403) : test.acceptedStatuses();
        yaml.append("          status: ").append(statuses.size() == 1 ? statuses.get(0).toString() : statuses.toString())
            .append('\n');
      } else {
        yaml.append("          status: 200\n          log:\n            no_expect_ids: ").append(ruleIds).append('\n');
      }
    }
    return yaml.toString();
  }

  /** A YAML double-quoted scalar; control characters escaped so the file stays one test per request. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case 0 -> out.append("\\0");
        default -> {
          if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            out.append(String.format("\\x%02x", (int) c));
          } else if (c == 0x2028 || c == 0x2029 || c == 0xFEFF || c >= 0xFFFE || Character.isSurrogate(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}

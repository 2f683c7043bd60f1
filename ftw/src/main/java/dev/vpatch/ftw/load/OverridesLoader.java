package dev.vpatch.ftw.load;

import dev.vpatch.ftw.model.TestOverride;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a go-ftw platform overrides file ({@code test_overrides: [{rule_id, test_ids, reason,
 * output}]}, as in CRS's tests/regression/*-overrides.yaml). Every entry needs a reason.
 */
public final class OverridesLoader {
  private OverridesLoader() {}

  public static List<TestOverride> load(Path file) {
    YamlNode root = new YamlNode(file, "", TestFileLoader.parse(file));
    List<TestOverride> overrides = new ArrayList<>();
    for (YamlNode entry : root.get("test_overrides").list()) {
      Long ruleId = entry.get("rule_id").number();
      if (ruleId == null) {
        throw entry.error("rule_id is required");
      }
      String reason = entry.get("reason").text();
      if (reason == null || reason.isBlank()) {
        throw entry.error("reason is required: say why the test cannot pass");
      }
      List<Integer> testIds = new ArrayList<>();
      for (Long id : entry.get("test_ids").numbers()) {
        testIds.add(Math.toIntExact(id));
      }
      overrides.add(new TestOverride(ruleId, testIds, reason.strip(),
          entry.has("output") ? TestFileLoader.output(entry.get("output")) : null));
    }
    return overrides;
  }
}

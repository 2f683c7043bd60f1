package dev.vpatch.bench;

import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.RuleSetBuilder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CRS configuration of issue 3: vpatch's defaults, the release's crs-setup.conf.example
 * (anomaly scoring), the rules (request and response), audit log off.
 */
public final class CrsRuleSets {
  /** System property naming the CRS release folder (crs-setup.conf.example and rules/). */
  public static final String CRS_DIR_PROPERTY = "vpatch.crs.dir";

  private CrsRuleSets() {}

  /** The CRS folder from {@value #CRS_DIR_PROPERTY}, default {@code ../shared/crs}. */
  public static Path defaultDirectory() {
    return Path.of(System.getProperty(CRS_DIR_PROPERTY, "../shared/crs"));
  }

  /**
   * Loads the CRS in {@code crsDirectory} at the given paranoia level (1 keeps crs-setup's
   * default; higher levels are set the way crs-setup's rule 900000 would).
   */
  public static RuleSet load(Path crsDirectory, int paranoiaLevel) {
    Path setup = crsDirectory.resolve("crs-setup.conf.example");
    Path rules = crsDirectory.resolve("rules");
    if (!Files.isRegularFile(setup) || !Files.isDirectory(rules)) {
      throw new IllegalArgumentException("not a CRS release folder (crs-setup.conf.example and "
          + "rules/ expected): " + crsDirectory.toAbsolutePath()
          + "; set -D" + CRS_DIR_PROPERTY + "=DIR");
    }
    RuleSetBuilder builder = RuleSet.builder().addVpatchDefaults().addFile(setup);
    if (paranoiaLevel != 1) {
      builder.addText("SecAction \"id:900000,phase:1,pass,t:none,nolog,"
          + "setvar:tx.blocking_paranoia_level=" + paranoiaLevel + "\"", "bench-paranoia-level");
    }
    return builder.addFile(rules).addText("SecAuditEngine Off", "bench-audit-off").build();
  }
}

package dev.vpatch.app.cli;

import dev.vpatch.engine.RuleSetBuilder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the parts of an OWASP CRS checkout live, and the order they load in. */
final class CrsLayout {
  private CrsLayout() {}

  /** Adds DIR/crs-setup.conf (or its .example) and DIR/rules/*.conf, in CRS's order. */
  static void addTo(RuleSetBuilder builder, Path crsDir) {
    Path setup = crsDir.resolve("crs-setup.conf");
    if (!Files.exists(setup)) setup = crsDir.resolve("crs-setup.conf.example");
    if (!Files.exists(setup)) {
      throw new IllegalArgumentException(crsDir + " does not look like a CRS directory (no crs-setup.conf[.example])");
    }
    builder.addFile(setup);
    builder.addFile(crsDir.resolve("rules"));
  }
}

package dev.vpatch.patches.importers;

import java.nio.file.Path;

/** The scanner report samples in shared/reports (beside shared/crs, whose location surefire passes in). */
final class SharedReports {
  private SharedReports() {}

  static Path file(String relative) {
    String crs = System.getProperty("vpatch.crs.dir", "../../shared/crs");
    return Path.of(crs).resolveSibling("reports").resolve(relative);
  }
}

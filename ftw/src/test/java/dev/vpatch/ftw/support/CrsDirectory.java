package dev.vpatch.ftw.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The CRS checkout the tests read (system property {@code vpatch.crs.dir}, set by surefire). */
public final class CrsDirectory {
  private CrsDirectory() {}

  public static Path get() {
    Path dir = Path.of(System.getProperty("vpatch.crs.dir", "../../shared/crs"));
    Assumptions.assumeTrue(Files.isDirectory(dir.resolve("tests")), "CRS checkout not found at " + dir);
    return dir;
  }

  public static Path tests() {
    return get().resolve("tests/regression/tests");
  }

  public static Path testFile(String relative) {
    return tests().resolve(relative);
  }
}

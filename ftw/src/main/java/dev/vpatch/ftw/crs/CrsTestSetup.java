package dev.vpatch.ftw.crs;

import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.RuleSetBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A CRS checkout loaded the way CRS's own regression tests run it: the engine settings of the
 * owasp/modsecurity-crs image in DetectionOnly ({@code crs-test-engine.conf}), then
 * {@code crs-setup.conf.example}, the test environment's CRS settings and marker rule
 * ({@code crs-test-settings.conf}), then {@code rules/*.conf} in name order (the
 * {@code REQUEST-900}/{@code RESPONSE-999} {@code .example} files are not loaded).
 */
public final class CrsTestSetup {
  private CrsTestSetup() {}

  public static RuleSetBuilder builder(Path crsDirectory) {
    Path setup = crsDirectory.resolve("crs-setup.conf.example");
    Path rules = crsDirectory.resolve("rules");
    if (!Files.isRegularFile(setup) || !Files.isDirectory(rules)) {
      throw new IllegalArgumentException(crsDirectory
          + " is not a CRS directory: expected crs-setup.conf.example and rules/ in it");
    }
    return RuleSet.builder()
        .addText(resource("crs-test-engine.conf"), "vpatch:crs-test-engine.conf")
        .addFile(setup)
        .addText(resource("crs-test-settings.conf"), "vpatch:crs-test-settings.conf")
        .addFile(rules);
  }

  public static RuleSet load(Path crsDirectory) {
    return builder(crsDirectory).build();
  }

  /** The regression tests of the CRS checkout. */
  public static List<Path> testDirectories(Path crsDirectory) {
    return List.of(crsDirectory.resolve("tests").resolve("regression").resolve("tests"));
  }

  static String resource(String name) {
    try (InputStream in = CrsTestSetup.class.getResourceAsStream("/dev/vpatch/ftw/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      // rule text is a byte string, like rule files read as ISO-8859-1
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

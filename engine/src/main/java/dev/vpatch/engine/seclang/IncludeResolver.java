package dev.vpatch.engine.seclang;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Resolves the path of an {@code Include}: relative to the including file, glob in the last part. */
final class IncludeResolver {
  private IncludeResolver() {}

  static List<Path> resolve(String pattern, Path baseDirectory, String file, int line) {
    Path path = Path.of(pattern);
    if (!path.isAbsolute()) path = baseDirectory.resolve(path);
    path = path.normalize();
    String last = path.getFileName() == null ? "" : path.getFileName().toString();
    if (!hasGlob(last)) {
      if (!Files.exists(path)) {
        throw new SecLangException(file, line, "Include: no such file: " + path);
      }
      return List.of(path);
    }
    Path dir = path.getParent();
    if (dir == null || hasGlob(dir.toString())) {
      throw new SecLangException(file, line, "Include: globs are supported in the file name only");
    }
    List<Path> matches = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, last)) {
      for (Path p : stream) {
        if (Files.isRegularFile(p)) matches.add(p);
      }
    } catch (IOException e) {
      throw new SecLangException(file, line, "Include: cannot list " + dir + ": " + e.getMessage());
    }
    matches.sort(null);
    return matches;
  }

  private static boolean hasGlob(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
  }
}

package dev.vpatch.engine.operators;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the data files of {@code @pmFromFile} and {@code @ipMatchFromFile}: space-separated file
 * names relative to the rule file's directory, as byte strings, one entry per line; blank lines and
 * lines whose first non-blank character is {@code #} are skipped.
 */
final class DataFiles {
  private DataFiles() {}

  static List<String> entries(OperatorArgument argument) {
    List<String> entries = new ArrayList<>();
    String[] names = argument.text().strip().split("\\s+");
    if (names.length == 0 || names[0].isEmpty()) {
      throw new IllegalArgumentException("no data file given");
    }
    for (String name : names) {
      if (name.startsWith("https://") || name.startsWith("http://")) {
        throw new IllegalArgumentException("data files from URLs are not supported: " + name);
      }
      Path file = argument.baseDirectory().resolve(name);
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "cannot read data file " + file + ": " + e.getMessage(), e);
      }
      for (String line : lines) {
        if (!isComment(line)) entries.add(line);
      }
    }
    return entries;
  }

  private static boolean isComment(String line) {
    String stripped = line.stripLeading();
    return stripped.isEmpty() || stripped.startsWith("#");
  }
}

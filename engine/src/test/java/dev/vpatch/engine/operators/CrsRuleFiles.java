package dev.vpatch.engine.operators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A minimal reader of the CRS rule files for tests: the operator of every SecRule, with the
 * quoting of SecLang resolved (inside a double-quoted argument {@code \"} is a quote and other
 * backslashes are kept).
 */
public final class CrsRuleFiles {
  /** One SecRule operator: {@code name} without {@code @}, argument text, and where it is. */
  public record RuleOperator(String file, int line, String id, String name, String argument) {}

  private CrsRuleFiles() {}

  public static Path crsDirectory() {
    return Path.of(System.getProperty("vpatch.crs.dir", "../shared/crs"));
  }

  public static Path rulesDirectory() {
    return crsDirectory().resolve("rules");
  }

  public static List<RuleOperator> operators() {
    List<RuleOperator> result = new ArrayList<>();
    try (Stream<Path> files = Files.list(rulesDirectory())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".conf")).sorted().toList()) {
        readFile(file, result);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }

  private static void readFile(Path file, List<RuleOperator> result) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    int i = 0;
    while (i < lines.size()) {
      int firstLine = i + 1;
      StringBuilder directive = new StringBuilder();
      String line = lines.get(i++);
      while (line.endsWith("\\") && i < lines.size()) {
        directive.append(line, 0, line.length() - 1);
        line = lines.get(i++);
      }
      directive.append(line);
      String text = directive.toString().strip();
      if (text.startsWith("SecRule ")) {
        List<String> arguments = splitArguments(text.substring("SecRule ".length()));
        String operator = arguments.get(1);
        if (operator.startsWith("!")) operator = operator.substring(1);
        String name = "rx";
        String argument = operator;
        if (operator.startsWith("@")) {
          int space = operator.indexOf(' ');
          name = space < 0 ? operator.substring(1) : operator.substring(1, space);
          argument = space < 0 ? "" : operator.substring(space + 1);
        }
        String id = arguments.size() > 2 ? idOf(arguments.get(2)) : "?";
        result.add(new RuleOperator(file.getFileName().toString(), firstLine, id, name, argument));
      }
    }
  }

  private static String idOf(String actions) {
    int at = actions.indexOf("id:");
    if (at < 0) return "?";
    int end = at + 3;
    while (end < actions.length() && Character.isDigit(actions.charAt(end))) end++;
    return actions.substring(at + 3, end);
  }

  private static List<String> splitArguments(String text) {
    List<String> arguments = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t') {
        i++;
        continue;
      }
      StringBuilder argument = new StringBuilder();
      if (c == '"') {
        i++;
        while (i < text.length() && text.charAt(i) != '"') {
          if (text.charAt(i) == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '"') i++;
          argument.append(text.charAt(i++));
        }
        i++;
      } else {
        while (i < text.length() && text.charAt(i) != ' ' && text.charAt(i) != '\t') {
          argument.append(text.charAt(i++));
        }
      }
      arguments.add(argument.toString());
    }
    return arguments;
  }
}

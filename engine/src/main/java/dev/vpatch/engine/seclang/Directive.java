package dev.vpatch.engine.seclang;

import java.nio.file.Path;
import java.util.List;

/**
 * One SecLang directive with its arguments, quotes already resolved.
 *
 * @param name the directive name as written (matched case-insensitively by the compiler)
 * @param arguments the arguments, unquoted
 * @param file the file (or source name) it came from
 * @param line the line the directive starts on
 * @param baseDirectory the directory relative paths in it resolve against
 */
public record Directive(String name, List<String> arguments, String file, int line, Path baseDirectory) {
  public String argument(int index) {
    return index < arguments.size() ? arguments.get(index) : null;
  }

  public SecLangException error(String reason) {
    return new SecLangException(file, line, reason);
  }
}

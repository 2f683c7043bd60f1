package dev.vpatch.engine.seclang;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Reads SecLang text into {@link Directive}s: comments, line continuations (a backslash ending a
 * line), quoting, and {@code Include} (globs, relative to the including file) are resolved here.
 * Files are read as ISO-8859-1 so that every byte of a pattern stays one char (see
 * {@link dev.vpatch.engine}).
 */
public final class SecLangParser {
  private static final int MAX_INCLUDE_DEPTH = 32;

  private final Deque<Path> includeStack = new ArrayDeque<>();
  private final List<SecLangException> errors;

  /** A parser that stops at the first error. */
  public SecLangParser() {
    this(null);
  }

  /** A parser that records errors in {@code errors} and goes on with the next directive. */
  public SecLangParser(List<SecLangException> errors) {
    this.errors = errors;
  }

  public List<Directive> parseFile(Path file) {
    List<Directive> out = new ArrayList<>();
    includeFile(file, out, "<command line>", 0);
    return out;
  }

  public List<Directive> parseText(String text, String sourceName, Path baseDirectory) {
    List<Directive> out = new ArrayList<>();
    parseInto(text, sourceName, baseDirectory, out);
    return out;
  }

  private void includeFile(Path file, List<Directive> out, String fromFile, int fromLine) {
    Path normalized = file.toAbsolutePath().normalize();
    if (includeStack.contains(normalized)) {
      throw new SecLangException(fromFile, fromLine, "recursive Include of " + file);
    }
    if (includeStack.size() >= MAX_INCLUDE_DEPTH) {
      throw new SecLangException(fromFile, fromLine, "Include nested too deeply at " + file);
    }
    if (Files.isDirectory(normalized)) {
      for (Path conf : confFilesIn(normalized, fromFile, fromLine)) {
        includeFile(conf, out, fromFile, fromLine);
      }
      return;
    }
    String text;
    try {
      text = Files.readString(normalized, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new SecLangException(fromFile, fromLine, "cannot read " + file + ": " + e.getMessage());
    }
    includeStack.push(normalized);
    try {
      Path dir = normalized.getParent();
      parseInto(text, file.toString(), dir == null ? Path.of(".") : dir, out);
    } finally {
      includeStack.pop();
    }
  }

  private static List<Path> confFilesIn(Path dir, String fromFile, int fromLine) {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.conf")) {
      stream.forEach(files::add);
    } catch (IOException e) {
      throw new SecLangException(fromFile, fromLine, "cannot list " + dir + ": " + e.getMessage());
    }
    files.sort(null);
    return files;
  }

  private void parseInto(String text, String sourceName, Path baseDirectory, List<Directive> out) {
    String[] lines = text.split("\n", -1);
    StringBuilder logical = new StringBuilder();
    int startLine = 0;
    for (int index = 0; index < lines.length; index++) {
      String line = lines[index];
      if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
      if (logical.length() == 0) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
        startLine = index + 1;
      }
      if (line.endsWith("\\")) {
        logical.append(line, 0, line.length() - 1);
        if (index < lines.length - 1) continue;
      } else {
        logical.append(line);
      }
      String directiveText = logical.toString();
      logical.setLength(0);
      try {
        addDirective(directiveText, sourceName, startLine, baseDirectory, out);
      } catch (SecLangException e) {
        if (errors == null) throw e;
        errors.add(e);
      }
    }
  }

  private void addDirective(
      String text, String sourceName, int line, Path baseDirectory, List<Directive> out) {
    List<String> words = DirectiveSplitter.split(text, sourceName, line);
    if (words.isEmpty()) return;
    String name = words.get(0);
    List<String> arguments = List.copyOf(words.subList(1, words.size()));
    if (name.toLowerCase(Locale.ROOT).equals("include")) {
      if (arguments.size() != 1) {
        throw new SecLangException(sourceName, line, "Include takes exactly one path");
      }
      for (Path target : IncludeResolver.resolve(arguments.get(0), baseDirectory, sourceName, line)) {
        includeFile(target, out, sourceName, line);
      }
      return;
    }
    out.add(new Directive(name, arguments, sourceName, line, baseDirectory));
  }
}

package dev.vpatch.ftw.wire;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An append-only log file (a JSON-lines alert stream or audit log, or a ModSecurity-style error
 * log) read from a byte offset. Rule ids are taken from {@code [id "N"]} and from JSON
 * {@code "ruleId": "N"} / {@code "rule_id": N} fields; alert stream lines are shown as ModSecurity
 * error log lines. Because the server may write the record
 * just after the response, {@link #since(long)} waits until the file stops growing for
 * {@code settleMillis}.
 */
public final class LogFileAlertSource implements AlertSource {
  private static final Pattern RULE_ID = Pattern.compile(
      "\\[id \"(\\d+)\"\\]|\"(?:ruleId|rule_id)\"\\s*:\\s*\"?(\\d+)");
  private static final int MAX_READ = 16 * 1024 * 1024;

  private final Path file;
  private final long settleMillis;

  public LogFileAlertSource(Path file, long settleMillis) {
    this.file = file;
    this.settleMillis = settleMillis;
  }

  @Override
  public long mark() {
    return size();
  }

  @Override
  public WafLog since(long mark) {
    long end = awaitQuiet();
    if (end <= mark) {
      return WafLog.EMPTY;
    }
    String text = read(mark, (int) Math.min(end - mark, MAX_READ));
    return new WafLog(ruleIds(text), withAlertsAsErrorLog(text));
  }

  /** Alert stream lines become ModSecurity error log lines, what {@code match_regex} is written for. */
  static String withAlertsAsErrorLog(String text) {
    StringBuilder result = new StringBuilder(text.length() * 2);
    text.lines().forEach(line -> {
      String errorLog = AlertLine.asErrorLog(line);
      result.append(errorLog != null ? errorLog : line).append('\n');
    });
    return result.toString();
  }

  static List<Long> ruleIds(String text) {
    List<Long> ids = new ArrayList<>();
    Matcher matcher = RULE_ID.matcher(text);
    while (matcher.find()) {
      ids.add(Long.parseLong(matcher.group(1) != null ? matcher.group(1) : matcher.group(2)));
    }
    return ids;
  }

  private long awaitQuiet() {
    long size = size();
    while (true) {
      try {
        Thread.sleep(settleMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return size;
      }
      long now = size();
      if (now == size) {
        return now;
      }
      size = now;
    }
  }

  private long size() {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read alert log " + file, e);
    }
  }

  private String read(long offset, int length) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      byte[] bytes = new byte[length];
      in.seek(offset);
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read alert log " + file, e);
    }
  }
}

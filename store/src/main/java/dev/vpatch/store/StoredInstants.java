package dev.vpatch.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as fixed-width ISO-8601 UTC text with milliseconds, so text order is time order in every database. */
final class StoredInstants {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private StoredInstants() {}

  static String format(Instant instant) {
    return instant == null ? null : FORMAT.format(instant);
  }

  static Instant parse(String text) {
    return text == null ? null : Instant.parse(text);
  }

  static String formatDate(LocalDate date) {
    return date == null ? null : date.toString();
  }

  static LocalDate parseDate(String text) {
    return text == null ? null : LocalDate.parse(text);
  }
}

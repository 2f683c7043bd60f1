package dev.vpatch.app.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** How the commands print rule id lists and times. */
final class Formats {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
      .withZone(ZoneOffset.UTC);

  private Formats() {}

  /** "10000000-10000002" for a consecutive run, else a comma list. */
  static String ruleIds(List<Long> ids) {
    if (ids.isEmpty()) {
      return "-";
    }
    boolean consecutive = true;
    for (int i = 1; i < ids.size(); i++) {
      consecutive &= ids.get(i) == ids.get(i - 1) + 1;
    }
    if (consecutive && ids.size() > 2) {
      return ids.get(0) + "-" + ids.get(ids.size() - 1);
    }
    StringBuilder text = new StringBuilder();
    for (Long id : ids) {
      text.append(text.length() == 0 ? "" : ",").append(id);
    }
    return text.toString();
  }

  static String time(Instant instant) {
    return instant == null ? "-" : TIME.format(instant);
  }
}

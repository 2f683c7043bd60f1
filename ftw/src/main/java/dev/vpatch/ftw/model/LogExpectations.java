package dev.vpatch.ftw.model;

import java.util.List;

/** The {@code output.log} section: rule ids that must / must not be logged, and log regexes. */
public record LogExpectations(
    List<Long> expectIds, List<Long> noExpectIds, String matchRegex, String noMatchRegex) {

  public static final LogExpectations NONE = new LogExpectations(List.of(), List.of(), null, null);

  public LogExpectations {
    expectIds = List.copyOf(expectIds);
    noExpectIds = List.copyOf(noExpectIds);
  }

  public boolean isEmpty() {
    return expectIds.isEmpty() && noExpectIds.isEmpty() && matchRegex == null && noMatchRegex == null;
  }
}

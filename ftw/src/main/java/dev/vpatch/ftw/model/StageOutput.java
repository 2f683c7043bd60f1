package dev.vpatch.ftw.model;

import java.util.List;

/**
 * What a stage expects.
 *
 * @param status accepted HTTP statuses (go-ftw once allowed a list); empty when not checked
 * @param responseContains text the raw response must contain, or null
 * @param log rule id and log expectations
 * @param logContains deprecated go-ftw field: a regex the log must match, or null
 * @param noLogContains deprecated go-ftw field: a regex the log must not match, or null
 * @param expectError whether the exchange is expected to fail (no parsable response)
 * @param isolated whether exactly one rule may be logged
 */
public record StageOutput(
    List<Integer> status,
    String responseContains,
    LogExpectations log,
    String logContains,
    String noLogContains,
    boolean expectError,
    boolean isolated) {

  public StageOutput {
    status = List.copyOf(status);
  }
}

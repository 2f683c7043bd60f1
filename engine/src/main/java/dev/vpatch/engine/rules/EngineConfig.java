package dev.vpatch.engine.rules;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.Set;

/**
 * The engine configuration directives of a rule set (immutable). Defaults are ModSecurity's
 * built-in ones; vpatch's own recommended settings come from its default configuration file.
 */
public record EngineConfig(
    EngineMode ruleEngine,
    boolean requestBodyAccess,
    boolean responseBodyAccess,
    long requestBodyLimit,
    long requestBodyNoFilesLimit,
    boolean requestBodyLimitReject,
    long responseBodyLimit,
    boolean responseBodyLimitReject,
    Set<String> responseBodyMimeTypes,
    char argumentSeparator,
    int argumentsLimit,
    int jsonDepthLimit,
    String auditEngine,
    String auditLogParts,
    Pattern auditLogRelevantStatus,
    String auditLogPath,
    List<String> componentSignatures) {

  /** A mutable builder used while directives are compiled. */
  public static final class Builder {
    EngineMode ruleEngine = EngineMode.ON;
    boolean requestBodyAccess;
    boolean responseBodyAccess;
    long requestBodyLimit = 13_107_200;
    long requestBodyNoFilesLimit = 131_072;
    boolean requestBodyLimitReject = true;
    long responseBodyLimit = 524_288;
    boolean responseBodyLimitReject = true;
    Set<String> responseBodyMimeTypes = new java.util.LinkedHashSet<>(List.of("text/plain", "text/html"));
    char argumentSeparator = '&';
    int argumentsLimit = 1000;
    int jsonDepthLimit = 10_000;
    String auditEngine = "Off";
    String auditLogParts = "ABCFHZ";
    Pattern auditLogRelevantStatus;
    String auditLogPath;
    List<String> componentSignatures = new java.util.ArrayList<>();

    public EngineConfig build() {
      return new EngineConfig(
          ruleEngine,
          requestBodyAccess,
          responseBodyAccess,
          requestBodyLimit,
          requestBodyNoFilesLimit,
          requestBodyLimitReject,
          responseBodyLimit,
          responseBodyLimitReject,
          Set.copyOf(responseBodyMimeTypes),
          argumentSeparator,
          argumentsLimit,
          jsonDepthLimit,
          auditEngine,
          auditLogParts,
          auditLogRelevantStatus,
          auditLogPath,
          List.copyOf(componentSignatures));
    }
  }
}

package dev.vpatch.patches.importers;

/** Findings not imported, grouped by scanner check and reason, with how many there were. */
public record SkippedFinding(String tool, String ruleId, String name, String reason, int count) {}

package dev.vpatch.store.model;

import java.time.Instant;

/** Result of the last run of a patch's go-ftw tests. */
public record TestOutcome(Instant at, boolean passed, String summary) {}

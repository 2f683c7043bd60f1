package dev.vpatch.store.model;

import java.time.Instant;

/** One entry of a patch's state history: when, who, why, from which mode to which. */
public record StateChange(long id, long patchId, Instant at, String actor, PatchMode from, PatchMode to, String reason) {}

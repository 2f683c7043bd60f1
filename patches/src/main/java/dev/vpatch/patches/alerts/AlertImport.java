package dev.vpatch.patches.alerts;

/** What an alert stream import did: alerts stored, duplicates ignored, and how many belong to vpatch patches. */
public record AlertImport(int stored, int duplicates, int linkedToPatches) {}

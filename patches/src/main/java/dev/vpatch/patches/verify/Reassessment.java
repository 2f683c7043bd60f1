package dev.vpatch.patches.verify;

import java.util.List;

/** Outcome of replaying a vulnerability's PoCs against the origin. */
public record Reassessment(boolean reproduces, List<String> details) {}

package dev.vpatch.patches.verify;

import dev.vpatch.store.model.TestOutcome;
import java.util.List;

/** The outcome of running a patch's tests, with one line per failed test. */
public record PatchTestRun(TestOutcome outcome, List<String> failures) {}

package dev.vpatch.patches.verify;

import dev.vpatch.store.model.Patch;

/** Runs a patch's go-ftw tests with the ftw module's runner. */
public final class PatchTester {
  private PatchTester() {}

  public static PatchTestRun run(Patch patch, String targetUrl) {
    throw new UnsupportedOperationException("the go-ftw runner is not available in this build yet");
  }
}

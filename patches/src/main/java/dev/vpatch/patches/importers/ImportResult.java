package dev.vpatch.patches.importers;

import dev.vpatch.store.model.Patch;
import dev.vpatch.store.model.Vulnerability;
import java.util.List;

/** What one import created and what it skipped. */
public record ImportResult(String file, int findings, List<Vulnerability> vulnerabilities, List<Patch> draftPatches,
    List<SkippedFinding> skipped) {}

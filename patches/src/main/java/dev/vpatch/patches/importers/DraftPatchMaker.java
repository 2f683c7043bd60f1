package dev.vpatch.patches.importers;

import dev.vpatch.store.StoreSession;
import dev.vpatch.store.model.Patch;
import dev.vpatch.store.model.Vulnerability;

/** Creates the draft patch for a freshly imported vulnerability, inside the import's transaction. */
@FunctionalInterface
public interface DraftPatchMaker {
  Patch draftFor(StoreSession session, Vulnerability vulnerability);
}
